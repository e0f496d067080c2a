package dev.swasd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swasd.RandomTries;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path must accept and refuse exactly what ISO_INSTANT does. */
class TimestampsTest {
    @Test
    void readsTheClientsFormAsIsoInstantDoes() {
        RandomTries.check(2000, random -> {
            Instant instant = instant(random);
            String text = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(instant);
        });
    }

    private static Instant instant(Random random) {
        // whole seconds, years 0000-9999: the 20-character form the clients send
        return Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L + 1));
    }

    @Test
    void agreesWithIsoInstantOnNearMisses() {
        RandomTries.check(3000, random -> {
            String text = nearMiss(random);
            Instant expected;
            try {
                expected = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> Timestamps.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
                return;
            }
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(expected);
        });
    }

    private static final List<String> BASES = List.of(
            "2026-12-01T20:03:07Z",
            "2024-02-29T23:59:59Z",
            "2023-02-28T00:00:00Z",
            "1999-12-31T23:59:60Z",
            "0000-01-01T00:00:00Z");
    private static final char[] REPLACEMENTS = {'0', '1', '2', '3', '5', '6', '9', 'Z', 'T', '-', ':', ' ', '+', 'a'};

    private static String nearMiss(Random random) {
        // a valid form with one character replaced by a digit, a letter or punctuation
        String b = BASES.get(random.nextInt(BASES.size()));
        int i = random.nextInt(b.length());
        char c = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
        return b.substring(0, i) + c + b.substring(i + 1);
    }

    @Test
    void otherFormsGoToIsoInstant() {
        assertThat(Timestamps.parse("2026-12-01T20:03:07.123Z")).isEqualTo(Instant.parse("2026-12-01T20:03:07.123Z"));
        assertThatThrownBy(() -> Timestamps.parse("2026-02-30T20:03:07Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse("2026-12-01 20:03:07")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse("")).isInstanceOf(DateTimeParseException.class);
    }
}

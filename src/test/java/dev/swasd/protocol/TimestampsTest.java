package dev.swasd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast path must accept and refuse exactly what ISO_INSTANT does. */
class TimestampsTest {
    @Property(tries = 2000)
    void readsTheClientsFormAsIsoInstantDoes(@ForAll("instants") Instant instant) {
        String text = DateTimeFormatter.ISO_INSTANT.format(instant);
        assertThat(Timestamps.parse(text)).isEqualTo(instant);
    }

    @Provide
    Arbitrary<Instant> instants() {
        // whole seconds, years 0000-9999: the 20-character form the clients send
        return Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L).map(Instant::ofEpochSecond);
    }

    @Property(tries = 3000)
    void agreesWithIsoInstantOnNearMisses(@ForAll("nearMisses") String text) {
        Instant expected;
        try {
            expected = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Timestamps.parse(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> nearMisses() {
        // a valid form with one character replaced by a digit, a letter or punctuation
        Arbitrary<String> base = Arbitraries.of("2026-12-01T20:03:07Z", "2024-02-29T23:59:59Z", "2023-02-28T00:00:00Z",
                "1999-12-31T23:59:60Z", "0000-01-01T00:00:00Z");
        return base.flatMap(b -> Arbitraries.integers().between(0, b.length() - 1).flatMap(i ->
                Arbitraries.of('0', '1', '2', '3', '5', '6', '9', 'Z', 'T', '-', ':', ' ', '+', 'a')
                        .map(c -> b.substring(0, i) + c + b.substring(i + 1))));
    }

    @Test
    void otherFormsGoToIsoInstant() {
        assertThat(Timestamps.parse("2026-12-01T20:03:07.123Z")).isEqualTo(Instant.parse("2026-12-01T20:03:07.123Z"));
        assertThatThrownBy(() -> Timestamps.parse("2026-02-30T20:03:07Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse("2026-12-01 20:03:07")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse("")).isInstanceOf(DateTimeParseException.class);
    }
}

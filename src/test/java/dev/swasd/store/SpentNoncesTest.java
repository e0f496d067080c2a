package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.RandomTries;
import dev.swasd.store.SpentNonces.Fingerprint;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpentNoncesTest {
    private static final long MINUTE = 60_000;

    @Test
    void aNonceIsSpentFromTheMillisecondItWasSpentOn() {
        SpentNonces spent = new SpentNonces();
        Fingerprint f = Fingerprint.of("AK", "n");
        long at = 10 * MINUTE + 12_345;
        assertThat(spent.spentSince(f, 0)).isFalse();
        spent.add(f, at);
        assertThat(spent.spentSince(f, at)).isTrue();
        assertThat(spent.spentSince(f, at - 15 * MINUTE)).isTrue();
        assertThat(spent.spentSince(f, at + 1))
                .as("a window that starts after it")
                .isFalse();
        assertThat(spent.spentSince(Fingerprint.of("AK", "other"), 0)).isFalse();
        assertThat(spent.spentSince(Fingerprint.of("AK2", "n"), 0))
                .as("per AccessKeyId")
                .isFalse();
    }

    @Test
    void theKeyAndTheNonceCannotTradeCharacters() {
        assertThat(Fingerprint.of("AK", "1n")).isNotEqualTo(Fingerprint.of("AK1", "n"));
        assertThat(Fingerprint.of("AK", "n")).isEqualTo(Fingerprint.of("AK", "n"));
    }

    @Test
    void forgettingDropsWholeMinutesAndHidesTheRest() {
        SpentNonces spent = new SpentNonces();
        Fingerprint early = Fingerprint.of("AK", "early");
        Fingerprint sameMinute = Fingerprint.of("AK", "same-minute");
        Fingerprint late = Fingerprint.of("AK", "late");
        spent.add(early, 5 * MINUTE + 100);
        spent.add(sameMinute, 7 * MINUTE + 100);
        spent.add(late, 7 * MINUTE + 50_000);
        spent.forgetBefore(7 * MINUTE + 200);
        assertThat(spent.size()).as("minute 5 is gone; minute 7 stays whole").isEqualTo(2);
        assertThat(spent.spentSince(early, 0)).isFalse();
        assertThat(spent.spentSince(sameMinute, 0))
                .as("spent before the bound, so forgotten")
                .isFalse();
        assertThat(spent.spentSince(late, 0)).isTrue();
    }

    @Test
    void aNonceSpentAgainInALaterMinuteCountsFromTheLaterTime() {
        SpentNonces spent = new SpentNonces();
        Fingerprint f = Fingerprint.of("AK", "again");
        spent.add(f, MINUTE);
        spent.add(f, 20 * MINUTE + 5);
        assertThat(spent.spentSince(f, 20 * MINUTE)).isTrue();
        assertThat(spent.spentSince(f, 20 * MINUTE + 6)).isFalse();
    }

    /** Against a plain map of the same claims: the tables grow, probe and expire as the map does. */
    @Test
    void agreesWithAMapOfExactTimes() {
        RandomTries.check(
                30,
                tries -> agreesWithAMapOfExactTimes((int) RandomTries.longBetween(tries, 1, 20_000), tries.nextLong()));
    }

    private static void agreesWithAMapOfExactTimes(int claims, long seed) {
        Random random = new Random(seed);
        SpentNonces spent = new SpentNonces();
        Map<String, Long> latest = new HashMap<>();
        long now = 1_700_000_000_000L;
        for (int i = 0; i < claims; i++) {
            now += random.nextInt(200);
            String nonce = "n" + random.nextInt(Math.max(1, claims / 2)); // about half repeat
            spent.add(Fingerprint.of("AK", nonce), now);
            latest.put(nonce, now);
        }
        long since = now - random.nextInt((int) Math.max(1, Math.min(Integer.MAX_VALUE, now - 1_700_000_000_000L + 1)));
        for (int i = 0; i < 500; i++) {
            String nonce = "n" + random.nextInt(Math.max(1, claims));
            Long at = latest.get(nonce);
            assertThat(spent.spentSince(Fingerprint.of("AK", nonce), since)).isEqualTo(at != null && at >= since);
        }
    }
}

package dev.swasd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void anIdIsAnUpperCaseVersion4Uuid() {
        for (int i = 0; i < 1_000; i++) {
            String id = RequestIds.next();
            assertThat(id).matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(parsed.toString().toUpperCase()).isEqualTo(id);
        }
    }

    @Test
    void idsDoNotRepeatAcrossThreads() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 50_000; i++) {
                    seen.add(RequestIds.next());
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).hasSize(200_000);
    }

    @Test
    void everyHexDigitPositionVaries() {
        // a digit stuck at one value would show a slip in the bit layout
        Set<Character>[] digits = new Set[36];
        for (int i = 0; i < 36; i++) {
            digits[i] = new HashSet<>();
        }
        for (int n = 0; n < 2_000; n++) {
            String id = RequestIds.next();
            for (int i = 0; i < 36; i++) {
                digits[i].add(id.charAt(i));
            }
        }
        for (int i = 0; i < 36; i++) {
            int expected = switch (i) {
                case 8, 13, 18, 23 -> 1; // the dashes
                case 14 -> 1; // the version
                case 19 -> 4; // the variant: 8, 9, A, B
                default -> 16;
            };
            assertThat(digits[i]).as("position %d", i).hasSize(expected);
        }
    }
}

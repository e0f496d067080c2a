package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.RandomTries;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccessLogTest {
    @Test
    void aLineHoldsEveryFieldAndDashesForTheMissing() {
        assertThat(AccessLog.line("ID-1", "ListCustomImages", "bench-user", 200, null, 1_234_567))
                .isEqualTo("request_id=ID-1 action=ListCustomImages principal=bench-user status=200 code=- "
                        + "latency_ms=1.235");
        assertThat(AccessLog.line("ID-2", null, null, 400, "MissingParameter", 5_000))
                .isEqualTo("request_id=ID-2 action=- principal=- status=400 code=MissingParameter latency_ms=0.005");
        assertThat(AccessLog.line("ID-3", "A", "p", 200, null, 12_345_678_901L)).endsWith("latency_ms=12345.679");
    }

    /** The latency reads as %.3f of milliseconds did (away from exact ties, where a double may round either way). */
    @Test
    void latencyAsPercentPointThreeF() {
        RandomTries.check(2000, random -> {
            long nanos = RandomTries.longBetween(random, 0, 100_000_000_000L);
            if (nanos % 1000 == 500) {
                return;
            }
            String line = AccessLog.line("R", "A", "P", 200, null, nanos);
            assertThat(line.substring(line.indexOf("latency_ms=") + 11))
                    .as("nanos %d", nanos)
                    .isEqualTo(String.format(Locale.ROOT, "%.3f", nanos / 1e6));
        });
    }
}

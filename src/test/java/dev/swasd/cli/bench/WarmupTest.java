package dev.swasd.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The warm-up reads the JIT's total from Prometheus text, and knows when a server does not say. */
class WarmupTest {
    private static long parse(String text) {
        return Warmup.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheCompilationTotalWithOrWithoutLabels() {
        assertThat(parse("""
                # HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation
                # TYPE jvm_compilation_time_ms_total counter
                jvm_compilation_time_ms_total{compiler="HotSpot 64-Bit Tiered Compilers"} 12345.0
                jvm_gc_pause_seconds_count 3.0
                """)).isEqualTo(12345);
        assertThat(parse("jvm_compilation_time_ms_total 7.0\n")).isEqualTo(7);
    }

    @Test
    void aServerWithoutTheMeterIsUnknown() {
        assertThat(parse("jvm_compilation_time_ms_totally_else 3.0\nprocess_uptime_seconds 9.0\n"))
                .isEqualTo(-1);
        assertThat(parse("")).isEqualTo(-1);
    }

    @Test
    void settlingTakesQuietSlicesInARowAndABusyOneStartsAgain() {
        int quiet = 0;
        for (long slice : new long[] {400, 120, 7}) {
            quiet = Warmup.quietInARow(slice, quiet);
        }
        assertThat(quiet).isEqualTo(1); // one quiet second between busy ones is not settled
        quiet = Warmup.quietInARow(60, quiet);
        assertThat(quiet).isZero();
        for (long slice : new long[] {10, 0, 49}) {
            quiet = Warmup.quietInARow(slice, quiet);
        }
        assertThat(quiet).isEqualTo(Warmup.QUIET_SLICES);
    }

    @Test
    void theOutcomeSaysWhetherTheJitSettled() {
        assertThat(new Warmup.Outcome(4, 20, true, 1000).describe())
                .contains("JIT settled")
                .contains("20 ms");
        assertThat(new Warmup.Outcome(30, 400, false, 1000).describe()).contains("still busy");
        assertThat(new Warmup.Outcome(5, -1, false, 1000).describe()).contains("no JIT meter");
    }
}

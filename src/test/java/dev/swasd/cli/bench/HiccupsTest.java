package dev.swasd.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HiccupsTest {
    @Test
    void anOversleptIntervalIsReportedWithItsLength() throws Exception {
        AtomicInteger sleeps = new AtomicInteger();
        CountDownLatch pastTheStall = new CountDownLatch(1);
        // the 20th sleep takes 30 ms instead of 1: the stall a hypervisor or a pause would cause
        Hiccups meter = Hiccups.start(nanos -> {
            int n = sleeps.incrementAndGet();
            Thread.sleep(n == 20 ? Duration.ofMillis(30) : Duration.ofNanos(nanos));
            if (n == 25) {
                pastTheStall.countDown();
            }
        });
        assertThat(pastTheStall.await(10, TimeUnit.SECONDS)).isTrue();
        Hiccups.Summary seen = meter.stop();

        assertThat(seen.longestMillis()).isBetween(28.0, 1_000.0);
        assertThat(seen.notable()).isGreaterThanOrEqualTo(1);
        assertThat(seen.describe()).startsWith("hiccups: longest ").contains(" >= 5 ms");
    }

    @Test
    void theLongestIsShownRoundedDownSoItAgreesWithTheCount() {
        Hiccups.Summary justUnder = new Hiccups.Summary(4.99, 0, -1);
        assertThat(justUnder.longestShownMillis()).isEqualTo(4.9);
        assertThat(justUnder.describe()).isEqualTo("hiccups: longest 4.9 ms, 0 >= 5 ms");
        assertThat(new Hiccups.Summary(12.0, 3, 40).describe())
                .isEqualTo("hiccups: longest 12.0 ms, 3 >= 5 ms, steal 40 ms");
    }

    @Test
    void stealIsReadFromTheKernelWhereItSaysSo() throws Exception {
        long steal = Hiccups.stealMillis();
        if (Files.isReadable(Path.of("/proc/stat"))) {
            assertThat(steal).isNotNegative();
            Hiccups.Summary seen = Hiccups.start().stop();
            assertThat(seen.stealMillis()).isNotNegative();
            assertThat(seen.describe()).containsPattern(", steal \\d+ ms$");
        } else {
            assertThat(steal).isEqualTo(-1);
            assertThat(Hiccups.start().stop().describe()).doesNotContain("steal");
        }
    }

    @Test
    void stopEndsTheMeterSoItTakesNoMoreCpu() throws Exception {
        AtomicInteger sleeps = new AtomicInteger();
        Hiccups meter = Hiccups.start(nanos -> {
            sleeps.incrementAndGet();
            Thread.sleep(Duration.ofNanos(nanos));
        });
        Thread.sleep(30);
        meter.stop();
        int atStop = sleeps.get();
        Thread.sleep(30);

        assertThat(atStop).isPositive();
        assertThat(sleeps.get()).isEqualTo(atStop);
    }
}

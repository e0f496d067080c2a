package dev.swasd.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final BenchReport report = new BenchReport(new PrintStream(printed, true, StandardCharsets.UTF_8));

    private static LoadRun.Result run(long operations, double seconds) {
        Histogram latency = new Histogram(3);
        latency.recordValue(1_000);
        return new LoadRun.Result(operations, 0, seconds, latency, null);
    }

    @Test
    void eachSidesCpuIsShownPerOperation() {
        // 15,000 requests in 2 s at 1.5 server cores: 100 µs of server CPU each; 0.3 client cores: 20 µs
        report.scenario("list", "(a) list", run(30_000, 2), 45_000, 1.5, 0.3, new Hiccups.Summary(1.2, 0, 0), "req/s ");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("(server 1.50 cores, 100 us/req, client 0.30 cores, 20 us/req, hiccups: longest 1.2 ms");
        assertThat(report.json().path("cpu").path("list").path("server_us").asDouble())
                .isEqualTo(100.0);
        assertThat(report.json().path("cpu").path("list").path("client_us").asDouble())
                .isEqualTo(20.0);
        assertThat(report.json().path("cpu").path("list").path("server_cores").asDouble())
                .isEqualTo(1.5);
    }

    @Test
    void aCycleIsTheUnitOfTheCycleScenario() {
        report.scenario(
                "cycle", "(b) cycle", run(5_000, 2), 45_000, 1.5, 0.2, new Hiccups.Summary(1.2, 0, 0), "cyc/s ");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("server 1.50 cores, 600 us/cyc, client 0.20 cores, 80 us/cyc");
    }

    @Test
    void aServerTheBenchDidNotStartIsNotMeasuredAndLeavesNoFigure() {
        report.scenario(
                "list", "(a) list", run(30_000, 2), 45_000, Double.NaN, 0.3, new Hiccups.Summary(1.2, 0, -1), "req/s ");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("(server not measured, client 0.30 cores, 20 us/req");
        assertThat(report.json().path("cpu").path("list").has("server_us")).isFalse();
        assertThat(report.json().path("cpu").path("list").path("client_us").asDouble())
                .isEqualTo(20.0);
        // JSON has no NaN: the line must stay parseable
        report.finish();
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("NaN");
    }
}

package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.Slow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code swasd bench} runs end to end on a fresh server (briefly): every scenario is measured with
 * no failed request, and the last line is the JSON object README promises. The figures themselves
 * are not asserted; they belong to docs/performance.md, not to a test.
 */
@Slow
class BenchCommandTest {
    @Test
    void aShortRunReportsEveryScenario() throws Exception {
        try (ServeProcess p =
                ServeProcess.start(Map.of(), "bench", "--seconds", "1", "--images", "50", "--connections", "4")) {
            assertThat(p.awaitExit(180)).as("stderr %s", p.err).isZero();
            List<String> out = p.out;
            assertThat(out).anySatisfy(l -> assertThat(l).startsWith("(a) ListCustomImages"));
            assertThat(out).anySatisfy(l -> assertThat(l).contains("RAM user"));
            // each scenario is warmed up while the bench watches the server's JIT meter
            for (String scenario : List.of("(d)", "(a)", "(b)", "(c)")) {
                assertThat(out)
                        .anySatisfy(l -> assertThat(l)
                                .startsWith("    warm-up " + scenario + ": ")
                                .containsPattern("JIT (settled|still busy)"));
            }
            JsonNode json = new ObjectMapper().readTree(out.getLast());
            for (String key : List.of(
                    "list_rps",
                    "list_p99_ms",
                    "cycle_per_s",
                    "delete15_rps",
                    "bare_rps",
                    "ratio_list_to_bare",
                    "startup_ms",
                    "rss_peak_mib")) {
                assertThat(json.has(key)).as(key).isTrue();
                assertThat(json.path(key).asDouble()).as(key).isPositive();
            }
            assertThat(json.path("failures").asLong()).isZero();
            // what the platform took from each scenario, and the CPU each side spent per request
            // (per cycle for (b)), measured beside it
            for (String scenario : List.of("bare", "list", "list_at_70pct", "cycle", "delete15")) {
                JsonNode h = json.path("hiccups").path(scenario);
                assertThat(h.path("longest_ms").isNumber()).as(scenario).isTrue();
                assertThat(h.path("over_5ms").asLong(-1)).as(scenario).isNotNegative();
                JsonNode cpu = json.path("cpu").path(scenario);
                assertThat(cpu.path("server_us").asDouble()).as(scenario).isPositive();
                assertThat(cpu.path("client_us").asDouble()).as(scenario).isPositive();
            }
            assertThat(out)
                    .filteredOn(l -> l.startsWith("("))
                    .allSatisfy(l -> assertThat(l)
                            .containsPattern("hiccups: longest \\d+\\.\\d ms, \\d+ >= 5 ms(, steal \\d+ ms)?\\)"));
            assertThat(out)
                    .filteredOn(l -> l.startsWith("("))
                    .allSatisfy(
                            l -> assertThat(l)
                                    .containsPattern(
                                            "\\(server \\d+\\.\\d\\d cores, \\d+ us/(req|cyc), client \\d+\\.\\d\\d cores, \\d+ us/(req|cyc), "));
            assertThat(out)
                    .filteredOn(l -> l.startsWith("(b)"))
                    .singleElement()
                    .asString()
                    .contains(" us/cyc,");
            // the µs per operation are the cores spread over the scenario's rate
            Map<String, String> rates =
                    Map.of("bare", "bare_rps", "list", "list_rps", "cycle", "cycle_per_s", "delete15", "delete15_rps");
            rates.forEach((scenario, rate) -> {
                JsonNode cpu = json.path("cpu").path(scenario);
                assertThat(cpu.path("server_us").asDouble())
                        .as(scenario)
                        .isCloseTo(
                                cpu.path("server_cores").asDouble()
                                        / json.path(rate).asDouble()
                                        * 1e6,
                                withinPercentage(2));
            });
        }
    }

    @Test
    void onlyTheChosenScenariosRunBesideTheBareEndpoint() throws Exception {
        try (ServeProcess p = ServeProcess.start(
                Map.of(), "bench", "--seconds", "1", "--images", "20", "--connections", "2", "--scenarios", "list")) {
            assertThat(p.awaitExit(180)).as("stderr %s", p.err).isZero();
            assertThat(p.out).noneSatisfy(l -> assertThat(l).startsWith("(b)"));
            JsonNode json = new ObjectMapper().readTree(p.out.getLast());
            assertThat(json.path("list_rps").asDouble()).isPositive();
            assertThat(json.path("bare_rps").asDouble()).isPositive();
            assertThat(json.has("cycle_per_s")).isFalse();
            assertThat(json.has("delete15_rps")).isFalse();
            assertThat(json.path("hiccups").has("cycle")).isFalse();
        }
    }

    @Test
    void badArgumentsAreOneLine() throws Exception {
        try (ServeProcess p = ServeProcess.start(Map.of(), "bench", "--seconds", "0")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1);
        }
        try (ServeProcess p = ServeProcess.start(Map.of(), "bench", "--endpoint", "127.0.0.1:1")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1).first().asString().contains("--access-key-id");
        }
        try (ServeProcess p = ServeProcess.start(Map.of(), "bench", "--scenarios", "list,nope")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1).first().asString().contains("nope");
        }
    }
}

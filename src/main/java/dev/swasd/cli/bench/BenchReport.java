package dev.swasd.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Locale;

/** Prints a scenario's figures as a readable line and collects them for the closing JSON line. */
final class BenchReport {
    private final PrintStream out;
    private final ObjectNode json = new ObjectMapper().createObjectNode();

    BenchReport(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    /**
     * The scenario's line, and its CPU and hiccups under {@code key} in the JSON. Beside the cores
     * each side used it shows their CPU time per operation (request or cycle), the figure that
     * tells whether a change made the server cheaper, where throughput on a shared machine moves
     * by a third from run to run.
     */
    void scenario(
            String key,
            String name,
            LoadRun.Result r,
            double bareRps,
            double serverCores,
            double clientCores,
            Hiccups.Summary hiccups,
            String unit) {
        String ratio =
                Double.isNaN(bareRps) ? "" : String.format(Locale.ROOT, "  %.2f x bare", r.perSecond() / bareRps);
        String per = " us/" + unit.substring(0, unit.indexOf('/'));
        line(String.format(
                Locale.ROOT,
                "%-34s %9.0f %s  p50 %7.3f ms  p99 %7.3f ms  p99.9 %7.3f ms  max %8.3f ms%s"
                        + "  (server %s, client %s, %s%s)",
                name,
                r.perSecond(),
                unit,
                r.millis(50),
                r.millis(99),
                r.millis(99.9),
                r.latency().getMaxValue() / 1000.0,
                ratio,
                cpuText(serverCores, r.perSecond(), per),
                cpuText(clientCores, r.perSecond(), per),
                hiccups.describe(),
                r.failures() == 0 ? "" : ", " + r.failures() + " FAILED: " + r.firstFailure()));
        recordCpu(key, serverCores, clientCores, r.perSecond());
        recordHiccups(key, hiccups);
    }

    private static String cpuText(double cores, double perSecond, String per) {
        if (Double.isNaN(cores)) {
            return "not measured"; // a server this bench did not start
        }
        return String.format(Locale.ROOT, "%.2f cores, %.0f%s", cores, microsPerOperation(cores, perSecond), per);
    }

    /** CPU time per operation, from the cores used at a rate: 1.5 cores at 15,000 a second is 100 µs each. */
    private static double microsPerOperation(double cores, double perSecond) {
        return perSecond > 0 ? cores / perSecond * 1e6 : Double.NaN;
    }

    /** An object of the JSON line that holds one entry per scenario, made when first needed. */
    private ObjectNode section(String name) {
        return json.has(name) ? (ObjectNode) json.get(name) : json.putObject(name);
    }

    /** The CPU each side used during the scenario {@code key}, under "cpu" in the JSON line. */
    private void recordCpu(String key, double serverCores, double clientCores, double perSecond) {
        ObjectNode one = section("cpu").putObject(key);
        putCpu(one, "server", serverCores, perSecond);
        putCpu(one, "client", clientCores, perSecond);
    }

    private static void putCpu(ObjectNode into, String side, double cores, double perSecond) {
        double micros = microsPerOperation(cores, perSecond);
        if (Double.isFinite(cores) && Double.isFinite(micros)) { // JSON has no NaN
            into.put(side + "_cores", Math.round(cores * 1000) / 1000.0);
            into.put(side + "_us", Math.round(micros * 10) / 10.0);
        }
    }

    /** The platform's hiccups during the scenario {@code key}, under "hiccups" in the JSON line. */
    private void recordHiccups(String key, Hiccups.Summary h) {
        ObjectNode one = section("hiccups")
                .putObject(key)
                .put("longest_ms", h.longestShownMillis())
                .put("over_5ms", h.notable());
        if (h.stealMillis() >= 0) {
            one.put("steal_ms", h.stealMillis());
        }
    }

    ObjectNode json() {
        return json;
    }

    void put(String key, double value) {
        json.put(key, Math.round(value * 1000) / 1000.0);
    }

    void put(String key, long value) {
        json.put(key, value);
    }

    void put(String key, String value) {
        json.put(key, value);
    }

    void finish() {
        out.println(json.toString());
        out.flush();
    }
}

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

    void scenario(String name, LoadRun.Result r, double bareRps, double serverCores, double clientCores,
            Hiccups.Summary hiccups, String unit) {
        String ratio = Double.isNaN(bareRps) ? "" : String.format(Locale.ROOT, "  %.2f x bare", r.perSecond() / bareRps);
        line(String.format(Locale.ROOT, "%-34s %9.0f %s  p50 %7.3f ms  p99 %7.3f ms  p99.9 %7.3f ms  max %8.3f ms%s"
                        + "  (server %.2f cores, client %.2f cores, %s%s)",
                name, r.perSecond(), unit, r.millis(50), r.millis(99), r.millis(99.9), r.latency().getMaxValue() / 1000.0,
                ratio, serverCores, clientCores, hiccups.describe(),
                r.failures() == 0 ? "" : ", " + r.failures() + " FAILED: " + r.firstFailure()));
    }

    /** The platform's hiccups during the scenario {@code key}, under "hiccups" in the JSON line. */
    void hiccups(String key, Hiccups.Summary h) {
        ObjectNode all = json.has("hiccups") ? (ObjectNode) json.get("hiccups") : json.putObject("hiccups");
        ObjectNode one = all.putObject(key).put("longest_ms", h.longestShownMillis())
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

package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.HostileClient;
import dev.swasd.HostileClient.Reply;
import dev.swasd.TestDatabases;
import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.OperationDef;
import dev.swasd.catalog.ParamDef;
import dev.swasd.catalog.ParamKind;
import dev.swasd.catalog.Product;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every action of the catalog (SWAS, RAM, ECS) with parameters drawn at random from values a
 * careless or hostile client sends: other scripts' digits, signs, blanks, controls, XML and log
 * syntax, lone surrogates, huge numbers, malformed JSON, odd list indexes, every Format. Signed
 * with the root key, over HTTP, to two nodes on one database. No answer may be a 5xx (an action
 * the catalog knows and swasd does not implement is 400 NotImplemented) or hold Java
 * text; XML answers must parse; no log record may carry a stack trace or Java text, or take
 * more than its line. Seeded: {@code -Dswasd.fuzz.seed=N} repeats a run, and a failure names
 * its seed. Bounded by {@code -Dswasd.fuzz.count} (default 600) requests and 90 seconds.
 */
class ParameterFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JAVA_TEXT =
            Pattern.compile("Exception|java\\.|javax\\.|\\tat |Caused by|\\bat dev\\.swasd");
    private static final Pattern LINE_START = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT", Pattern.MULTILINE);
    private static final String[] NASTY = {
        "",
        " ",
        "  5",
        "5 ",
        "+5",
        "-1",
        "0",
        "1",
        "5",
        "20",
        "100",
        "1001",
        "99999999999999999999",
        "-9223372036854775808",
        "\u0665",
        "\uff15",
        "0x10",
        "1e3",
        "1.5",
        "NaN",
        "true",
        "FALSE",
        "yes",
        "a\u0001b\u0000c",
        "\u001f",
        "\u007f",
        "tab\there",
        "line\nbreak",
        "cr\rlf",
        "X\n2026-01-01T00:00:00.000Z INFO  access request_id=FORGED status=200",
        "X principal=0 status=200",
        "<a>&amp;</a>",
        "]]>",
        "\"'",
        "\\",
        "%",
        "%zz",
        "\uD800",
        "\uDC00x",
        "\uFFFE",
        "\uD83D\uDE00",
        "名字",
        "[]",
        "[\"a\"]",
        "[\"m-a\",\"m-b\"]",
        "[1,2]",
        "[\"\"]",
        "[",
        "{}",
        "{\"a\":1}",
        "null",
        "a,b",
        ",",
        "a,,b",
        "cn-hangzhou",
        "cn-beijing",
        "no-such-region",
        "i-0000",
        "m-0000",
        "s-0000",
        "d-0000",
        "acs:ram::1234567890123456:root",
        "http://x",
        "aliyun:tag",
        "PrePaid",
        "instance",
        "customimage",
        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
    };
    private static final String[] FORMATS = {null, null, null, null, "JSON", "XML", "XML", "xml", "YAML"};

    @TempDir
    static Path dir;

    @Test
    void noActionAnswers5xxOrJavaTextWhateverItsParameters() throws Exception {
        long seed = Long.getLong("swasd.fuzz.seed", new Random().nextLong());
        int count = Integer.getInteger("swasd.fuzz.count", 600);
        Duration budget = Duration.ofSeconds(90);
        System.out.println("ParameterFuzzTest seed=" + seed + " count=" + count);
        Random random = new Random(seed);
        List<OperationDef> ops = new ArrayList<>();
        for (Product p : Catalog.standard().products()) {
            ops.addAll(p.operations().values());
        }
        String url = TestDatabases.fresh(dir, "swasd");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger access = (Logger) LoggerFactory.getLogger("swasd.access");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        access.addAppender(log);
        int sent = 0;
        Map<String, Integer> codes = new TreeMap<>();
        try (TestServer a = TestServer.start(dir, url);
                TestServer b = TestServer.start(dir, url)) {
            List<TestServer> nodes = List.of(a, b);
            long deadline = System.nanoTime() + budget.toNanos();
            for (; sent < count && System.nanoTime() < deadline; sent++) {
                // every action once before any twice
                OperationDef op = sent < ops.size() ? ops.get(sent) : ops.get(random.nextInt(ops.size()));
                // half the requests: plausible values with one hostile parameter, so they get past
                // the first check and reach the actions, the store and the renderer
                Map<String, String> params = random.nextBoolean() ? parameters(op, random) : oneHostile(op, random);
                String format = FORMATS[random.nextInt(FORMATS.length)];
                if (format != null) {
                    params.put("Format", format);
                }
                TestServer node = nodes.get(sent % 2);
                HostileClient client =
                        new HostileClient(node.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
                // now and then an Action no catalog has: it reaches the log as sent
                String action = random.nextInt(20) == 0 ? NASTY[random.nextInt(NASTY.length)] : op.action();
                byte[] request = random.nextInt(4) == 0
                        ? client.v1(action, op.version(), params, HostileClient.nonce())
                        : client.v3(
                                action.replaceAll("[\\r\\n]", ""),
                                op.version(),
                                params,
                                Instant.now(),
                                HostileClient.nonce());
                Reply r = HostileClient.exchange(node.port(), request, 30_000);
                String what = "seed " + seed + ", request " + sent + ": " + op.action() + " " + printable(params)
                        + " -> " + r.status() + " " + r.body();
                check(r, what);
                String code = r.status() == 200 ? "200" : r.status() + " " + code(r);
                codes.merge(code, 1, Integer::sum);
            }
            Thread.sleep(100); // the access log's last lines
        } finally {
            root.detachAppender(log);
            access.detachAppender(log);
        }
        System.out.println("ParameterFuzzTest seed=" + seed + ": " + sent + " requests over " + ops.size()
                + " actions; answers " + codes);
        assertThat(sent).as("seed %d: requests sent", seed).isGreaterThanOrEqualTo(Math.min(count, ops.size()));
        // the requests reached the actions: signed right, some succeeded, many different refusals
        assertThat(codes).as("seed %d", seed).containsKey("200");
        assertThat(codes.size()).as("seed %d: %s", seed, codes).isGreaterThan(10);
        PatternLayout layout = layout();
        for (ILoggingEvent e : log.list) {
            String line = layout.doLayout(e);
            assertThat(e.getThrowableProxy()).as("seed %d: %s", seed, line).isNull();
            assertThat(e.getFormattedMessage()).as("seed %d", seed).doesNotContainPattern(JAVA_TEXT);
            assertThat(LINE_START.matcher(line).results().count())
                    .as("seed %d: %s", seed, line)
                    .isEqualTo(1);
            assertThat(line.indexOf('\n')).as("seed %d: %s", seed, line).isEqualTo(line.length() - 1);
        }
    }

    private static void check(Reply r, String what) throws Exception {
        assertThat(r.status()).as(what).isBetween(200, 499);
        assertThat(r.body()).as(what).doesNotContainPattern(JAVA_TEXT);
        String type = r.header("content-type");
        if (type != null && type.startsWith("text/xml")) {
            DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        } else {
            assertThat(JSON.readTree(r.body()).isObject()).as(what).isTrue();
        }
    }

    private static String code(Reply r) {
        try {
            String type = r.header("content-type");
            if (type != null && type.startsWith("text/xml")) {
                return DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)))
                        .getElementsByTagName("Code")
                        .item(0)
                        .getTextContent();
            }
            return JSON.readTree(r.body()).path("Code").asText();
        } catch (Exception e) {
            return "?";
        }
    }

    private static PatternLayout layout() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogLines.register(context);
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(LogSetup.PATTERN);
        layout.start();
        return layout;
    }

    /** Each catalog parameter present with probability 3/4, as its kind is written on the wire, with a nasty value. */
    private static Map<String, String> parameters(OperationDef op, Random random) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParamDef p : op.params()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            switch (p.kind()) {
                case REPEAT_LIST -> {
                    int n = 1 + random.nextInt(3);
                    for (int i = 1; i <= n; i++) {
                        out.put(p.name() + "." + index(i, random), value(p, random));
                    }
                }
                case REPEAT_OBJECT_LIST -> {
                    int n = 1 + random.nextInt(3);
                    for (int i = 1; i <= n; i++) {
                        String at = index(i, random);
                        for (ParamDef.FieldDef f : p.fields()) {
                            if (random.nextInt(5) > 0) {
                                out.put(p.name() + "." + at + "." + f.name(), field(f, random));
                            }
                        }
                    }
                }
                case FLATTENED_OBJECT -> {
                    for (ParamDef.FieldDef f : p.fields()) {
                        if (random.nextBoolean()) {
                            out.put(p.name() + "." + f.name(), field(f, random));
                        }
                    }
                }
                default -> out.put(p.name(), value(p, random));
            }
        }
        return out;
    }

    /** Every required parameter and some optional ones with plausible values, and one parameter hostile. */
    private static Map<String, String> oneHostile(OperationDef op, Random random) {
        Map<String, String> out = new LinkedHashMap<>();
        List<ParamDef> params = op.params();
        ParamDef hostile = params.isEmpty() ? null : params.get(random.nextInt(params.size()));
        for (ParamDef p : params) {
            if (p != hostile && !p.required() && random.nextBoolean()) {
                continue;
            }
            switch (p.kind()) {
                case REPEAT_LIST ->
                    out.put(
                            p.name() + ".1",
                            p == hostile
                                    ? value(p, random)
                                    : plausible(p.name(), p.itemType(), p.enumValues(), random));
                case REPEAT_OBJECT_LIST, FLATTENED_OBJECT -> {
                    String prefix = p.name() + (p.kind() == ParamKind.FLATTENED_OBJECT ? "." : ".1.");
                    ParamDef.FieldDef bad = p.fields().isEmpty()
                            ? null
                            : p.fields().get(random.nextInt(p.fields().size()));
                    for (ParamDef.FieldDef f : p.fields()) {
                        out.put(
                                prefix + f.name(),
                                p == hostile && f == bad
                                        ? field(f, random)
                                        : plausible(f.name(), f.kind(), f.enumValues(), random));
                    }
                }
                default ->
                    out.put(
                            p.name(),
                            p == hostile ? value(p, random) : plausible(p.name(), p.kind(), p.enumValues(), random));
            }
        }
        return out;
    }

    private static String plausible(String name, ParamKind kind, List<String> enums, Random random) {
        if (!enums.isEmpty()) {
            return enums.get(random.nextInt(enums.size()));
        }
        if (name.equals("RegionId")) {
            return "cn-hangzhou";
        }
        return switch (kind) {
            case INTEGER -> Integer.toString(1 + random.nextInt(5));
            case BOOLEAN -> random.nextBoolean() ? "true" : "false";
            case JSON_ARRAY -> "[\"x-" + random.nextInt(1000) + "\"]";
            case JSON_VALUE ->
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
            default -> "fuzz" + Integer.toString(random.nextInt(1 << 20), 36);
        };
    }

    private static String index(int i, Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "0";
            case 1 -> "1001";
            case 2 -> "\u0661";
            case 3 -> "+1";
            default -> Integer.toString(i);
        };
    }

    private static String value(ParamDef p, Random random) {
        if (!p.enumValues().isEmpty() && random.nextInt(3) == 0) {
            return p.enumValues().get(random.nextInt(p.enumValues().size()));
        }
        if (random.nextInt(12) == 0) {
            return "x".repeat(1 + random.nextInt(p.maxLength() != null ? p.maxLength() + 2 : 300));
        }
        return NASTY[random.nextInt(NASTY.length)];
    }

    private static String field(ParamDef.FieldDef f, Random random) {
        if (!f.enumValues().isEmpty() && random.nextInt(3) == 0) {
            return f.enumValues().get(random.nextInt(f.enumValues().size()));
        }
        return NASTY[random.nextInt(NASTY.length)];
    }

    private static String printable(Map<String, String> params) {
        StringBuilder sb = new StringBuilder("{");
        params.forEach((k, v) -> {
            sb.append(k).append('=');
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            sb.append(", ");
        });
        return sb.append('}').toString();
    }
}

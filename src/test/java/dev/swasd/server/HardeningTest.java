package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.HostileClient;
import dev.swasd.HostileClient.Reply;
import dev.swasd.MutableClock;
import dev.swasd.TestDatabases;
import dev.swasd.errors.ApiError;
import dev.swasd.protocol.Pct;
import dev.swasd.protocol.RequestLimits;
import dev.swasd.protocol.ResponseRenderer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Issue 22, as a hostile local user and a careless client would try it, over real HTTP against two
 * nodes on one database (SQLite by default, PostgreSQL with -Dswasd.test.pg): requests alternate
 * between the nodes, and a replay made on one is tried on the other.
 */
class HardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JAVA_TEXT = Pattern.compile("Exception|java\\.|\\tat |Caused by");
    private static final MutableClock CLOCK = new MutableClock();

    @TempDir
    static Path dir;

    private static TestServer a;
    private static TestServer b;
    private static HostileClient toA;
    private static HostileClient toB;

    @BeforeAll
    static void start() throws Exception {
        String url = TestDatabases.fresh(dir, "swasd");
        // a short idle timeout: a stalled body is answered in a second, not thirty
        RequestLimits limits = RequestLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(1));
        a = TestServer.start(dir, url, limits, CLOCK);
        b = TestServer.start(dir, url, limits, CLOCK);
        toA = new HostileClient(a.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, CLOCK);
        toB = new HostileClient(b.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, CLOCK);
    }

    @AfterAll
    static void stop() throws Exception {
        a.close();
        b.close();
    }

    private static Reply send(TestServer node, byte[] request) throws Exception {
        return HostileClient.exchange(node.port(), request, 20_000);
    }

    /** The error envelope, checked for what every error must hold: a host, no Java text. */
    private static JsonNode envelope(Reply r) throws Exception {
        assertThat(r.body()).doesNotContainPattern(JAVA_TEXT);
        JsonNode n = JSON.readTree(r.body());
        assertThat(n.path("HostId").asText())
                .as(r.body())
                .matches("[A-Za-z0-9._~:\\[\\]-]+")
                .isNotEqualTo("null");
        assertThat(n.path("RequestId").asText()).matches("[0-9A-F-]{36}");
        return n;
    }

    private static <T> T capturing(String loggerName, ThrowingFunction<ListAppender<ILoggingEvent>, T> body)
            throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            return body.apply(appender);
        } finally {
            logger.detachAppender(appender);
        }
    }

    interface ThrowingFunction<A, R> {
        R apply(A a) throws Exception;
    }

    /** An event as swasd's own pattern (LogSetup) writes it. */
    private static String render(ILoggingEvent event) {
        PatternLayout layout = new PatternLayout();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogLines.register(context);
        layout.setContext(context);
        layout.setPattern(LogSetup.PATTERN);
        layout.start();
        return layout.doLayout(event);
    }

    private static final Pattern LINE_START = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT", Pattern.MULTILINE);

    // 1. forged log lines

    @Test
    void noRequestCanForgeAnAccessLogLineOrAField() throws Exception {
        String forgedLine = "X\n2026-01-01T00:00:00.000Z INFO  access request_id=FORGED action=DeleteUser "
                + "principal=0 status=200 code=- latency_ms=1.000";
        String forgedFields = "X principal=0 status=200";
        List<String> lines = capturing("swasd.access", log -> {
            for (String action : List.of(forgedLine, forgedFields, "X\r\u2028\u0085%0A\"=")) {
                // unsigned: refused at authentication, and logged with the Action as received
                String query = "Action=" + Pct.encode(action) + "&Version=2020-06-01";
                Reply r = send(
                        a,
                        ("GET /?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                assertThat(r.status()).isEqualTo(400);
            }
            return log.list.stream().map(HardeningTest::render).toList();
        });
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            assertThat(line).endsWith("\n");
            assertThat(line.substring(0, line.length() - 1))
                    .doesNotContain("\n")
                    .doesNotContain("\r")
                    .doesNotContain("\u2028")
                    .doesNotContain("\u0085");
            assertThat(LINE_START.matcher(line).results().count()).isEqualTo(1);
            String fields = line.substring(line.indexOf("request_id="));
            List<String> keys = new ArrayList<>();
            for (String field : fields.trim().split(" ")) {
                keys.add(field.substring(0, field.indexOf('=')));
            }
            assertThat(keys).containsExactly("request_id", "action", "principal", "status", "code", "latency_ms");
            assertThat(fields).doesNotContain("FORGED ").contains("principal=- status=400");
        }
        assertThat(lines.get(1)).contains("action=X%20principal%3D0%20status%3D200 ");
    }

    @Test
    void anyLogRecordStaysOnItsLinesAndAStackTraceIsIndented() {
        Logger logger = (Logger) LoggerFactory.getLogger("test.forge");
        ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent(
                Logger.class.getName(),
                logger,
                ch.qos.logback.classic.Level.ERROR,
                "value {} done",
                new IllegalStateException("bad\n2026-01-01T00:00:00.000Z INFO  access forged"),
                new Object[] {"a\nb\u0000c"});
        String text = render(event);
        assertThat(LINE_START.matcher(text).results().count()).as(text).isEqualTo(1);
        String[] lines = text.split("\n");
        assertThat(lines[0]).contains("value a\\nb\\u0000c done");
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).as(text).startsWith("\t");
        }
    }

    // 2. a stalled body

    @Test
    void aStalledBodyGetsA408InTheEnvelopeAndOneLogLine() throws Exception {
        List<ILoggingEvent> all = new ArrayList<>();
        Reply r = capturing(
                org.slf4j.Logger.ROOT_LOGGER_NAME,
                root -> capturing("swasd.access", access -> {
                    long started = System.nanoTime();
                    Reply reply = send(
                            a,
                            ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                                            + "\r\nContent-Length: 100\r\n\r\nAct")
                                    .getBytes(StandardCharsets.US_ASCII));
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                    Thread.sleep(300); // anything Jetty would log after the answer
                    all.addAll(root.list);
                    all.addAll(access.list);
                    return reply;
                }));
        assertThat(r.status()).isEqualTo(408);
        JsonNode n = envelope(r);
        assertThat(n.path("Code").asText()).isEqualTo("RequestTimeout");
        assertThat(all).hasSize(1);
        assertThat(all.getFirst().getFormattedMessage()).contains("status=408").contains("code=RequestTimeout");
        assertThat(all.getFirst().getThrowableProxy()).isNull();
    }

    // 4. control characters and XML

    @Test
    void controlCharactersAreRefusedAndXmlAnswersAreWellFormed() throws Exception {
        Reply refused = send(
                b,
                toB.v3(
                        "TagResources",
                        Map.of(
                                "RegionId",
                                "cn-hangzhou",
                                "ResourceType",
                                "instance",
                                "ResourceId.1",
                                "i-none",
                                "Tag.1.Key",
                                "k",
                                "Tag.1.Value",
                                "a\u0001b\u0000c")));
        assertThat(refused.status()).isEqualTo(400);
        JsonNode n = envelope(refused);
        assertThat(n.path("Code").asText()).isEqualTo("InvalidParameter");
        assertThat(n.path("Message").asText()).contains("Tag.1.Value");

        // the same in XML, and a successful XML answer: both parse
        Reply xmlError = send(
                a,
                toA.v3(
                        "TagResources",
                        Map.of(
                                "RegionId",
                                "cn-hangzhou",
                                "ResourceType",
                                "instance",
                                "ResourceId.1",
                                "i-none",
                                "Tag.1.Key",
                                "k\u001f",
                                "Tag.1.Value",
                                "v",
                                "Format",
                                "XML")));
        assertThat(xmlError.status()).isEqualTo(400);
        assertThat(parseXml(xmlError.body())
                        .getElementsByTagName("Code")
                        .item(0)
                        .getTextContent())
                .isEqualTo("InvalidParameter");
        Reply xmlOk = send(b, toB.v3("ListRegions", Map.of("Format", "XML")));
        assertThat(xmlOk.status()).isEqualTo(200);
        assertThat(parseXml(xmlOk.body()).getDocumentElement().getNodeName()).isEqualTo("ListRegionsResponse");
    }

    @Test
    void textNoXmlDocumentCanHoldIsNeverWrittenIntoXml() throws Exception {
        // a stored value from before the validator refused controls, or a message: rendered, it still parses
        var body = JSON.createObjectNode().put("Description", "a\u0001b\u0000c\rd\uFFFE\uD800e\uD83D\uDE00");
        byte[] xml = ResponseRenderer.success("Probe", "R-1", body, true).body();
        Document doc = parseXml(new String(xml, StandardCharsets.UTF_8));
        assertThat(doc.getElementsByTagName("Description").item(0).getTextContent())
                .isEqualTo("a\uFFFDb\uFFFDc\rd\uFFFD\uFFFDe\uD83D\uDE00");
        byte[] error = ResponseRenderer.error(new ApiError(400, "X", "m\u0002"), "R-2", "h", "swas-open", null, true)
                .body();
        assertThat(parseXml(new String(error, StandardCharsets.UTF_8))
                        .getElementsByTagName("Message")
                        .item(0)
                        .getTextContent())
                .isEqualTo("m\uFFFD");
    }

    static Document parseXml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    // 6. small wrong answers

    @Test
    void http09IsAProtocolRefusalNotAnInternalError() throws Exception {
        try (Socket s = new Socket("127.0.0.1", a.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Reply r = HostileClient.read(s.getInputStream());
            assertThat(r.status()).isEqualTo(505);
            assertThat(envelope(r).path("Code").asText()).isEqualTo("UnsupportedHTTPVersion");
        }
    }

    @Test
    void hostIdIsAlwaysAHost() throws Exception {
        // HTTP/1.0 without Host, refused before routing and inside the pipeline
        for (String path : List.of("/v1/x", "/?Action=ListRegions&Version=2020-06-01", "/?Format=YAML")) {
            Reply r = send(a, ("GET " + path + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(r.status()).isBetween(400, 499);
            assertThat(envelope(r).path("HostId").asText()).isEqualTo("127.0.0.1:" + a.port());
        }
        // Jetty's own refusal of a malformed message
        Reply bad = send(a, "GET / HTTP/1.1\r\nContent-Length: abc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(envelope(bad).path("Code").asText()).isEqualTo("InvalidRequest");
        // a Host that is a host is echoed
        Reply named = send(
                a,
                "GET /v1 HTTP/1.1\r\nHost: swas.cn-hangzhou.aliyuncs.com\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(envelope(named).path("HostId").asText()).isEqualTo("swas.cn-hangzhou.aliyuncs.com");
    }

    @Test
    void integersAreAsciiDigitsOnly() throws Exception {
        for (String size : List.of("\u0665", "+5", " 5", "5 ", "\uff15", "0x5", "99999999999999999999")) {
            Reply r = send(a, toA.v3("ListCustomImages", Map.of("RegionId", "cn-hangzhou", "PageSize", size)));
            assertThat(r.status()).as("PageSize=[%s]", size).isEqualTo(400);
            JsonNode n = envelope(r);
            assertThat(n.path("Code").asText()).isEqualTo("InvalidParameter");
            assertThat(n.path("Message").asText()).contains("PageSize");
        }
        assertThat(send(b, toB.v3("ListCustomImages", Map.of("RegionId", "cn-hangzhou", "PageSize", "5")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void blankNoncesAreRefusedInBothSigningVersions() throws Exception {
        for (String blank : List.of(" ", "   ", "\t")) {
            Reply v3 = send(a, toA.v3("ListRegions", "2020-06-01", Map.of(), CLOCK.instant(), blank));
            assertThat(v3.status()).isEqualTo(400);
            assertThat(envelope(v3).path("Code").asText()).isEqualTo("IncompleteSignature");
            Reply v1 = send(b, toB.v1("ListRegions", "2020-06-01", Map.of(), blank));
            assertThat(v1.status()).isEqualTo(400);
            assertThat(envelope(v1).path("Code").asText()).isEqualTo("MissingSignatureNonce");
        }
        assertThat(send(a, toA.v1("ListRegions", "2020-06-01", Map.of(), HostileClient.nonce()))
                        .status())
                .isEqualTo(200);
    }

    // the 15-minute window, Expect: 100-continue

    @Test
    void aNonceReplayedWithinOrAfterItsWindowIsRefusedOnEitherNode() throws Exception {
        byte[] request = toA.v3("ListRegions", "2020-06-01", Map.of(), CLOCK.instant(), HostileClient.nonce());
        assertThat(send(a, request).status()).isEqualTo(200);
        // the other node, at once (same database; the signed Host is sent unchanged)
        Reply replay = send(b, request);
        assertThat(envelope(replay).path("Code").asText()).isEqualTo("SignatureNonceUsed");
        Reply sameNode = send(a, request);
        assertThat(envelope(sameNode).path("Code").asText()).isEqualTo("SignatureNonceUsed");
        // just inside the window: still spent
        CLOCK.advance(Duration.ofMinutes(14).plusSeconds(50));
        assertThat(envelope(send(a, request)).path("Code").asText()).isEqualTo("SignatureNonceUsed");
        // past it: the nonce may be forgotten, but the timestamp has expired with it
        CLOCK.advance(Duration.ofSeconds(20));
        Reply late = send(a, request);
        assertThat(late.status()).isEqualTo(400);
        assertThat(envelope(late).path("Code").asText()).isEqualTo("InvalidTimeStamp.Expired");
        // and the nodes serve requests signed at the (moved) time
        assertThat(send(b, toB.v3("ListRegions", "2020-06-01", Map.of(), CLOCK.instant(), HostileClient.nonce()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void expectContinueWithAnOversizedBodyIs413WithoutReadingTheBody() throws Exception {
        try (Socket s = new Socket("127.0.0.1", a.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: " + (8 << 20) + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            Reply r = HostileClient.read(in);
            assertThat(r.status()).as(r.head()).isEqualTo(413);
            assertThat(envelope(r).path("Code").asText()).isEqualTo("RequestTooLarge");
        }
    }
}

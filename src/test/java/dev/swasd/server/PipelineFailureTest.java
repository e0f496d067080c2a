package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.catalog.Catalog;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.Authenticator;
import dev.swasd.protocol.Credential;
import dev.swasd.protocol.Principal;
import dev.swasd.protocol.RenderedResponse;
import dev.swasd.protocol.RequestDecoder;
import dev.swasd.protocol.RequestLimits;
import dev.swasd.protocol.SignatureV1;
import dev.swasd.store.Database;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** An unexpected failure becomes a 500 InternalError whose RequestId leads to the cause in the log. */
class PipelineFailureTest {
    @TempDir
    Path dir;

    @Test
    void bugsBecomeInternalErrorAndAreLoggedUnderTheRequestId() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Principal root = new Principal("1234567890123456", Principal.Kind.ROOT, null, "AK1");
        Credential credential = new Credential("AK1", "secret-1", true, root, null, null);
        Authenticator authenticator =
                new Authenticator(id -> Optional.of(credential), (k, n, t) -> true, Clock.fixed(now, ZoneOffset.UTC));
        ActionRegistry registry = new ActionRegistry().add("swas-open", "ListRegions", (ctx, p, tx) -> {
            throw new IllegalStateException("disk on fire");
        });
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"), null, null);
        ApiPipeline pipeline = new ApiPipeline(
                authenticator, Catalog.standard(), registry, new ActionExecutor(db), Clock.fixed(now, ZoneOffset.UTC));

        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "ListRegions");
        params.put("Version", "2020-06-01");
        params.put("AccessKeyId", "AK1");
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", "n-1");
        params.put("Timestamp", DateTimeFormatter.ISO_INSTANT.format(now));
        params.put("Signature", SignatureV1.sign("secret-1", SignatureV1.stringToSign("POST", params, false)));
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        ApiRequest request = new RequestDecoder(RequestLimits.DEFAULT)
                .decode("POST", query, List.of(Map.entry("Host", "127.0.0.1:1")), new byte[0], "127.0.0.1", false);

        Logger logger = (Logger) LoggerFactory.getLogger(ApiPipeline.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        boolean additive = logger.isAdditive();
        logger.setAdditive(false); // the expected stack trace goes to the appender only, not to the console
        try {
            RenderedResponse response = pipeline.handle(request, "REQ-123");
            assertThat(response.status()).isEqualTo(500);
            var body = new ObjectMapper().readTree(response.body());
            assertThat(body.path("Code").asText()).isEqualTo("InternalError");
            // the wording of the service's own pages (seed DeleteCustomImages.txt)
            assertThat(body.path("Message").asText()).isEqualTo("An error occurred while processing your request.");
            assertThat(body.path("RequestId").asText()).isEqualTo("REQ-123");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("disk on fire");
            assertThat(appender.list).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).contains("request_id=REQ-123");
                assertThat(e.getThrowableProxy().getMessage()).isEqualTo("disk on fire");
            });
        } finally {
            logger.detachAppender(appender);
            logger.setAdditive(additive);
            db.close();
        }
    }
}

package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class RegionsAndAccessLogTest {
    @TempDir
    Path dir;

    private static Map<String, ?> call(TestServer server, String secret, String action, Map<String, Object> query)
            throws Exception {
        Client client = new Client(new Config()
                .setAccessKeyId(TestServer.ROOT_KEY_ID)
                .setAccessKeySecret(secret)
                .setEndpoint(server.endpoint())
                .setProtocol("http"));
        Params params = new Params()
                .setAction(action)
                .setVersion("2020-06-01")
                .setProtocol("HTTP")
                .setPathname("/")
                .setMethod("POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
        return client.callApi(
                params,
                new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(query)),
                new RuntimeOptions());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRegionsFileReplacesTheBuiltInList() throws Exception {
        Path file = Files.writeString(dir.resolve("regions.json"), """
                [{"RegionId": "lab-east-1", "LocalName": {"zh-CN": "实验室东1", "en-US": "Lab East 1"},
                  "RegionEndpoint": "swas.lab.example.internal"},
                 {"RegionId": "cn-hangzhou", "LocalName": {"zh-CN": "华东1（杭州）", "en-US": "China (Hangzhou)"}}]
                """);
        try (TestServer server = TestServer.start(dir.resolve("data"), null, file)) {
            Map<String, Object> body = (Map<String, Object>)
                    call(server, TestServer.ROOT_SECRET, "ListRegions", Map.of("AcceptLanguage", "en-US"))
                            .get("body");
            List<Map<String, Object>> regions = (List<Map<String, Object>>) body.get("Regions");
            assertThat(regions).extracting(r -> r.get("RegionId")).containsExactly("lab-east-1", "cn-hangzhou");
            assertThat(regions.getFirst())
                    .containsEntry("LocalName", "Lab East 1")
                    .containsEntry("RegionEndpoint", "swas.lab.example.internal");
            assertThat(regions.get(1)).containsEntry("RegionEndpoint", "swas.cn-hangzhou.aliyuncs.com");
            // a region outside the list is refused
            Exception e = Assertions.catchException(
                    () -> call(server, TestServer.ROOT_SECRET, "ListPlans", Map.of("RegionId", "cn-shanghai")));
            assertThat(((TeaException) e).getCode()).isEqualTo("InvalidRegionId");
        }
    }

    @Test
    void everyRequestLeavesOneAccessLogLine() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("swasd.access");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (TestServer server = TestServer.start(dir.resolve("log-data"), null)) {
            Map<String, ?> ok = call(server, TestServer.ROOT_SECRET, "ListRegions", Map.of());
            String requestId = (String) ((Map<?, ?>) ok.get("body")).get("RequestId");
            Assertions.catchException(() -> call(server, "wrong", "ListRegions", Map.of()));
            List<String> lines = appender.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.getFirst())
                    .contains("request_id=" + requestId)
                    .contains("action=ListRegions")
                    .contains("principal=" + TestServer.ACCOUNT_ID)
                    .contains("status=200")
                    .contains("code=-")
                    .containsPattern("latency_ms=\\d+\\.\\d{3}");
            assertThat(lines.get(1))
                    .contains("status=400")
                    .contains("code=SignatureDoesNotMatch")
                    .contains("principal=-");
        } finally {
            logger.detachAppender(appender);
        }
    }
}

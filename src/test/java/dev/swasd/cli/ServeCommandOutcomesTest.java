package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.Slow;
import dev.swasd.conformance.TeaClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code swasd serve --command-outcomes FILE}: a bad file is a usage error; a good one decides runs. */
@Slow
class ServeCommandOutcomesTest {
    static final String KEY = "LTAIOutcomes0001";
    static final String SECRET = "OutcomesSecret0001abc";

    @TempDir
    Path tmp;

    @Test
    void aBadFileIsOneLineAndExitTwo() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"rules\": [{\"status\": \"Failed\"}]}");
        try (ServeProcess p = ServeProcess.start(Map.of(), "serve", "--command-outcomes", bad.toString())) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1).first().asString().contains("--command-outcomes");
        }
        try (ServeProcess p = ServeProcess.start(
                Map.of("SWASD_COMMAND_OUTCOMES", tmp.resolve("missing.json").toString()), "serve")) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.errorLines()).hasSize(1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFilesRulesDecideARun() throws Exception {
        Path rules = tmp.resolve("outcomes.json");
        Files.writeString(
                rules, "{\"rules\": [{\"contentContains\": \"deploy\", \"exitCode\": 7, \"output\": \"no\"}]}");
        try (ServeProcess p = ServeProcess.start(
                Map.of(),
                "serve",
                "--port",
                "0",
                "--data",
                tmp.resolve("data").toString(),
                "--state-delay",
                "0s",
                "--root-access-key-id",
                KEY,
                "--root-access-key-secret",
                SECRET,
                "--command-outcomes",
                rules.toString())) {
            assertThat(p.awaitOut("SDK config", 30)).as("stderr %s", p.err).isTrue();
            TeaClient c = TeaClient.swas("127.0.0.1:" + p.port(), KEY, SECRET, "v3");
            List<Map<String, Object>> images =
                    (List<Map<String, Object>>) c.call("ListImages", "RegionId", "cn-hangzhou", "ImageType", "system")
                            .get("Images");
            String linux = (String) images.stream()
                    .filter(i -> "Linux".equals(i.get("Platform")))
                    .findFirst()
                    .orElseThrow()
                    .get("ImageId");
            String server = ((List<String>) c.call(
                                    "CreateInstances",
                                    "RegionId",
                                    "cn-hangzhou",
                                    "ImageId",
                                    linux,
                                    "PlanId",
                                    "swas.s2.c2m2s40b3t08",
                                    "Period",
                                    1,
                                    "Amount",
                                    1)
                            .get("InstanceIds"))
                    .getFirst();
            String invoke = (String) c.call(
                            "RunCommand",
                            "RegionId",
                            "cn-hangzhou",
                            "InstanceId",
                            server,
                            "Name",
                            "d",
                            "Type",
                            "RunShellScript",
                            "CommandContent",
                            "./deploy")
                    .get("InvokeId");
            Map<String, Object> r = (Map<String, Object>) c.call(
                            "DescribeInvocationResult",
                            "RegionId",
                            "cn-hangzhou",
                            "InstanceId",
                            server,
                            "InvokeId",
                            invoke)
                    .get("InvocationResult");
            assertThat(r).containsEntry("InvocationStatus", "Failed");
            assertThat(((Number) r.get("ExitCode")).intValue()).isEqualTo(7);
            assertThat(new String(Base64.getDecoder().decode((String) r.get("Output")), StandardCharsets.UTF_8))
                    .isEqualTo("no");
            p.terminate();
            assertThat(p.awaitExit(30)).isZero();
        }
    }
}

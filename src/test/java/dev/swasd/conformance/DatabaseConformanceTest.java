package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import dev.swasd.server.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lightweight databases through the official generic Java client {@code tea-openapi}, in ACS3 and
 * V1 signing, every action by POST as the SDK models them ({@code DatabaseInstanceIds} a JSON
 * array): a user's script stops, starts, restarts and renames a seeded instance, and every error
 * code of the family.
 */
class DatabaseConformanceTest {
    static final String R = "cn-hangzhou";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Client client(String signing) throws Exception {
        Config config = new Config()
                .setAccessKeyId(TestServer.ROOT_KEY_ID)
                .setAccessKeySecret(TestServer.ROOT_SECRET)
                .setEndpoint(server.endpoint())
                .setProtocol("http");
        if (signing.equals("v1")) {
            config.setSignatureAlgorithm("v2");
        }
        return new Client(config);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> call(Client c, String action, Object... kv) throws Exception {
        Map<String, String> query = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            query.put((String) kv[i], kv[i + 1].toString());
        }
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
        Map<String, ?> response = c.callApi(params, new OpenApiRequest().setQuery(query), new RuntimeOptions());
        assertThat(response.get("statusCode")).isEqualTo(200);
        return (Map<String, Object>) response.get("body");
    }

    static void fails(Client c, int status, String code, String action, Object... kv) {
        TeaException e = catchThrowableOfType(TeaException.class, () -> call(c, action, kv));
        assertThat(e).as("%s answers an error", action).isNotNull();
        assertThat(e.getStatusCode()).as(action).isEqualTo(status);
        assertThat(e.getCode()).as(action).isEqualTo(code);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> describe(Client c, String id) throws Exception {
        Map<String, Object> body =
                call(c, "DescribeDatabaseInstances", "RegionId", R, "DatabaseInstanceIds", "[\"" + id + "\"]");
        assertThat(((Number) body.get("TotalCount")).intValue()).isEqualTo(1);
        return ((List<Map<String, Object>>) body.get("DatabaseInstances")).getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void aUserScriptStopsStartsAndRenamesASeededDatabase(String signing) throws Exception {
        Client c = client(signing);
        String id = server.seedDatabase(R, "orders", "5.7");
        Map<String, Object> d = describe(c, id);
        assertThat(d)
                .containsEntry("DatabaseInstanceId", id)
                .containsEntry("DatabaseInstanceName", "orders")
                .containsEntry("DatabaseInstanceStatus", "Running")
                .containsEntry("DatabaseVersion", "5.7")
                .containsEntry("RegionId", R)
                .containsEntry("SuperAccountName", "root")
                .containsEntry("PrivateConnection", "rm-" + id.substring(3, 20) + ".mysql.rds.aliyuncs.com")
                .containsEntry("PublicConnection", "");
        assertThat(call(c, "AllocatePublicConnection", "RegionId", R, "DatabaseInstanceId", id))
                .containsEntry("PublicConnection", id + ".mysql.rds.aliyuncs.com");
        assertThat(describe(c, id)).containsEntry("PublicConnection", id + ".mysql.rds.aliyuncs.com");
        fails(
                c,
                403,
                "PublicConnection.AlreadyExist",
                "AllocatePublicConnection",
                "RegionId",
                R,
                "DatabaseInstanceId",
                id);
        call(c, "ReleasePublicConnection", "RegionId", R, "DatabaseInstanceId", id);
        fails(c, 404, "PublicConnection.NotFound", "ReleasePublicConnection", "RegionId", R, "DatabaseInstanceId", id);
        call(
                c,
                "ResetDatabaseAccountPassword",
                "RegionId",
                R,
                "DatabaseInstanceId",
                id,
                "AccountPassword",
                "Orders#2024");
        fails(
                c,
                400,
                "InvalidAccountPassword.Malformed",
                "ResetDatabaseAccountPassword",
                "RegionId",
                R,
                "DatabaseInstanceId",
                id,
                "AccountPassword",
                "short1A");

        call(c, "StopDatabaseInstance", "RegionId", R, "DatabaseInstanceId", id);
        assertThat(describe(c, id)).containsEntry("DatabaseInstanceStatus", "Stopped");
        fails(c, 403, "IncorrectDBInstanceState", "StopDatabaseInstance", "RegionId", R, "DatabaseInstanceId", id);
        fails(c, 403, "IncorrectDBInstanceState", "RestartDatabaseInstance", "RegionId", R, "DatabaseInstanceId", id);
        fails(c, 403, "IncorrectDBInstanceState", "AllocatePublicConnection", "RegionId", R, "DatabaseInstanceId", id);
        call(c, "StartDatabaseInstance", "RegionId", R, "DatabaseInstanceId", id, "ClientToken", "start-" + id);
        assertThat(describe(c, id)).containsEntry("DatabaseInstanceStatus", "Running");
        fails(c, 403, "IncorrectDBInstanceState", "StartDatabaseInstance", "RegionId", R, "DatabaseInstanceId", id);
        call(c, "RestartDatabaseInstance", "RegionId", R, "DatabaseInstanceId", id);
        assertThat(describe(c, id)).containsEntry("DatabaseInstanceStatus", "Running");

        Map<String, Object> params =
                call(c, "DescribeDatabaseInstanceParameters", "RegionId", R, "DatabaseInstanceId", id);
        assertThat(params).containsEntry("Engine", "MySQL").containsEntry("EngineVersion", "5.7");
        fails(
                c,
                403,
                "ForceRestart.Required",
                "ModifyDatabaseInstanceParameter",
                "RegionId",
                R,
                "DatabaseInstanceId",
                id,
                "Parameters",
                "{\"innodb_buffer_pool_size\":\"268435456\"}");
        fails(
                c,
                400,
                "InvalidParameterValue.Malformed",
                "ModifyDatabaseInstanceParameter",
                "RegionId",
                R,
                "DatabaseInstanceId",
                id,
                "Parameters",
                "{\"max_connections\":\"0\"}");
        fails(
                c,
                400,
                "InvalidParameters.NotFound",
                "ModifyDatabaseInstanceParameter",
                "RegionId",
                R,
                "DatabaseInstanceId",
                id,
                "Parameters",
                "{\"no_such_parameter\":\"1\"}");
        call(
                c,
                "ModifyDatabaseInstanceParameter",
                "RegionId",
                R,
                "DatabaseInstanceId",
                id,
                "Parameters",
                "{\"innodb_buffer_pool_size\":\"268435456\",\"max_connections\":800}",
                "ForceRestart",
                true);
        @SuppressWarnings("unchecked")
        Map<String, Object> now = ((List<Map<String, Object>>)
                        call(c, "DescribeDatabaseInstanceParameters", "RegionId", R, "DatabaseInstanceId", id)
                                .get("RunningParameters"))
                .stream()
                        .filter(p -> "innodb_buffer_pool_size".equals(p.get("ParameterName")))
                        .findFirst()
                        .orElseThrow();
        assertThat(now).containsEntry("ParameterValue", "268435456").containsEntry("ForceRestart", "true");

        call(
                c,
                "ModifyDatabaseInstanceDescription",
                "RegionId",
                R,
                "DatabaseInstanceId",
                id,
                "DatabaseInstanceDescription",
                "orders-" + signing);
        assertThat(describe(c, id)).containsEntry("DatabaseInstanceName", "orders-" + signing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void everyErrorCodeOfTheFamily(String signing) throws Exception {
        Client c = client(signing);
        String id = server.seedDatabase(R, null, null);
        String none = "db-" + "0".repeat(32);
        for (String action : List.of(
                "StartDatabaseInstance",
                "StopDatabaseInstance",
                "RestartDatabaseInstance",
                "AllocatePublicConnection",
                "ReleasePublicConnection")) {
            fails(c, 404, "InvalidDatabaseInstanceId.NotFound", action, "RegionId", R, "DatabaseInstanceId", none);
            fails(
                    c,
                    404,
                    "InvalidDatabaseInstanceId.NotFound",
                    action,
                    "RegionId",
                    "cn-beijing",
                    "DatabaseInstanceId",
                    id);
        }
        fails(
                c,
                404,
                "InvalidDatabaseInstanceId.NotFound",
                "ModifyDatabaseInstanceDescription",
                "RegionId",
                R,
                "DatabaseInstanceId",
                none,
                "DatabaseInstanceDescription",
                "name");
        fails(
                c,
                400,
                "InvalidDatabaseInstanceDescription.Malformed",
                "ModifyDatabaseInstanceDescription",
                "RegionId",
                R,
                "DatabaseInstanceId",
                id,
                "DatabaseInstanceDescription",
                "http://x");
        fails(c, 400, "MissingDatabaseInstanceId", "StopDatabaseInstance", "RegionId", R);
        fails(c, 400, "InvalidRegionId", "DescribeDatabaseInstances", "RegionId", "xx-nowhere");
        assertThat(call(c, "DescribeDatabaseInstances", "RegionId", R, "DatabaseInstanceIds", "[\"" + none + "\"]")
                        .get("TotalCount"))
                .isEqualTo(0L);
    }
}

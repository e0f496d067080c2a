package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.AllocatePublicConnectionRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeDatabaseInstanceParametersRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeDatabaseInstancesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ModifyDatabaseInstanceDescriptionRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ModifyDatabaseInstanceParameterRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ReleasePublicConnectionRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ResetDatabaseAccountPasswordRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.RestartDatabaseInstanceRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.StartDatabaseInstanceRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.StopDatabaseInstanceRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.AllocatePublicConnectionResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeDatabaseInstanceParametersResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeDatabaseInstancesResponse;
import dev.swasd.swas.databases.DatabaseActions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lightweight database lifecycle (spec/swas-breadth.md G11): states, refusals, descriptions, paging. */
class DatabaseRulesTest {
    static final long DELAY = 2_000;

    @TempDir
    Path dir;

    DomainFixture f;
    DatabaseActions dbs;
    String db;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, DELAY, Quotas.defaults());
        dbs = f.module(DatabaseActions.class);
        db = seed(f.caller);
    }

    @AfterEach
    void close() {
        f.close();
    }

    String seed(Caller caller) {
        return f.tx(tx -> dbs.seed(tx, caller, null, null, "5.7", f.now)).databaseInstanceId();
    }

    <T> T call(Function<Call, T> action) {
        return callAs(DomainFixture.ACCOUNT, action);
    }

    <T> T callAs(String account, Function<Call, T> action) {
        return f.tx(tx -> action.apply(new Call("req", account, null, f.now, tx)));
    }

    String status() {
        return one(db).databaseInstanceStatus();
    }

    DescribeDatabaseInstancesResponse.DatabaseInstance one(String id) {
        return call(c -> dbs.describeDatabaseInstances(
                        c,
                        DescribeDatabaseInstancesRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .databaseInstanceIds(List.of(id))
                                .build()))
                .databaseInstances()
                .getFirst();
    }

    void stop() {
        call(c -> dbs.stopDatabaseInstance(
                c,
                StopDatabaseInstanceRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .build()));
    }

    void start() {
        call(c -> dbs.startDatabaseInstance(
                c,
                StartDatabaseInstanceRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .build()));
    }

    void restart() {
        call(c -> dbs.restartDatabaseInstance(
                c,
                RestartDatabaseInstanceRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .build()));
    }

    @Test
    void aSeededInstanceRunsAndDescribesItself() {
        DescribeDatabaseInstancesResponse.DatabaseInstance d = one(db);
        assertTrue(db.matches("db-[a-z0-9]{32}"), db);
        assertEquals("Running", d.databaseInstanceStatus());
        assertEquals("5.7", d.databaseVersion());
        assertEquals("Basic", d.databaseInstanceEdition());
        assertEquals(DomainFixture.REGION, d.regionId());
        assertEquals("rm-" + db.substring(3, 20) + ".mysql.rds.aliyuncs.com", d.privateConnection());
        assertEquals("", d.publicConnection());
    }

    @Test
    void stopStartAndRestartPassThroughTheirTransitionalStates() {
        stop();
        assertEquals("Stopping", status());
        code(fails(this::stop), 403, "IncorrectDBInstanceState");
        code(fails(this::start), 403, "IncorrectDBInstanceState");
        f.now += DELAY;
        assertEquals("Stopped", status());
        code(fails(this::stop), 403, "IncorrectDBInstanceState");
        code(fails(this::restart), 403, "IncorrectDBInstanceState");
        start();
        assertEquals("Starting", status());
        f.now += DELAY;
        assertEquals("Running", status());
        code(fails(this::start), 403, "IncorrectDBInstanceState");
        restart();
        assertEquals("Restarting", status());
        code(fails(this::restart), 403, "IncorrectDBInstanceState");
        f.now += DELAY;
        assertEquals("Running", status());
    }

    AllocatePublicConnectionResponse allocate() {
        return call(c -> dbs.allocatePublicConnection(
                c,
                AllocatePublicConnectionRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .build()));
    }

    void release() {
        call(c -> dbs.releasePublicConnection(
                c,
                ReleasePublicConnectionRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .build()));
    }

    void password(String p) {
        call(c -> dbs.resetDatabaseAccountPassword(
                c,
                ResetDatabaseAccountPasswordRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .accountPassword(p)
                        .build()));
    }

    @Test
    void aPublicConnectionIsAllocatedOnceAndReleased() {
        assertEquals(db + ".mysql.rds.aliyuncs.com", allocate().publicConnection());
        assertEquals(db + ".mysql.rds.aliyuncs.com", one(db).publicConnection());
        code(fails(this::allocate), 403, "PublicConnection.AlreadyExist");
        release();
        assertEquals("", one(db).publicConnection());
        code(fails(this::release), 404, "PublicConnection.NotFound");
        stop();
        f.now += DELAY;
        code(fails(this::allocate), 403, "IncorrectDBInstanceState");
        code(fails(this::release), 403, "IncorrectDBInstanceState");
    }

    @Test
    void passwordsNeedEightToThirtyTwoCharactersOfThreeKinds() {
        for (String good : new String[] {"Abcdef12", "abcdef1!", "ABCDEF!1", "Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!"}) {
            password(good);
        }
        for (String bad :
                new String[] {"Abc12!", "abcdefgh12", "ABCDEFGH!!", "Abcdef12~", "Abcdef1 2", "A".repeat(30) + "a1!"}) {
            code(fails(() -> password(bad)), 400, "InvalidAccountPassword.Malformed");
        }
        stop();
        f.now += DELAY;
        code(fails(() -> password("Abcdef12")), 403, "IncorrectDBInstanceState");
    }

    Map<String, String> running() {
        return call(c -> dbs.describeDatabaseInstanceParameters(
                        c,
                        DescribeDatabaseInstanceParametersRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .databaseInstanceId(db)
                                .build()))
                .runningParameters()
                .stream()
                .collect(Collectors.toMap(
                        DescribeDatabaseInstanceParametersResponse.RunningParameter::parameterName,
                        DescribeDatabaseInstanceParametersResponse.RunningParameter::parameterValue));
    }

    void modify(String json, Boolean force) {
        call(c -> dbs.modifyDatabaseInstanceParameter(
                c,
                ModifyDatabaseInstanceParameterRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .parameters(json)
                        .forceRestart(force)
                        .build()));
    }

    @Test
    void parametersArePerVersionAndChecked() {
        DescribeDatabaseInstanceParametersResponse r = call(c -> dbs.describeDatabaseInstanceParameters(
                c,
                DescribeDatabaseInstanceParametersRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .build()));
        assertEquals("MySQL", r.engine());
        assertEquals("5.7", r.engineVersion());
        assertTrue(r.configParameters().size() >= 30);
        assertTrue(running().containsKey("query_cache_type"));
        assertTrue(!running().containsKey("default_authentication_plugin"));
        assertEquals("500", running().get("max_connections"));

        modify("{\"max_connections\": 800, \"autocommit\": \"off\"}", null);
        assertEquals("800", running().get("max_connections"));
        assertEquals("OFF", running().get("autocommit"));
        assertEquals("Running", status());
        code(fails(() -> modify("{\"max_connections\": \"3001\"}", null)), 400, "InvalidParameterValue.Malformed");
        code(fails(() -> modify("{\"max_connections\": \"many\"}", null)), 400, "InvalidParameterValue.Malformed");
        code(fails(() -> modify("{\"autocommit\": \"maybe\"}", null)), 400, "InvalidParameterValue.Malformed");
        code(
                fails(() -> modify("{\"default_authentication_plugin\": \"mysql_native_password\"}", null)),
                400,
                "InvalidParameters.NotFound");
        code(fails(() -> modify("[1]", null)), 400, "InvalidParameters.Malformed");
        code(fails(() -> modify("{}", null)), 400, "InvalidParameters.Malformed");
        assertEquals("800", running().get("max_connections"));
    }

    @Test
    void aParameterThatNeedsARestartNeedsForceRestart() {
        code(fails(() -> modify("{\"back_log\": \"4000\"}", null)), 403, "ForceRestart.Required");
        code(fails(() -> modify("{\"back_log\": \"4000\"}", false)), 403, "ForceRestart.Required");
        assertEquals("3000", running().get("back_log"));
        modify("{\"back_log\": \"4000\"}", true);
        assertEquals("4000", running().get("back_log"));
        assertEquals("Restarting", status());
        code(fails(() -> modify("{\"max_connections\": 900}", null)), 403, "IncorrectDBInstanceState");
        f.now += DELAY;
        assertEquals("Running", status());
        modify("{\"back_log\": \"3000\"}", true);
        assertEquals("3000", running().get("back_log"));
    }

    @Test
    void descriptionsAreCheckedAndShownAsTheName() {
        call(c -> dbs.modifyDatabaseInstanceDescription(
                c,
                ModifyDatabaseInstanceDescriptionRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .databaseInstanceId(db)
                        .databaseInstanceDescription("orders")
                        .build()));
        assertEquals("orders", one(db).databaseInstanceName());
        for (String bad : new String[] {"x", "http://x", "a".repeat(257)}) {
            code(
                    fails(() -> call(c -> dbs.modifyDatabaseInstanceDescription(
                            c,
                            ModifyDatabaseInstanceDescriptionRequest.builder()
                                    .regionId(DomainFixture.REGION)
                                    .databaseInstanceId(db)
                                    .databaseInstanceDescription(bad)
                                    .build()))),
                    400,
                    "InvalidDatabaseInstanceDescription.Malformed");
        }
    }

    @Test
    void anotherAccountsOrRegionsInstanceIsNotFound() {
        code(
                fails(() -> callAs(
                        "9999999999999999",
                        c -> dbs.stopDatabaseInstance(
                                c,
                                StopDatabaseInstanceRequest.builder()
                                        .regionId(DomainFixture.REGION)
                                        .databaseInstanceId(db)
                                        .build()))),
                404,
                "InvalidDatabaseInstanceId.NotFound");
        code(
                fails(() -> call(c -> dbs.startDatabaseInstance(
                        c,
                        StartDatabaseInstanceRequest.builder()
                                .regionId("cn-beijing")
                                .databaseInstanceId(db)
                                .build()))),
                404,
                "InvalidDatabaseInstanceId.NotFound");
    }

    @Test
    void describePagesInCreationOrder() {
        f.now += 1;
        String second = seed(f.caller);
        f.now += 1;
        String third = seed(f.caller);
        DescribeDatabaseInstancesResponse page = call(c -> dbs.describeDatabaseInstances(
                c,
                DescribeDatabaseInstancesRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .pageNumber(2L)
                        .pageSize(2L)
                        .build()));
        assertEquals(3, page.totalCount().intValue());
        assertEquals(2, page.pageNumber().intValue());
        assertEquals(
                List.of(third),
                page.databaseInstances().stream()
                        .map(DescribeDatabaseInstancesResponse.DatabaseInstance::databaseInstanceId)
                        .toList());
        assertEquals(second, one(second).databaseInstanceId());
    }

    @Test
    void seedRefusesAnUnknownVersionAndRegion() {
        assertThrows(
                IllegalArgumentException.class, () -> f.tx(tx -> dbs.seed(tx, f.caller, null, null, "5.6", f.now)));
        code(
                fails(() -> f.tx(
                        tx -> dbs.seed(tx, new Caller(DomainFixture.ACCOUNT, "xx-nowhere"), null, null, null, f.now))),
                400,
                "InvalidRegionId");
    }
}

package dev.swasd.swas.databases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
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
import dev.swasd.api.swasopen.SwasOpenResponses.ModifyDatabaseInstanceDescriptionResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ModifyDatabaseInstanceParameterResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ReleasePublicConnectionResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ResetDatabaseAccountPasswordResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.RestartDatabaseInstanceResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.StartDatabaseInstanceResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.StopDatabaseInstanceResponse;
import dev.swasd.errors.ApiException;
import dev.swasd.store.Table;
import dev.swasd.store.Transition;
import dev.swasd.store.TransitionTable;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.ConcurrentChange;
import dev.swasd.swas.IdFormat;
import dev.swasd.swas.Lifecycle;
import dev.swasd.swas.Paging;
import dev.swasd.swas.Regions;
import dev.swasd.swas.ResourceModule;
import dev.swasd.swas.ResourceType;
import dev.swasd.swas.Shapes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lightweight databases (spec/swas-breadth.md G11): the instance lifecycle (DescribeDatabaseInstances,
 * StartDatabaseInstance, StopDatabaseInstance, RestartDatabaseInstance,
 * ModifyDatabaseInstanceDescription), the public connection (AllocatePublicConnection,
 * ReleasePublicConnection) and the super account's password (ResetDatabaseAccountPassword). swas-open cannot create one, so instances are seeded
 * ({@link #seed}). Rows live in {@code database_instances} (migration V16) and carry a
 * {@link Transition} the scheduler settles: Starting, Stopping and Restarting last the state delay.
 */
public final class DatabaseActions implements SwasOpenApi, ResourceModule {
    public static final String RUNNING = "Running";
    public static final String STOPPED = "Stopped";
    public static final String STARTING = "Starting";
    public static final String STOPPING = "Stopping";
    public static final String RESTARTING = "Restarting";

    public static final Set<String> VERSIONS = Set.of("5.7", "8.0");
    public static final String DEFAULT_EDITION = "Basic";
    public static final String DEFAULT_VERSION = "8.0";

    static final int PAGE_SIZE_DEFAULT = 10;
    /** {@code PublicConnection "db-<id>.mysql.rds.aliyuncs.com"} [doc]; the id carries the {@code db-}. */
    static final String PUBLIC_DOMAIN = ".mysql.rds.aliyuncs.com";

    /** Characters that count as special in a password. */
    static final String SPECIAL = "!@#$%^&*()_+-=";

    static final int DESCRIPTION_MAX = 256;
    /** A seeded instance is bought for a year. */
    static final Duration TERM = Duration.ofDays(365);

    /** A database instance, a row of {@code database_instances}. */
    public record DatabaseRow(
            String databaseInstanceId,
            String accountId,
            String regionId,
            String description,
            String edition,
            String databaseVersion,
            String status,
            String nextStatus,
            Long nextAt,
            long createdAt,
            long expiresAt,
            String publicConnection,
            Long passwordSetAt,
            long version) {
        Transition state() {
            return new Transition(status, nextStatus, nextAt);
        }

        DatabaseRow with(Transition t) {
            return new DatabaseRow(
                    databaseInstanceId,
                    accountId,
                    regionId,
                    description,
                    edition,
                    databaseVersion,
                    t.stored(),
                    t.next(),
                    t.at(),
                    createdAt,
                    expiresAt,
                    publicConnection,
                    passwordSetAt,
                    version);
        }

        DatabaseRow describedAs(String text) {
            return new DatabaseRow(
                    databaseInstanceId,
                    accountId,
                    regionId,
                    text,
                    edition,
                    databaseVersion,
                    status,
                    nextStatus,
                    nextAt,
                    createdAt,
                    expiresAt,
                    publicConnection,
                    passwordSetAt,
                    version);
        }

        DatabaseRow withPublicConnection(String address) {
            return new DatabaseRow(
                    databaseInstanceId,
                    accountId,
                    regionId,
                    description,
                    edition,
                    databaseVersion,
                    status,
                    nextStatus,
                    nextAt,
                    createdAt,
                    expiresAt,
                    address,
                    passwordSetAt,
                    version);
        }

        DatabaseRow withPasswordSetAt(long at) {
            return new DatabaseRow(
                    databaseInstanceId,
                    accountId,
                    regionId,
                    description,
                    edition,
                    databaseVersion,
                    status,
                    nextStatus,
                    nextAt,
                    createdAt,
                    expiresAt,
                    publicConnection,
                    at,
                    version);
        }
    }

    /** A parameter set away from its default, a row of {@code database_parameters}. */
    public record ParameterRow(
            String parameterKey, String databaseInstanceId, String parameterName, String parameterValue) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Table<ParameterRow> parameters =
            new Table<>("database_parameters", ParameterRow.class, "parameterKey");
    private final Table<DatabaseRow> rows = new Table<>("database_instances", DatabaseRow.class, "databaseInstanceId");
    private final Regions regions;
    private final Lifecycle lifecycle;
    private final ResourceType type = new ResourceType(
            "databaseinstance",
            new IdFormat.Prefixed("db-", 32),
            (tx, caller, id) -> find(tx, caller, id) != null,
            new TransitionTable("database_instances", true));

    public DatabaseActions(Regions regions, Lifecycle lifecycle) {
        this.regions = regions;
        this.lifecycle = lifecycle;
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(type);
    }

    /**
     * Makes a database instance in the caller's region, Running (swasd admin database create and
     * {@code POST /_swasd/seed/database}); 400 InvalidRegionId or an IllegalArgumentException for a
     * version other than 5.7 and 8.0.
     */
    public DatabaseRow seed(Tx tx, Caller caller, String description, String edition, String version, long now) {
        regions.require(caller.regionId());
        String v = version == null ? DEFAULT_VERSION : version;
        if (!VERSIONS.contains(v)) {
            throw new IllegalArgumentException("version must be 5.7 or 8.0, not " + v);
        }
        if (description != null) {
            checkDescription(description);
        }
        DatabaseRow row = new DatabaseRow(
                type.newId(),
                caller.accountId(),
                caller.regionId(),
                description,
                edition == null || edition.isBlank() ? DEFAULT_EDITION : edition,
                v,
                RUNNING,
                null,
                null,
                now,
                now + TERM.toMillis(),
                null,
                null,
                0);
        rows.insert(tx, row);
        return row;
    }

    @Override
    public DescribeDatabaseInstancesResponse describeDatabaseInstances(Call call, DescribeDatabaseInstancesRequest r) {
        Caller caller = caller(call, r.regionId());
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : r.databaseInstanceIds() == null ? List.<String>of() : r.databaseInstanceIds()) {
            if (id != null && !id.isBlank()) {
                wanted.add(id.strip());
            }
        }
        List<DatabaseRow> all = rows
                .list(
                        call.tx(),
                        "account_id = ? AND region_id = ?",
                        "created_at, database_instance_id",
                        caller.accountId(),
                        caller.regionId())
                .stream()
                .filter(d -> wanted.isEmpty() || wanted.contains(d.databaseInstanceId()))
                .toList();
        Paging page = Paging.of(r.pageNumber(), r.pageSize(), PAGE_SIZE_DEFAULT);
        return new DescribeDatabaseInstancesResponse(
                page.slice(all).stream().map(d -> view(d, call.now())).toList(),
                page.number(),
                page.size(),
                all.size());
    }

    @Override
    public StartDatabaseInstanceResponse startDatabaseInstance(Call call, StartDatabaseInstanceRequest r) {
        move(call, caller(call, r.regionId()), r.databaseInstanceId(), STOPPED, STARTING, RUNNING);
        return new StartDatabaseInstanceResponse();
    }

    @Override
    public StopDatabaseInstanceResponse stopDatabaseInstance(Call call, StopDatabaseInstanceRequest r) {
        move(call, caller(call, r.regionId()), r.databaseInstanceId(), RUNNING, STOPPING, STOPPED);
        return new StopDatabaseInstanceResponse();
    }

    @Override
    public RestartDatabaseInstanceResponse restartDatabaseInstance(Call call, RestartDatabaseInstanceRequest r) {
        move(call, caller(call, r.regionId()), r.databaseInstanceId(), RUNNING, RESTARTING, RUNNING);
        return new RestartDatabaseInstanceResponse();
    }

    @Override
    public ModifyDatabaseInstanceDescriptionResponse modifyDatabaseInstanceDescription(
            Call call, ModifyDatabaseInstanceDescriptionRequest r) {
        Caller caller = caller(call, r.regionId());
        DatabaseRow d = require(call.tx(), caller, r.databaseInstanceId());
        String text = checkDescription(r.databaseInstanceDescription());
        if (!rows.update(call.tx(), d.describedAs(text))) {
            throw new ConcurrentChange("database instance " + d.databaseInstanceId());
        }
        return new ModifyDatabaseInstanceDescriptionResponse();
    }

    @Override
    public AllocatePublicConnectionResponse allocatePublicConnection(Call call, AllocatePublicConnectionRequest r) {
        DatabaseRow d = running(call, caller(call, r.regionId()), r.databaseInstanceId());
        if (d.publicConnection() != null) {
            throw new ApiException(
                    403, "PublicConnection.AlreadyExist", "The database instance already has a public connection.");
        }
        String address = d.databaseInstanceId() + PUBLIC_DOMAIN;
        if (!rows.update(call.tx(), d.withPublicConnection(address))) {
            throw new ConcurrentChange("database instance " + d.databaseInstanceId());
        }
        return new AllocatePublicConnectionResponse(address);
    }

    @Override
    public ReleasePublicConnectionResponse releasePublicConnection(Call call, ReleasePublicConnectionRequest r) {
        DatabaseRow d = running(call, caller(call, r.regionId()), r.databaseInstanceId());
        if (d.publicConnection() == null) {
            throw new ApiException(404, "PublicConnection.NotFound", "The database instance has no public connection.");
        }
        if (!rows.update(call.tx(), d.withPublicConnection(null))) {
            throw new ConcurrentChange("database instance " + d.databaseInstanceId());
        }
        return new ReleasePublicConnectionResponse();
    }

    @Override
    public ResetDatabaseAccountPasswordResponse resetDatabaseAccountPassword(
            Call call, ResetDatabaseAccountPasswordRequest r) {
        DatabaseRow d = running(call, caller(call, r.regionId()), r.databaseInstanceId());
        checkPassword(r.accountPassword());
        if (!rows.update(call.tx(), d.withPasswordSetAt(call.now()))) {
            throw new ConcurrentChange("database instance " + d.databaseInstanceId());
        }
        return new ResetDatabaseAccountPasswordResponse();
    }

    @Override
    public DescribeDatabaseInstanceParametersResponse describeDatabaseInstanceParameters(
            Call call, DescribeDatabaseInstanceParametersRequest r) {
        DatabaseRow d = require(call.tx(), caller(call, r.regionId()), r.databaseInstanceId());
        Map<String, String> set = new HashMap<>();
        for (ParameterRow p : parameters.list(call.tx(), "database_instance_id = ?", null, d.databaseInstanceId())) {
            set.put(p.parameterName(), p.parameterValue());
        }
        List<DescribeDatabaseInstanceParametersResponse.ConfigParameter> config = new ArrayList<>();
        List<DescribeDatabaseInstanceParametersResponse.RunningParameter> running = new ArrayList<>();
        for (MysqlParameters.Parameter p :
                MysqlParameters.of(d.databaseVersion()).values()) {
            String restart = String.valueOf(p.forceRestart());
            config.add(new DescribeDatabaseInstanceParametersResponse.ConfigParameter(
                    p.checkingCode(), "true", restart, p.description(), p.name(), p.defaultValue()));
            running.add(new DescribeDatabaseInstanceParametersResponse.RunningParameter(
                    p.checkingCode(),
                    "true",
                    restart,
                    p.description(),
                    p.name(),
                    set.getOrDefault(p.name(), p.defaultValue())));
        }
        return new DescribeDatabaseInstanceParametersResponse(config, "MySQL", d.databaseVersion(), running);
    }

    @Override
    public ModifyDatabaseInstanceParameterResponse modifyDatabaseInstanceParameter(
            Call call, ModifyDatabaseInstanceParameterRequest r) {
        DatabaseRow d = running(call, caller(call, r.regionId()), r.databaseInstanceId());
        Map<String, String> wanted = parseParameters(r.parameters());
        boolean restart = false;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            MysqlParameters.Parameter p = MysqlParameters.find(d.databaseVersion(), e.getKey())
                    .orElseThrow(() -> new ApiException(
                            400,
                            "InvalidParameters.NotFound",
                            "The parameter " + e.getKey() + " does not exist for MySQL " + d.databaseVersion() + "."));
            if (!p.allows(e.getValue())) {
                throw new ApiException(
                        400,
                        "InvalidParameterValue.Malformed",
                        "The value of " + p.name() + " must be within " + p.checkingCode() + ".");
            }
            restart |= p.forceRestart();
        }
        if (restart && !Boolean.TRUE.equals(r.forceRestart())) {
            throw new ApiException(
                    403,
                    "ForceRestart.Required",
                    "A parameter you change takes effect only after a restart: set ForceRestart to true.");
        }
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            String name = e.getKey();
            MysqlParameters.Parameter p =
                    MysqlParameters.of(d.databaseVersion()).get(name);
            String value = p.checkingCode().contains("|") ? canonical(p, e.getValue()) : e.getValue();
            String key = d.databaseInstanceId() + "/" + name;
            parameters.delete(call.tx(), key);
            if (!value.equals(p.defaultValue())) {
                parameters.insert(call.tx(), new ParameterRow(key, d.databaseInstanceId(), name, value));
            }
        }
        DatabaseRow next = restart ? d.with(lifecycle.toward(RESTARTING, RUNNING, call.now())) : d;
        if (!rows.update(call.tx(), next)) {
            throw new ConcurrentChange("database instance " + d.databaseInstanceId());
        }
        return new ModifyDatabaseInstanceParameterResponse();
    }

    /** The allowed spelling of an enumerated value. */
    private static String canonical(MysqlParameters.Parameter p, String value) {
        for (String allowed :
                p.checkingCode().substring(1, p.checkingCode().length() - 1).split("\\|")) {
            if (allowed.equalsIgnoreCase(value)) {
                return allowed;
            }
        }
        return value;
    }

    /** {@code Parameters}: a JSON object of names to values (strings or numbers), at least one. */
    static Map<String, String> parseParameters(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JsonNode tree = JSON.readTree(text == null ? "" : text);
            if (tree != null && tree.isObject()) {
                for (Map.Entry<String, JsonNode> e : tree.properties()) {
                    if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                        out.clear();
                        break;
                    }
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
        } catch (JsonProcessingException e) {
            out.clear();
        }
        if (out.isEmpty()) {
            throw new ApiException(
                    400,
                    "InvalidParameters.Malformed",
                    "The specified parameter Parameters must be a JSON object of parameter names and values.");
        }
        return out;
    }

    /**
     * 8-32 characters of letters, digits and {@link #SPECIAL}, with at least three of: an upper-case
     * letter, a lower-case letter, a digit, a special character; else 400 InvalidAccountPassword.Malformed.
     */
    static String checkPassword(String password) {
        boolean ok = password != null && password.length() >= 8 && password.length() <= 32;
        int upper = 0;
        int lower = 0;
        int digit = 0;
        int special = 0;
        for (int i = 0; ok && i < password.length(); i++) {
            char ch = password.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                upper = 1;
            } else if (ch >= 'a' && ch <= 'z') {
                lower = 1;
            } else if (ch >= '0' && ch <= '9') {
                digit = 1;
            } else if (SPECIAL.indexOf(ch) >= 0) {
                special = 1;
            } else {
                ok = false;
            }
        }
        if (!ok || upper + lower + digit + special < 3) {
            throw new ApiException(
                    400,
                    "InvalidAccountPassword.Malformed",
                    "The password must be 8 to 32 characters long and contain at least three of: upper-case "
                            + "letters, lower-case letters, digits and special characters " + SPECIAL + ".");
        }
        return password;
    }

    /** The caller's instance, which must be Running: 404 not found, 403 IncorrectDBInstanceState. */
    private DatabaseRow running(Call call, Caller caller, String id) {
        DatabaseRow d = require(call.tx(), caller, id);
        if (!d.state().status(call.now()).equals(RUNNING)) {
            throw incorrectState();
        }
        return d;
    }

    /** The instance's status now (a due transition counts as done). */
    public String status(Tx tx, Caller caller, String id, long now) {
        return require(tx, caller, id).state().status(now);
    }

    private void move(Call call, Caller caller, String id, String from, String via, String to) {
        DatabaseRow d = require(call.tx(), caller, id);
        if (!d.state().status(call.now()).equals(from)) {
            throw incorrectState();
        }
        if (!rows.update(call.tx(), d.with(lifecycle.toward(via, to, call.now())))) {
            throw new ConcurrentChange("database instance " + id);
        }
    }

    private DescribeDatabaseInstancesResponse.DatabaseInstance view(DatabaseRow d, long now) {
        return DescribeDatabaseInstancesResponse.DatabaseInstance.builder()
                .businessStatus("NORMAL")
                .chargeType("PrePaid")
                .cpu("1")
                .memory("1")
                .storage(40)
                .creationTime(Shapes.time(d.createdAt()))
                .expiredTime(Shapes.time(d.expiresAt()))
                .databaseInstanceEdition(d.edition())
                .databaseInstanceId(d.databaseInstanceId())
                .databaseInstanceName(Shapes.orEmpty(d.description()))
                .databaseInstanceStatus(d.state().status(now))
                .databaseVersion(d.databaseVersion())
                .privateConnection(privateConnection(d.databaseInstanceId()))
                .publicConnection(Shapes.orEmpty(d.publicConnection()))
                .regionId(d.regionId())
                .superAccountName("root")
                .build();
    }

    /** As the response example {@code rm-bp1d39opj7906****.mysql.rds.aliyuncs.com}: rm- and 17 of the id's characters. */
    public static String privateConnection(String databaseInstanceId) {
        return "rm-" + databaseInstanceId.substring(3, 20) + PUBLIC_DOMAIN;
    }

    /** 2-256 characters, not starting with http:// or https://: 400 InvalidDatabaseInstanceDescription.Malformed. */
    static String checkDescription(String text) {
        if (text == null
                || text.length() < 2
                || text.length() > DESCRIPTION_MAX
                || text.startsWith("http://")
                || text.startsWith("https://")) {
            throw new ApiException(
                    400,
                    "InvalidDatabaseInstanceDescription.Malformed",
                    "The specified parameter DatabaseInstanceDescription is not valid.");
        }
        return text;
    }

    static ApiException notFound() {
        return new ApiException(
                404, "InvalidDatabaseInstanceId.NotFound", "The specified DatabaseInstanceId does not exist.");
    }

    static ApiException incorrectState() {
        return new ApiException(
                403,
                "IncorrectDBInstanceState",
                "The current status of the database instance does not support this operation.");
    }

    private DatabaseRow find(Tx tx, Caller caller, String id) {
        if (id == null) {
            return null;
        }
        return rows.find(tx, id)
                .filter(d ->
                        d.accountId().equals(caller.accountId()) && d.regionId().equals(caller.regionId()))
                .orElse(null);
    }

    DatabaseRow require(Tx tx, Caller caller, String id) {
        DatabaseRow d = find(tx, caller, id);
        if (d == null) {
            throw notFound();
        }
        return d;
    }

    /** The caller in a region that exists (400 InvalidRegionId otherwise). */
    Caller caller(Call call, String regionId) {
        regions.require(Objects.requireNonNull(regionId, "RegionId"));
        return new Caller(call.accountId(), regionId);
    }
}

package dev.swasd.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.protocol.Credential;
import dev.swasd.protocol.Hashing;
import dev.swasd.store.AccessKeyRecord;
import dev.swasd.store.IdentityRepository;
import dev.swasd.store.ResourceTables;
import dev.swasd.store.SecretCipher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control API for tests (docs/testing-with-swasd.md): reset the resources, inject faults,
 * move the state clock, seed what the service's API cannot create. Served under {@code /_swasd/}
 * by the HTTP server when enabled (embedded mode; {@code serve --control-api}), behind HTTP Basic
 * with a root AccessKey of the default account; never an action of the signed API. Its Java
 * methods are what dev.swasd.embedded calls.
 */
public final class ControlApi {
    public static final String PREFIX = "/_swasd/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    /** An HTTP answer of the control API: always JSON. */
    public record Answer(int status, byte[] body, Map<String, String> headers) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, (body.toString() + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Answer error(int status, String code, String message) {
            return json(status, JSON.createObjectNode().put("code", code).put("message", message));
        }
    }

    /**
     * Seeds one kind of thing the service's API cannot create ({@code POST /_swasd/seed/KIND}).
     * The extension point of resource families to come: databases, command outcome rules and
     * traffic used register a seeder of their own here when they are built.
     */
    public interface Seeder {
        /** Seeds what {@code request} (a JSON object, possibly empty) asks for; answers what was made. */
        ObjectNode seed(JsonNode request);
    }

    /** A second account and its root AccessKey, as seeded. */
    public record SeededAccount(String accountId, String accessKeyId, String accessKeySecret) {}

    /** Temporary (STS-style) credentials, as seeded. */
    public record SeededStsCredentials(
            String accountId,
            String userName,
            String accessKeyId,
            String accessKeySecret,
            String securityToken,
            Instant expiration) {}

    private final String accountId;
    private final ResourceTables resources;
    private final Faults faults;
    private final StateClock clock;
    private final StateSettler settler;
    private final IdentityRepository identities;
    private final SecretCipher cipher;
    private final StoreCredentials credentials;
    private final Map<String, Seeder> seeders = new LinkedHashMap<>();

    ControlApi(
            String accountId,
            ResourceTables resources,
            Faults faults,
            StateClock clock,
            StateSettler settler,
            IdentityRepository identities,
            SecretCipher cipher,
            StoreCredentials credentials) {
        this.accountId = accountId;
        this.resources = resources;
        this.faults = faults;
        this.clock = clock;
        this.settler = settler;
        this.identities = identities;
        this.cipher = cipher;
        this.credentials = credentials;
        seeders.put("account", request -> {
            SeededAccount a = seedAccount(
                    text(request, "accountId"), text(request, "accessKeyId"), text(request, "accessKeySecret"));
            return JSON.createObjectNode()
                    .put("accountId", a.accountId())
                    .put("accessKeyId", a.accessKeyId())
                    .put("accessKeySecret", a.accessKeySecret());
        });
        seeders.put("sts-credentials", request -> {
            JsonNode d = request.get("durationSeconds");
            SeededStsCredentials s = seedStsCredentials(
                    text(request, "accountId"),
                    text(request, "userName"),
                    Duration.ofSeconds(d == null || d.isNull() ? 3600 : positiveLong(d, "durationSeconds")));
            ObjectNode out = JSON.createObjectNode().put("accountId", s.accountId());
            if (s.userName() != null) {
                out.put("userName", s.userName());
            }
            return out.put("accessKeyId", s.accessKeyId())
                    .put("accessKeySecret", s.accessKeySecret())
                    .put("securityToken", s.securityToken())
                    .put("expiration", s.expiration().toString());
        });
    }

    // ---------------------------------------------------------------- the Java side

    /**
     * Removes every account's resources (servers, disks, snapshots, custom images, shares, tags,
     * ClientToken outcomes), clears the faults and puts the state clock back on the wall clock.
     * Accounts, AccessKeys and RAM identities stay. Returns the rows deleted.
     */
    public long reset() {
        long n = resources.deleteAll();
        faults.clear();
        clock.reset();
        return n;
    }

    public Faults faults() {
        return faults;
    }

    public StateClock clock() {
        return clock;
    }

    /** Moves the state clock forward by {@code by} and writes the transitions that fell due. */
    public Duration advanceClock(Duration by) {
        Duration offset = clock.advance(by);
        settler.settle();
        return offset;
    }

    /**
     * Makes an account (if it does not exist) with the given root AccessKey (put, or replaced if
     * the id exists). Null arguments are generated.
     */
    public SeededAccount seedAccount(String account, String keyId, String secret) {
        String id = account != null ? account : "1" + digits(15);
        if (!id.matches("[1-9][0-9]{15}")) {
            throw new IllegalArgumentException("\"accountId\" must be a 16-digit account UID, got '" + id + "'");
        }
        if (keyId != null && !keyId.matches("[A-Za-z0-9._-]{4,64}")) {
            throw new IllegalArgumentException("\"accessKeyId\" must be 4-64 of A-Z a-z 0-9 . _ -");
        }
        if (secret != null && (secret.length() < 8 || secret.length() > 128)) {
            throw new IllegalArgumentException("\"accessKeySecret\" must be 8-128 characters");
        }
        if (keyId != null) {
            identities.findKey(keyId).ifPresent(k -> {
                if (!k.accountId().equals(id) || k.userName() != null) {
                    throw new IllegalArgumentException("AccessKey " + keyId + " belongs to another identity");
                }
            });
        }
        String key = keyId != null ? keyId : "LTAI" + random(20);
        String sec = secret != null ? secret : random(30);
        long now = clock.wall().millis();
        identities.ensureAccount(id, now);
        identities.putKey(
                new AccessKeyRecord(key, id, null, cipher.encrypt(sec), AccessKeyRecord.ACTIVE, null, null, now));
        credentials.forgetAll();
        return new SeededAccount(id, key, sec);
    }

    /**
     * Temporary credentials (an AccessKey with a SecurityToken, as STS issues) of the root
     * identity or of the RAM user {@code userName} of {@code account} (null: the default
     * account), valid for {@code duration} of wall-clock time.
     */
    public SeededStsCredentials seedStsCredentials(String account, String userName, Duration duration) {
        String id = account != null ? account : accountId;
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("\"durationSeconds\" must be 1-43200");
        }
        if (!identities.accountExists(id)) {
            throw new IllegalArgumentException("account " + id + " does not exist (seed it first)");
        }
        String key = "STS." + random(24);
        String secret = random(30);
        String token = "CAIS" + random(120);
        long now = clock.wall().millis();
        Instant expiration = Instant.ofEpochMilli(now + duration.toMillis());
        identities.putKey(new AccessKeyRecord(
                key,
                id,
                userName,
                cipher.encrypt(secret),
                AccessKeyRecord.ACTIVE,
                token,
                expiration.toEpochMilli(),
                now));
        credentials.forgetAll();
        return new SeededStsCredentials(id, userName, key, secret, token, expiration);
    }

    /** Registers the seeder of {@code kind} ({@code POST /_swasd/seed/KIND}); see {@link Seeder}. */
    public synchronized void registerSeeder(String kind, Seeder seeder) {
        if (seeders.putIfAbsent(kind, seeder) != null) {
            throw new IllegalStateException("a seeder of '" + kind + "' is registered already");
        }
    }

    // ---------------------------------------------------------------- the HTTP side

    /** Answers one request whose path starts with {@link #PREFIX}. */
    public Answer handle(String method, String path, String authorization, byte[] body) {
        if (!authorized(authorization)) {
            Answer refused = Answer.error(
                    401,
                    "Unauthorized",
                    "the control API takes HTTP Basic with a root AccessKeyId and AccessKeySecret of account "
                            + accountId);
            return new Answer(401, refused.body(), Map.of("WWW-Authenticate", "Basic realm=\"swasd\""));
        }
        String route = path.substring(PREFIX.length());
        try {
            JsonNode request = parse(body);
            return switch (route) {
                case "reset" -> only(method, "POST") ? reset(request) : notAllowed(method, route);
                case "faults" ->
                    switch (method) {
                        case "GET" -> Answer.json(200, faultList());
                        case "POST" -> Answer.json(201, render(faults.add(rule(request))));
                        case "DELETE" -> {
                            int n = faults.list().size();
                            faults.clear();
                            yield Answer.json(200, JSON.createObjectNode().put("cleared", n));
                        }
                        default -> notAllowed(method, route);
                    };
                case "clock" -> only(method, "GET") ? Answer.json(200, clockState()) : notAllowed(method, route);
                case "clock/advance" -> {
                    if (!only(method, "POST")) {
                        yield notAllowed(method, route);
                    }
                    advanceClock(duration(request.get("by")));
                    yield Answer.json(200, clockState());
                }
                case "seed" -> only(method, "GET") ? Answer.json(200, seedKinds()) : notAllowed(method, route);
                default -> {
                    if (route.startsWith("faults/")) {
                        yield only(method, "DELETE")
                                ? deleteFault(route.substring("faults/".length()))
                                : notAllowed(method, route);
                    }
                    if (route.startsWith("seed/")) {
                        Seeder seeder = seeder(route.substring("seed/".length()));
                        if (seeder == null) {
                            yield Answer.error(
                                    404,
                                    "NotFound",
                                    "nothing to seed named '" + route.substring(5)
                                            + "'; GET /_swasd/seed lists what there is");
                        }
                        yield only(method, "POST") ? Answer.json(201, seeder.seed(request)) : notAllowed(method, route);
                    }
                    yield Answer.error(404, "NotFound", "no control endpoint " + path);
                }
            };
        } catch (IllegalArgumentException e) {
            return Answer.error(400, "InvalidRequest", e.getMessage());
        }
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String pair;
        try {
            pair = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        Optional<Credential> found = credentials.find(pair.substring(0, colon));
        if (found.isEmpty()) {
            return false;
        }
        Credential c = found.get();
        return c.active()
                && c.securityToken() == null
                && c.principal().isRoot()
                && accountId.equals(c.principal().accountId())
                && Hashing.same(c.secret(), pair.substring(colon + 1));
    }

    private Answer reset(JsonNode ignored) {
        long started = System.nanoTime();
        long rows = reset();
        return Answer.json(
                200,
                JSON.createObjectNode()
                        .put("deletedRows", rows)
                        .put("tookMs", (System.nanoTime() - started) / 1_000_000.0));
    }

    private ObjectNode faultList() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("faults");
        for (Faults.Rule r : faults.list()) {
            list.add(render(r));
        }
        return out;
    }

    private Answer deleteFault(String id) {
        Faults.Rule removed = faults.remove(id);
        return removed == null ? Answer.error(404, "NotFound", "no fault " + id) : Answer.json(200, render(removed));
    }

    private ObjectNode clockState() {
        return JSON.createObjectNode()
                .put("now", clock.instant().toString())
                .put("offset", clock.offset().toString())
                .put("offsetMs", clock.offset().toMillis());
    }

    private synchronized ObjectNode seedKinds() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode kinds = out.putArray("kinds");
        seeders.keySet().forEach(kinds::add);
        return out;
    }

    private synchronized Seeder seeder(String kind) {
        return seeders.get(kind);
    }

    static ObjectNode render(Faults.Rule r) {
        ObjectNode o = JSON.createObjectNode().put("id", r.id()).put("action", r.action() == null ? "*" : r.action());
        if (r.code() != null) {
            o.put("code", r.code()).put("status", r.status()).put("message", r.message());
        }
        if (r.times() != null) {
            o.put("times", r.times());
        } else {
            o.putNull("times");
        }
        return o.put("probability", r.probability()).put("delayMs", r.delayMs());
    }

    /** A fault rule from its JSON; IllegalArgumentException names what is wrong. */
    static Faults.Rule rule(JsonNode r) {
        for (Iterator<String> names = r.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("action", "code", "status", "message", "times", "probability", "delayMs")
                    .contains(name)) {
                throw new IllegalArgumentException("unknown field \"" + name + "\" (fields: action, code, status, "
                        + "message, times, probability, delayMs)");
            }
        }
        String code = text(r, "code");
        JsonNode status = r.get("status");
        JsonNode times = r.get("times");
        JsonNode probability = r.get("probability");
        JsonNode delay = r.get("delayMs");
        String message = text(r, "message");
        return new Faults.Rule(
                null,
                text(r, "action"),
                code,
                status == null || status.isNull() ? 400 : (int) positiveLong(status, "status"),
                message != null ? message : code == null ? null : "Injected fault " + code + " (swasd control API).",
                times == null || times.isNull() ? null : (int) positiveLong(times, "times"),
                probability == null || probability.isNull() ? 1.0 : number(probability, "probability"),
                delay == null || delay.isNull() ? 0 : positiveLong(delay, "delayMs"));
    }

    /** {@code 500ms}, {@code 2s}, {@code 90m}, {@code 2h}, {@code 1d}, combined ({@code 1h30m}), or ISO-8601 ({@code PT2H}). */
    static Duration duration(JsonNode by) {
        if (by == null || !by.isTextual() || by.asText().isBlank()) {
            throw new IllegalArgumentException("\"by\" must be a duration such as \"2h\", \"90m\", \"1d\" or \"PT2H\"");
        }
        return parseDuration(by.asText());
    }

    /** {@code 500ms}, {@code 2s}, {@code 90m}, {@code 2h}, {@code 1d}, combined ({@code 1h30m}), or ISO-8601 ({@code PT2H}); not negative. */
    public static Duration parseDuration(String value) {
        String text = value.trim();
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                Duration d = Duration.parse(text);
                if (d.isNegative()) {
                    throw new IllegalArgumentException("\"by\" must not be negative");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"by\" is not an ISO-8601 duration: " + text);
            }
        }
        Matcher m = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
            at = m.end();
        }
        if (text.isEmpty() || at != text.length()) {
            throw new IllegalArgumentException(
                    "\"by\" must be a duration such as \"2h\", \"90m\", \"1d\" or \"PT2H\", got \"" + text + "\"");
        }
        return total;
    }

    private static boolean only(String method, String allowed) {
        return allowed.equals(method);
    }

    private static Answer notAllowed(String method, String route) {
        return Answer.error(405, "MethodNotAllowed", method + " is not allowed on /_swasd/" + route);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || n.isMissingNode()) {
                return JSON.createObjectNode();
            }
            if (!n.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("the body could not be read");
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return v.asText();
    }

    private static long positiveLong(JsonNode v, String field) {
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asLong() < 0) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number of at least 0");
        }
        return v.asLong();
    }

    private static double number(JsonNode v, String field) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number");
        }
        return v.asDouble();
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
        }
        return sb.toString();
    }

    private static String digits(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return sb.toString();
    }
}

package dev.swasd.swas.keypairs;

import dev.swasd.api.Call;
import dev.swasd.api.Reusable;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.AttachKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteKeyPairsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DetachKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ImportKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListKeyPairsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.UploadInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.AttachKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateInstanceKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteInstanceKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteKeyPairsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInstanceKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DetachKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ImportKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListKeyPairsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.UploadInstanceKeyPairResponse;
import dev.swasd.errors.ApiException;
import dev.swasd.errors.GatewayErrors;
import dev.swasd.store.InstanceRecord;
import dev.swasd.store.Table;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.ConcurrentChange;
import dev.swasd.swas.IdFormat;
import dev.swasd.swas.Paging;
import dev.swasd.swas.Regions;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.instances.InstanceService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * SSH key pairs (spec/swas-breadth.md G5 and G10): account key pairs (CreateKeyPair,
 * ImportKeyPair, DeleteKeyPairs, ListKeyPairs, AttachKeyPair, DetachKeyPair) and the per-server
 * actions (CreateInstanceKeyPair, DescribeInstanceKeyPair, UploadInstanceKeyPair,
 * DeleteInstanceKeyPair), which work on the same thing: a server's one key pair slot, holding one
 * of the account's pairs. Pairs live in {@code key_pairs}, slots in {@code instance_key_pairs}
 * (migration V13). Only public keys are kept; a made private key is answered once.
 */
public final class KeyPairActions implements SwasOpenApi {
    /** Key pairs an account may have in a region [doc]. */
    public static final int PAIRS_PER_REGION = 10;
    /** Servers one AttachKeyPair / DetachKeyPair names, and names one DeleteKeyPairs names [doc]. */
    public static final int BATCH_MAX = 50;

    static final int PAGE_SIZE_MAX = 100;
    static final String WINDOWS = "Windows";

    /** An account key pair, a row of {@code key_pairs}; {@code publicKey} in OpenSSH form. */
    public record KeyPair(
            String keyPairId,
            String accountId,
            String regionId,
            String keyPairName,
            String keyType,
            String publicKey,
            String fingerprint,
            long createdAt,
            long version) {}

    /** A server's key pair slot, a row of {@code instance_key_pairs}: the server holds this pair. */
    public record Slot(
            String instanceId, String keyPairId, String accountId, String regionId, long attachedAt, long version) {}

    /** 2-64 characters: a letter or Chinese character first, then those, digits, ':', '_' or '-' [doc]. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z\\p{IsHan}][A-Za-z0-9\\p{IsHan}:_-]{1,63}");
    /** The ListKeyPairs example writes {@code 2024-05-06T02:28Z}, to the minute. */
    private static final DateTimeFormatter CREATION_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private static final IdFormat IDS = new IdFormat.Hex(16);

    private final Table<KeyPair> pairs = new Table<>("key_pairs", KeyPair.class, "keyPairId");
    private final Table<Slot> slots = new Table<>("instance_key_pairs", Slot.class, "instanceId");
    private final Regions regions;
    private final InstanceService instances;

    public KeyPairActions(Regions regions, InstanceService instances) {
        this.regions = regions;
        this.instances = instances;
    }

    @Override
    public CreateKeyPairResponse createKeyPair(Call call, CreateKeyPairRequest r) {
        Caller caller = caller(call, r.regionId());
        String name = name(r.keyPairName());
        checkRoom(call.tx(), caller, name);
        SshKeys.Generated made = SshKeys.generate();
        add(call, caller, name, made.publicKey());
        return new CreateKeyPairResponse(name, made.privateKeyPem());
    }

    @Override
    public ImportKeyPairResponse importKeyPair(Call call, ImportKeyPairRequest r) {
        Caller caller = caller(call, r.regionId());
        String name = name(r.keyPairName());
        SshKeys.PublicKey key = SshKeys.parse(r.publicKeyBody());
        checkRoom(call.tx(), caller, name);
        add(call, caller, name, key);
        return new ImportKeyPairResponse(name);
    }

    @Override
    public DeleteKeyPairsResponse deleteKeyPairs(Call call, DeleteKeyPairsRequest r) {
        Caller caller = caller(call, r.regionId());
        Set<String> names = distinct(r.keyPairNames(), "KeyPairNames");
        List<KeyPair> found = new ArrayList<>();
        for (String name : names) {
            found.add(require(call.tx(), caller, name));
        }
        for (KeyPair p : found) {
            if (!holders(call.tx(), p).isEmpty()) {
                throw SwasErrors.keyPairAttached();
            }
        }
        for (KeyPair p : found) {
            pairs.delete(call.tx(), p.keyPairId());
        }
        return new DeleteKeyPairsResponse();
    }

    @Override
    @Reusable
    public ListKeyPairsResponse listKeyPairs(Call call, ListKeyPairsRequest r) {
        Caller caller = caller(call, r.regionId());
        if (r.pageSize() != null && r.pageSize() > PAGE_SIZE_MAX) {
            throw SwasErrors.invalidParam("PageSize", "it must be from 1 to " + PAGE_SIZE_MAX + ".");
        }
        List<KeyPair> all = r.keyPairName() == null
                ? pairs.list(
                        call.tx(),
                        "account_id = ? AND region_id = ?",
                        "created_at, key_pair_name",
                        caller.accountId(),
                        caller.regionId())
                : find(call.tx(), caller, r.keyPairName()).stream().toList();
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 10);
        List<ListKeyPairsResponse.KeyPair> page = new ArrayList<>();
        for (KeyPair p : paging.slice(all)) {
            page.add(ListKeyPairsResponse.KeyPair.builder()
                    .keyPairName(p.keyPairName())
                    .publicKey(p.publicKey())
                    .creationTime(CREATION_TIME.format(Instant.ofEpochMilli(p.createdAt())))
                    .instanceIds(holders(call.tx(), p))
                    .build());
        }
        return new ListKeyPairsResponse(page, paging.number(), paging.size(), all.size());
    }

    @Override
    public AttachKeyPairResponse attachKeyPair(Call call, AttachKeyPairRequest r) {
        Caller caller = caller(call, r.regionId());
        KeyPair pair = require(call.tx(), caller, r.keyPairName());
        List<AttachKeyPairResponse.Result> results = new ArrayList<>();
        for (String id : distinct(r.instanceIds(), "InstanceIds")) {
            try {
                linuxServer(call, caller, id);
                attach(call, caller, id, pair);
                results.add(new AttachKeyPairResponse.Result("200", id, "success", "true"));
            } catch (ApiException e) {
                results.add(new AttachKeyPairResponse.Result(e.code(), id, e.getMessage(), "false"));
            }
        }
        return new AttachKeyPairResponse(
                failures(results.stream().map(AttachKeyPairResponse.Result::success)), results, results.size());
    }

    @Override
    public DetachKeyPairResponse detachKeyPair(Call call, DetachKeyPairRequest r) {
        Caller caller = caller(call, r.regionId());
        KeyPair pair = require(call.tx(), caller, r.keyPairName());
        List<DetachKeyPairResponse.Result> results = new ArrayList<>();
        for (String id : distinct(r.instanceIds(), "InstanceIds")) {
            try {
                linuxServer(call, caller, id);
                Optional<Slot> slot = slots.find(call.tx(), id);
                if (slot.isEmpty() || !slot.get().keyPairId().equals(pair.keyPairId())) {
                    throw SwasErrors.keyPairNotAttached();
                }
                slots.delete(call.tx(), id);
                results.add(new DetachKeyPairResponse.Result("200", id, "success", "true"));
            } catch (ApiException e) {
                results.add(new DetachKeyPairResponse.Result(e.code(), id, e.getMessage(), "false"));
            }
        }
        return new DetachKeyPairResponse(
                failures(results.stream().map(DetachKeyPairResponse.Result::success)), results, results.size());
    }

    @Override
    public CreateInstanceKeyPairResponse createInstanceKeyPair(Call call, CreateInstanceKeyPairRequest r) {
        Caller caller = caller(call, r.regionId());
        linuxServer(call, caller, r.instanceId());
        String name = name(r.keyPairName());
        checkRoom(call.tx(), caller, name);
        SshKeys.Generated made = SshKeys.generate();
        KeyPair pair = add(call, caller, name, made.publicKey());
        attach(call, caller, r.instanceId(), pair);
        return new CreateInstanceKeyPairResponse(pair.fingerprint(), name, made.privateKeyPem());
    }

    @Override
    public DescribeInstanceKeyPairResponse describeInstanceKeyPair(Call call, DescribeInstanceKeyPairRequest r) {
        Caller caller = caller(call, r.regionId());
        linuxServer(call, caller, r.instanceId());
        return slots.find(call.tx(), r.instanceId())
                .flatMap(s -> pairs.find(call.tx(), s.keyPairId()))
                .map(p -> new DescribeInstanceKeyPairResponse(p.fingerprint(), p.keyPairName()))
                .orElse(new DescribeInstanceKeyPairResponse(null, null));
    }

    @Override
    public UploadInstanceKeyPairResponse uploadInstanceKeyPair(Call call, UploadInstanceKeyPairRequest r) {
        Caller caller = caller(call, r.regionId());
        linuxServer(call, caller, r.instanceId());
        if (r.keyPairName() == null || r.keyPairName().isEmpty()) {
            throw GatewayErrors.missingParameter("KeyPairName");
        }
        if (r.publicKey() == null || r.publicKey().isEmpty()) {
            throw GatewayErrors.missingParameter("PublicKey");
        }
        String name = name(r.keyPairName());
        SshKeys.PublicKey key = SshKeys.parse(r.publicKey());
        Optional<KeyPair> same = find(call.tx(), caller, name);
        KeyPair pair;
        if (same.isPresent() && same.get().publicKey().equals(key.openSsh())) {
            pair = same.get();
        } else {
            checkRoom(call.tx(), caller, name);
            pair = add(call, caller, name, key);
        }
        attach(call, caller, r.instanceId(), pair);
        return new UploadInstanceKeyPairResponse();
    }

    @Override
    public DeleteInstanceKeyPairResponse deleteInstanceKeyPair(Call call, DeleteInstanceKeyPairRequest r) {
        Caller caller = caller(call, r.regionId());
        linuxServer(call, caller, r.instanceId());
        slots.delete(call.tx(), r.instanceId());
        return new DeleteInstanceKeyPairResponse();
    }

    /** A valid name [doc], or 400 InvalidKeyPairName.Malformed. */
    static String name(String text) {
        if (text == null
                || !NAME.matcher(text).matches()
                || text.startsWith("http://")
                || text.startsWith("https://")) {
            throw SwasErrors.keyPairNameMalformed();
        }
        return text;
    }

    /** A new pair must have a name of its own and room under the quota. */
    private void checkRoom(Tx tx, Caller caller, String name) {
        if (find(tx, caller, name).isPresent()) {
            throw SwasErrors.keyPairExists();
        }
        if (pairs.count(tx, "account_id = ? AND region_id = ?", caller.accountId(), caller.regionId())
                >= PAIRS_PER_REGION) {
            throw SwasErrors.keyPairQuotaExceeded();
        }
    }

    private KeyPair add(Call call, Caller caller, String name, SshKeys.PublicKey key) {
        KeyPair pair = new KeyPair(
                IDS.next(),
                caller.accountId(),
                caller.regionId(),
                name,
                key.type(),
                key.openSsh(),
                key.fingerprint(),
                call.now(),
                0);
        pairs.insert(call.tx(), pair);
        return pair;
    }

    /**
     * ResetSystem's {@code LoginCredentials.KeyPairName}: the re-installed server logs in with the
     * account pair, which replaces the pair its slot held. 404 InvalidKeyPairName.NotFound for a
     * pair the region lacks, 403 DependencyViolation.WindowsInstance for a Windows image; the
     * caller's transaction then rolls the re-install back too.
     */
    public void useForLogin(Call call, Caller caller, String instanceId, String keyPairName) {
        KeyPair pair = require(call.tx(), caller, keyPairName);
        linuxServer(call, caller, instanceId);
        attach(call, caller, instanceId, pair);
    }

    /** Puts the pair in the server's slot, replacing the pair it held. */
    private void attach(Call call, Caller caller, String instanceId, KeyPair pair) {
        Optional<Slot> held = slots.find(call.tx(), instanceId);
        if (held.isEmpty()) {
            slots.insert(
                    call.tx(),
                    new Slot(instanceId, pair.keyPairId(), caller.accountId(), caller.regionId(), call.now(), 0));
        } else if (!held.get().keyPairId().equals(pair.keyPairId())) {
            Slot s = held.get();
            if (!slots.update(
                    call.tx(),
                    new Slot(instanceId, pair.keyPairId(), s.accountId(), s.regionId(), call.now(), s.version()))) {
                throw new ConcurrentChange("key pair of instance " + instanceId);
            }
        }
    }

    /** The caller's server, which must run Linux: 404 InvalidInstanceId.NotFound, 403 DependencyViolation.WindowsInstance. */
    private void linuxServer(Call call, Caller caller, String instanceId) {
        InstanceRecord server = instances.require(call.tx(), caller, instanceId);
        if (WINDOWS.equals(instances.view(call.tx(), call.now(), server).image().platform())) {
            throw SwasErrors.windowsInstance();
        }
    }

    /** The servers holding the pair, in the order they took it. */
    private List<String> holders(Tx tx, KeyPair p) {
        return slots.list(tx, "key_pair_id = ?", "attached_at, instance_id", p.keyPairId()).stream()
                .map(Slot::instanceId)
                .toList();
    }

    private Optional<KeyPair> find(Tx tx, Caller caller, String name) {
        return pairs
                .list(
                        tx,
                        "account_id = ? AND region_id = ? AND key_pair_name = ?",
                        null,
                        caller.accountId(),
                        caller.regionId(),
                        name)
                .stream()
                .findFirst();
    }

    private KeyPair require(Tx tx, Caller caller, String name) {
        return find(tx, caller, name).orElseThrow(SwasErrors::keyPairNotFound);
    }

    /** A list parameter's values, trimmed, each once, at most {@link #BATCH_MAX}. */
    private static Set<String> distinct(List<String> values, String parameter) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        if (out.isEmpty()) {
            throw GatewayErrors.missingParameter(parameter);
        }
        if (out.size() > BATCH_MAX) {
            throw SwasErrors.invalidParam(parameter, "it names more than " + BATCH_MAX + " values.");
        }
        return out;
    }

    private static int failures(Stream<String> success) {
        return (int) success.filter(s -> !s.equals("true")).count();
    }

    /** The caller in a region that exists (400 InvalidRegionId otherwise). */
    /** The caller, in a region the node offers (key pairs are checked before any server is looked up). */
    private Caller caller(Call call, String regionId) {
        regions.require(Objects.requireNonNull(regionId, "RegionId"));
        return Caller.of(call, regionId);
    }
}

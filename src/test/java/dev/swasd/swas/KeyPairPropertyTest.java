package dev.swasd.swas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.AttachKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteKeyPairsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DetachKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ImportKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListKeyPairsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.UploadInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.AttachKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DetachKeyPairResponse;
import dev.swasd.errors.ApiException;
import dev.swasd.swas.instances.InstanceService;
import dev.swasd.swas.keypairs.KeyPairActions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of import, attach, detach, delete, upload and per-server delete, checked after
 * every step against a reference model: a map of pairs (name to key) and one slot per server.
 * Plain JUnit with a seeded {@link Random}: {@value #TRIES} sequences of {@value #STEPS} steps; the
 * seed is in every failure message and {@code -Dswasd.keypairs.seed=N} replays it.
 */
class KeyPairPropertyTest {
    static final int TRIES = 25;
    static final int STEPS = 30;
    static final String UNKNOWN = "ffffffffffffffffffffffffffffffff";
    static final List<String> NAMES = List.of("n0", "n1", "n2", "n3", "n4");

    @TempDir
    Path dir;

    /** What the family must behave like. */
    static final class Model {
        final Map<String, String> pairs = new TreeMap<>(); // name -> public key
        final Map<String, String> slots = new HashMap<>(); // server -> name

        /** The outcome for one server of Attach/Detach: null for success, else the result's Code. */
        String serverProblem(String server, Set<String> linux) {
            if (linux.contains(server)) {
                return null;
            }
            return server.equals(UNKNOWN) ? "InvalidInstanceId.NotFound" : "DependencyViolation.WindowsInstance";
        }
    }

    @Test
    void attachReplaceDetachAndDeleteAgreeWithTheModel() {
        long seed = Long.getLong("swasd.keypairs.seed", new Random().nextLong());
        DomainFixture f = new DomainFixture(dir, 0, Quotas.defaults());
        try {
            KeyPairActions kp = f.module(KeyPairActions.class);
            Random random = new Random(seed);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                byte[] point = new byte[32];
                random.nextBytes(point);
                keys.add("ssh-ed25519 "
                        + Base64.getEncoder()
                                .encodeToString(KeyPairRulesTest.sshString(
                                        "ssh-ed25519".getBytes(StandardCharsets.US_ASCII), point)));
            }
            for (int t = 0; t < TRIES; t++) {
                String account = Long.toString(4_000_000_000_000_000L + t);
                run(f, kp, account, random, keys, "seed " + seed + " (-Dswasd.keypairs.seed=" + seed + "), try " + t);
            }
        } finally {
            f.close();
        }
    }

    private void run(
            DomainFixture f, KeyPairActions kp, String account, Random random, List<String> keys, String where) {
        Caller caller = new Caller(account, DomainFixture.REGION);
        Set<String> linux = new LinkedHashSet<>(f.tx(tx -> f.instances.create(
                tx,
                f.now,
                caller,
                new InstanceService.CreateInstances(
                        DomainFixture.LINUX, DomainFixture.PLAN, 1, 3, false, null, 0, null))));
        String windows = f.tx(tx -> f.instances.create(
                        tx,
                        f.now,
                        caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.WINDOWS, DomainFixture.PLAN, 1, 1, false, null, 0, null)))
                .getFirst();
        List<String> servers = new ArrayList<>(linux);
        servers.add(windows);
        servers.add(UNKNOWN);
        Model m = new Model();
        String r = DomainFixture.REGION;
        List<String> log = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            String name = NAMES.get(random.nextInt(NAMES.size()));
            String key = keys.get(random.nextInt(keys.size()));
            List<String> some = new ArrayList<>();
            for (String s : servers) {
                if (random.nextInt(3) == 0) {
                    some.add(s);
                }
            }
            if (some.isEmpty()) {
                some.add(servers.get(random.nextInt(servers.size())));
            }
            String one = servers.get(random.nextInt(servers.size()));
            int op = random.nextInt(6);
            String at = where + ", step " + step + " after " + log;
            switch (op) {
                case 0 -> {
                    log.add("import " + name);
                    String expected = m.pairs.containsKey(name) ? "KeyPair.AlreadyExist" : null;
                    String got = code(() -> call(
                            f,
                            account,
                            c -> kp.importKeyPair(
                                    c,
                                    ImportKeyPairRequest.builder()
                                            .regionId(r)
                                            .keyPairName(name)
                                            .publicKeyBody(key)
                                            .build())));
                    assertThat(got).as(at).isEqualTo(expected);
                    m.pairs.putIfAbsent(name, key);
                }
                case 1 -> {
                    log.add("attach " + name + " " + short8(some));
                    if (!m.pairs.containsKey(name)) {
                        assertThat(code(() -> call(
                                        f,
                                        account,
                                        c -> kp.attachKeyPair(
                                                c,
                                                AttachKeyPairRequest.builder()
                                                        .regionId(r)
                                                        .keyPairName(name)
                                                        .instanceIds(some)
                                                        .build()))))
                                .as(at)
                                .isEqualTo("InvalidKeyPairName.NotFound");
                        break;
                    }
                    AttachKeyPairResponse got = call(
                            f,
                            account,
                            c -> kp.attachKeyPair(
                                    c,
                                    AttachKeyPairRequest.builder()
                                            .regionId(r)
                                            .keyPairName(name)
                                            .instanceIds(some)
                                            .build()));
                    int fails = 0;
                    for (int i = 0; i < some.size(); i++) {
                        String problem = m.serverProblem(some.get(i), linux);
                        assertThat(got.results().get(i).code()).as(at).isEqualTo(problem == null ? "200" : problem);
                        if (problem == null) {
                            m.slots.put(some.get(i), name);
                        } else {
                            fails++;
                        }
                    }
                    assertThat(got.failCount()).as(at).isEqualTo(fails);
                    assertThat(got.totalCount()).as(at).isEqualTo(some.size());
                }
                case 2 -> {
                    log.add("detach " + name + " " + short8(some));
                    if (!m.pairs.containsKey(name)) {
                        assertThat(code(() -> call(
                                        f,
                                        account,
                                        c -> kp.detachKeyPair(
                                                c,
                                                DetachKeyPairRequest.builder()
                                                        .regionId(r)
                                                        .keyPairName(name)
                                                        .instanceIds(some)
                                                        .build()))))
                                .as(at)
                                .isEqualTo("InvalidKeyPairName.NotFound");
                        break;
                    }
                    DetachKeyPairResponse got = call(
                            f,
                            account,
                            c -> kp.detachKeyPair(
                                    c,
                                    DetachKeyPairRequest.builder()
                                            .regionId(r)
                                            .keyPairName(name)
                                            .instanceIds(some)
                                            .build()));
                    int fails = 0;
                    for (int i = 0; i < some.size(); i++) {
                        String s = some.get(i);
                        String problem = m.serverProblem(s, linux);
                        if (problem == null && !name.equals(m.slots.get(s))) {
                            problem = "InvalidKeyPairName.NotAttached";
                        }
                        assertThat(got.results().get(i).code()).as(at).isEqualTo(problem == null ? "200" : problem);
                        if (problem == null) {
                            m.slots.remove(s);
                        } else {
                            fails++;
                        }
                    }
                    assertThat(got.failCount()).as(at).isEqualTo(fails);
                }
                case 3 -> {
                    List<String> names = new ArrayList<>(
                            new LinkedHashSet<>(List.of(name, NAMES.get(random.nextInt(NAMES.size())))));
                    log.add("delete " + names);
                    String expected = names.stream().anyMatch(n -> !m.pairs.containsKey(n))
                            ? "InvalidKeyPairName.NotFound"
                            : names.stream().anyMatch(m.slots::containsValue)
                                    ? "InvalidParameter.KeypairAlreadyAttachedInstance"
                                    : null;
                    String got = code(() -> call(
                            f,
                            account,
                            c -> kp.deleteKeyPairs(
                                    c,
                                    DeleteKeyPairsRequest.builder()
                                            .regionId(r)
                                            .keyPairNames(names)
                                            .build())));
                    assertThat(got).as(at).isEqualTo(expected);
                    if (expected == null) {
                        names.forEach(m.pairs::remove);
                    }
                }
                case 4 -> {
                    log.add("upload " + short8(List.of(one)) + " " + name);
                    String problem = m.serverProblem(one, linux);
                    if (problem == null
                            && m.pairs.containsKey(name)
                            && !m.pairs.get(name).equals(key)) {
                        problem = "KeyPair.AlreadyExist";
                    }
                    String got = code(() -> call(
                            f,
                            account,
                            c -> kp.uploadInstanceKeyPair(
                                    c,
                                    UploadInstanceKeyPairRequest.builder()
                                            .regionId(r)
                                            .instanceId(one)
                                            .keyPairName(name)
                                            .publicKey(key)
                                            .build())));
                    assertThat(got).as(at).isEqualTo(problem);
                    if (problem == null) {
                        m.pairs.putIfAbsent(name, key);
                        m.slots.put(one, name);
                    }
                }
                default -> {
                    log.add("delete-instance " + short8(List.of(one)));
                    String got = code(() -> call(
                            f,
                            account,
                            c -> kp.deleteInstanceKeyPair(
                                    c,
                                    DeleteInstanceKeyPairRequest.builder()
                                            .regionId(r)
                                            .instanceId(one)
                                            .build())));
                    String problem = m.serverProblem(one, linux);
                    assertThat(got).as(at).isEqualTo(problem);
                    m.slots.remove(one);
                }
            }
            check(f, kp, account, m, linux, at);
        }
    }

    /** ListKeyPairs and DescribeInstanceKeyPair show exactly the model. */
    private static void check(
            DomainFixture f, KeyPairActions kp, String account, Model m, Set<String> linux, String at) {
        var listed = call(
                f,
                account,
                c -> kp.listKeyPairs(
                        c,
                        ListKeyPairsRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .pageSize(100L)
                                .build()));
        Map<String, Set<String>> got = new TreeMap<>();
        Map<String, String> keys = new TreeMap<>();
        listed.keyPairs().forEach(p -> {
            got.put(p.keyPairName(), new TreeSet<>(p.instanceIds()));
            keys.put(p.keyPairName(), p.publicKey());
        });
        Map<String, Set<String>> expected = new TreeMap<>();
        m.pairs.keySet().forEach(n -> expected.put(n, new TreeSet<>()));
        m.slots.forEach((s, n) -> expected.get(n).add(s));
        assertThat(got).as(at).isEqualTo(expected);
        assertThat(keys).as(at).isEqualTo(m.pairs);
        assertThat(listed.totalCount()).as(at).isEqualTo(m.pairs.size());
        for (String s : linux) {
            assertThat(call(
                                    f,
                                    account,
                                    c -> kp.describeInstanceKeyPair(
                                            c,
                                            DescribeInstanceKeyPairRequest.builder()
                                                    .regionId(DomainFixture.REGION)
                                                    .instanceId(s)
                                                    .build()))
                            .keyPairName())
                    .as(at + " " + s)
                    .isEqualTo(m.slots.get(s));
        }
    }

    private static <T> T call(DomainFixture f, String account, Function<Call, T> action) {
        return f.tx(tx -> action.apply(new Call("req", account, null, f.now, tx)));
    }

    /** The error code the work answers, or null when it succeeds. */
    private static String code(Runnable work) {
        try {
            work.run();
            return null;
        } catch (ApiException e) {
            return e.code();
        }
    }

    private static List<String> short8(List<String> ids) {
        return ids.stream().map(s -> s.substring(0, 8)).toList();
    }
}

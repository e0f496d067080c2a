package dev.swasd.swas;

import static dev.swasd.swas.DomainRulesTest.code;
import static dev.swasd.swas.DomainRulesTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenRequests.AttachKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteKeyPairsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DetachKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ImportKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListKeyPairsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ResetSystemRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.UploadInstanceKeyPairRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.AttachKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateInstanceKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeInstanceKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DetachKeyPairResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListKeyPairsResponse;
import dev.swasd.store.InstanceRecord;
import dev.swasd.swas.instances.InstanceActions;
import dev.swasd.swas.instances.InstanceService;
import dev.swasd.swas.keypairs.KeyPairActions;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of the key pair family (spec/swas-breadth.md G5, G10) and every error code it answers. */
class KeyPairRulesTest {
    /** Keys made by OpenSSH's ssh-keygen, with what {@code ssh-keygen -l -E md5 -f} printed for each. */
    static final Map<String, String> VECTORS = Map.of(
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCL7dFoSStme2EFtdOByJmGE5FQIFcTzU8aqsGHqHnR6MTh1t6GmFVCSgh2b8eTp5BSca7ddDsV1LNhmwaGwRbpnZJGDriTWaoy1E7sj4HSvaicvU5t8btgsDVuTsc6TKm6ZC7fwT1jbrNOCm1EYhxUvS1r32MmP5oq5c7F+hqjM74370LXcrDn+84q1gT3/wtOdIiq9Uzik3ax3Qn3ORfC6ylwqYtGfK2w/a5LWqMDtBDP/QAeeuHH/Wyj7qiHX1iS1JLfdVR5Twxx8w9VCeVinUHgIE5nMKc5sWCFm3UL7339JRn54RE6lTSEhdpwhvSETpu5hbtv0THczbLMRPy9 user@example",
            "05:63:a2:37:46:fe:e2:77:29:d1:2d:1d:11:cf:3a:28",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIerq681E05+yvL9RoupoOlT870YQVI/ErjAuvuOZgU2 user@example",
            "e9:0f:0c:ea:f8:98:b1:9a:43:68:c6:5e:51:f8:42:77",
            "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBBt/VDGlQ9BmyYD+DpzarnFhNCkzAfg5bpd+tGlaa8mOEcQYTe7vT81XBQIu9M/PaD5MmSM95wPzqybhCP04ZDw= user@example",
            "ed:16:dc:ae:bf:12:93:6e:67:30:34:18:9b:2e:bb:8b",
            "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBPSN0MuRiigJwRK9KjIY/N+vJgY3vFYyAOqRpOfjcII6wI7rAoZRSf09ngoeLA7ezq1xTbkK3/52aHvroa9Q+VwaI5xChV5gWpayDKxQMqF6H8lDKzvrUWmrjUeKzJJVFg== user@example",
            "59:a9:dd:48:74:f6:a9:88:12:5c:ed:1c:34:5c:eb:53",
            "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBABuYwn+28teIoLRFBcamqoWmspclCOk/KlU8W/rRpZuc2E/wATVWWcEeFizWhFWmYzUd5+mFzvBAxGRPqX82aI21wGtn/khp/pQOOSLlL+B+gBVhHXFzulHXxwuVi0f2sdNh9vJ1PtGdTsD+dh02h+/kb3HH/odmbZ1jSZ55eQ4cG1Jmw== user@example",
            "35:70:92:d2:20:eb:08:d8:f0:8e:6c:13:ca:70:f5:fc");

    static final String ED25519 = VECTORS.keySet().stream()
            .filter(k -> k.startsWith("ssh-ed25519"))
            .findFirst()
            .orElseThrow();
    static final String RSA = VECTORS.keySet().stream()
            .filter(k -> k.startsWith("ssh-rsa"))
            .findFirst()
            .orElseThrow();

    @TempDir
    Path dir;

    DomainFixture f;
    KeyPairActions kp;
    String server;

    @BeforeEach
    void open() {
        f = new DomainFixture(dir, 0, Quotas.defaults());
        kp = f.module(KeyPairActions.class);
        server = f.server();
    }

    @AfterEach
    void close() {
        f.close();
    }

    <T> T call(Function<Call, T> action) {
        return callAs(DomainFixture.ACCOUNT, action);
    }

    <T> T callAs(String account, Function<Call, T> action) {
        return f.tx(tx -> action.apply(new Call("req", account, null, f.now, tx)));
    }

    String windowsServer() {
        return f.tx(tx -> f.instances.create(
                        tx,
                        f.now,
                        f.caller,
                        new InstanceService.CreateInstances(
                                DomainFixture.WINDOWS, DomainFixture.PLAN, 1, 1, false, null, 0, null)))
                .getFirst();
    }

    void importKey(String name, String key) {
        importKeyIn(DomainFixture.ACCOUNT, DomainFixture.REGION, name, key);
    }

    void importKeyIn(String account, String region, String name, String key) {
        callAs(
                account,
                c -> kp.importKeyPair(
                        c,
                        ImportKeyPairRequest.builder()
                                .regionId(region)
                                .keyPairName(name)
                                .publicKeyBody(key)
                                .build()));
    }

    List<ListKeyPairsResponse.KeyPair> list() {
        return call(c -> kp.listKeyPairs(
                        c,
                        ListKeyPairsRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .pageSize(100L)
                                .build()))
                .keyPairs();
    }

    ListKeyPairsResponse.KeyPair listed(String name) {
        return list().stream()
                .filter(p -> p.keyPairName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    AttachKeyPairResponse attach(String name, String... ids) {
        return call(c -> kp.attachKeyPair(
                c,
                AttachKeyPairRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .keyPairName(name)
                        .instanceIds(List.of(ids))
                        .build()));
    }

    DetachKeyPairResponse detach(String name, String... ids) {
        return call(c -> kp.detachKeyPair(
                c,
                DetachKeyPairRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .keyPairName(name)
                        .instanceIds(List.of(ids))
                        .build()));
    }

    void delete(String... names) {
        call(c -> kp.deleteKeyPairs(
                c,
                DeleteKeyPairsRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .keyPairNames(List.of(names))
                        .build()));
    }

    DescribeInstanceKeyPairResponse describe(String instanceId) {
        return call(c -> kp.describeInstanceKeyPair(
                c,
                DescribeInstanceKeyPairRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(instanceId)
                        .build()));
    }

    void upload(String instanceId, String name, String key) {
        call(c -> kp.uploadInstanceKeyPair(
                c,
                UploadInstanceKeyPairRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(instanceId)
                        .keyPairName(name)
                        .publicKey(key)
                        .build()));
    }

    static String md5OfBlob(String openSsh) throws Exception {
        byte[] blob = Base64.getDecoder().decode(openSsh.split(" ")[1]);
        return HexFormat.ofDelimiter(":")
                .formatHex(MessageDigest.getInstance("MD5").digest(blob));
    }

    @Test
    void createKeyPairAnswersAPkcs8PrivateKeyOnceAndKeepsTheMatchingOpenSshPublicKey() throws Exception {
        var made = call(c -> kp.createKeyPair(
                c,
                CreateKeyPairRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .keyPairName("made")
                        .build()));
        assertThat(made.keyPairName()).isEqualTo("made");
        String pem = made.privateKeyBody();
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("\n-----END PRIVATE KEY-----\n");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPrivateCrtKey priv =
                (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        assertThat(priv.getModulus().bitLength()).isEqualTo(2048);

        ListKeyPairsResponse.KeyPair listed = listed("made");
        assertThat(listed.publicKey())
                .isEqualTo("ssh-rsa "
                        + Base64.getEncoder()
                                .encodeToString(sshString(
                                        "ssh-rsa".getBytes(StandardCharsets.US_ASCII),
                                        priv.getPublicExponent().toByteArray(),
                                        priv.getModulus().toByteArray())));
        assertThat(listed.creationTime()).isEqualTo("2027-01-15T08:00Z");
        assertThat(listed.instanceIds()).isEmpty();
        // nothing but the public key is kept: the answer is the only copy of the private key
        assertThat(KeyPairActions.KeyPair.class.getRecordComponents())
                .extracting(c -> c.getName())
                .noneMatch(n -> n.toLowerCase().contains("private"));

        // OpenSSH itself reads the private key and derives the same public key
        Path ssh = Path.of("/usr/bin/ssh-keygen");
        Assumptions.assumeTrue(Files.isExecutable(ssh), "ssh-keygen is not installed");
        Path file = dir.resolve("made.pem");
        Files.writeString(file, pem);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Process p = new ProcessBuilder(ssh.toString(), "-y", "-f", file.toString())
                .redirectErrorStream(true)
                .start();
        String derived = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(derived).isEqualTo(listed.publicKey());
    }

    @Test
    void importTakesRsaEd25519AndEcdsaKeysAndFingerprintsThemAsSshKeygenDoes() {
        List<String> servers = f.servers(VECTORS.size());
        int i = 0;
        for (Map.Entry<String, String> v : VECTORS.entrySet()) {
            String name = "key-" + i;
            importKey(name, "  " + v.getKey() + "\n");
            // kept without the comment
            assertThat(listed(name).publicKey())
                    .isEqualTo(v.getKey().substring(0, v.getKey().lastIndexOf(' ')));
            attach(name, servers.get(i));
            assertThat(describe(servers.get(i))).isEqualTo(new DescribeInstanceKeyPairResponse(v.getValue(), name));
            i++;
        }
        // a key without a comment is the same key
        importKey("bare", ED25519.substring(0, ED25519.lastIndexOf(' ')));
    }

    @Test
    void anythingButOneWellFormedKeyOfTheFiveTypesIsPublicKeyBodyMalformed() throws Exception {
        byte[] ed = Base64.getDecoder().decode(ED25519.split(" ")[1]);
        byte[] rsa = Base64.getDecoder().decode(RSA.split(" ")[1]);
        String p256 = VECTORS.keySet().stream()
                .filter(k -> k.contains("nistp256"))
                .findFirst()
                .orElseThrow();
        String p384 = VECTORS.keySet().stream()
                .filter(k -> k.contains("nistp384"))
                .findFirst()
                .orElseThrow();
        byte[] p256Blob = Base64.getDecoder().decode(p256.split(" ")[1]);
        byte[] offCurve = p256Blob.clone();
        offCurve[offCurve.length - 1] ^= 1;
        byte[] small = sshString(
                "ssh-rsa".getBytes(StandardCharsets.US_ASCII),
                BigInteger.valueOf(65537).toByteArray(),
                BigInteger.ONE.shiftLeft(511).add(BigInteger.ONE).toByteArray());
        List<String> bad = new ArrayList<>(List.of(
                "",
                "   ",
                "ssh-ed25519",
                "AAAAC3NzaC1lZDI1NTE5AAAAIIerq681E05+yvL9RoupoOlT870YQVI/ErjAuvuOZgU2",
                "ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4EddRIpUt9KnC7s5Of2EbdSPO9EAMMeP4C2USZpRV1AIlH7WT2NWPq",
                "ssh-rsa " + ED25519.split(" ")[1], // the blob says ssh-ed25519
                "ssh-ed25519 " + b64(Arrays.copyOf(ed, ed.length - 1)), // truncated
                "ssh-ed25519 " + b64(concat(ed, new byte[] {0})), // a byte too many
                "ssh-ed25519 " + b64(sshString("ssh-ed25519".getBytes(StandardCharsets.US_ASCII), new byte[31])),
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIerq681E05+yvL9RoupoOlT870YQVI/ErjAuvuOZgU", // base64 cut
                "ssh-ed25519 AAAAC3Nza!1lZDI1NTE5AAAAIIerq681E05+yvL9RoupoOlT870YQVI/ErjAuvuOZgU2",
                "ecdsa-sha2-nistp256 " + p384.split(" ")[1], // the blob is a P-384 key
                "ecdsa-sha2-nistp256 " + b64(offCurve), // not a point of the curve
                "ssh-rsa " + b64(small), // 512 bits
                "ssh-rsa " + b64(concat(rsa, new byte[] {0, 0, 0, 0})),
                ED25519 + "\n" + RSA, // two keys
                "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAh6urrzUTTn7K8v1Gi6mg6VPzvRhBUj8SuMC6+45mBTY=\n-----END PUBLIC KEY-----",
                "ssh-ed25519  \u00e9"));
        for (String key : bad) {
            code(fails(() -> importKey("bad", key)), 400, "InvalidPublicKeyBody.Malformed");
        }
        assertThat(fails(() -> importKey("bad", "ssh-dss AAAA")).getMessage())
                .isEqualTo("The PublicKeyBody format is not supported.");
        assertThat(list()).isEmpty();
    }

    @Test
    void namesAreTwoToSixtyFourCharactersStartingWithALetterOrChineseCharacter() {
        for (String good : List.of("ab", "Key-1", "a:b_c-d", "密钥", "k" + "x".repeat(63), "http:ab", "中文key_1")) {
            importKey(good, ED25519);
        }
        for (String bad : List.of(
                "a",
                "1ab",
                "_ab",
                "-ab",
                ":ab",
                "a b",
                "a.b",
                "a/b",
                "http://x",
                "https://x",
                "k" + "x".repeat(64),
                "ключ",
                "é-key")) {
            var e = fails(() -> importKey(bad, ED25519));
            code(e, 400, "InvalidKeyPairName.Malformed");
            assertThat(e.getMessage()).isEqualTo("Specified Key Pair name is not valid.");
        }
    }

    @Test
    void tenPairsPerAccountAndRegionEachWithItsOwnName() {
        for (int i = 0; i < KeyPairActions.PAIRS_PER_REGION; i++) {
            importKey("k" + i, ED25519);
        }
        var quota = fails(() -> importKey("k10", ED25519));
        code(quota, 403, "QuotaExceed.KeyPair");
        assertThat(quota.getMessage()).isEqualTo("The key pair quota exceeds.");
        code(
                fails(() -> call(c -> kp.createKeyPair(
                        c,
                        CreateKeyPairRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .keyPairName("k11")
                                .build()))),
                403,
                "QuotaExceed.KeyPair");
        var dup = fails(() -> importKey("k3", RSA));
        code(dup, 400, "KeyPair.AlreadyExist");
        assertThat(dup.getMessage()).isEqualTo("The key pair already exist.");
        // another region and another account have their own ten and their own names
        importKeyIn(DomainFixture.ACCOUNT, "cn-beijing", "k3", ED25519);
        importKeyIn("2000000000000002", DomainFixture.REGION, "k3", ED25519);
        delete("k0");
        importKey("k10", ED25519);
        code(fails(() -> importKeyIn(DomainFixture.ACCOUNT, "xx-nowhere-1", "k3", ED25519)), 400, "InvalidRegionId");
    }

    @Test
    void attachReportsEachServerInTheBodyAndAnotherPairReplacesTheFirst() {
        importKey("alpha", ED25519);
        importKey("beta", RSA);
        List<String> two = f.servers(2);
        String windows = windowsServer();
        String foreign = "ffffffffffffffffffffffffffffffff";
        AttachKeyPairResponse r =
                attach("alpha", server, two.get(0), two.get(0), "00000000000000000000000000000000", windows, foreign);
        assertThat(r.totalCount()).isEqualTo(5);
        assertThat(r.failCount()).isEqualTo(3);
        assertThat(r.results())
                .extracting(AttachKeyPairResponse.Result::instanceId)
                .containsExactly(server, two.get(0), "00000000000000000000000000000000", windows, foreign);
        assertThat(r.results().get(0)).isEqualTo(new AttachKeyPairResponse.Result("200", server, "success", "true"));
        assertThat(r.results().get(2).success()).isEqualTo("false");
        assertThat(r.results().get(2).code()).isEqualTo("InvalidInstanceId.NotFound");
        assertThat(r.results().get(3))
                .isEqualTo(new AttachKeyPairResponse.Result(
                        "DependencyViolation.WindowsInstance",
                        windows,
                        "The instance creating is windows, cannot use ssh key pair to login",
                        "false"));
        assertThat(listed("alpha").instanceIds()).containsExactlyInAnyOrder(server, two.get(0));

        // one pair per server: beta takes server's slot from alpha
        assertThat(attach("beta", server).failCount()).isEqualTo(0);
        assertThat(listed("alpha").instanceIds()).containsExactly(two.get(0));
        assertThat(listed("beta").instanceIds()).containsExactly(server);
        assertThat(describe(server).keyPairName()).isEqualTo("beta");
        // attaching what a server holds already succeeds and changes nothing
        assertThat(attach("beta", server).failCount()).isEqualTo(0);

        // a server of another account is not found, for the caller and in its result
        String theirs = f.tx(tx -> f.instances.create(
                        tx,
                        f.now,
                        new Caller("2000000000000002", DomainFixture.REGION),
                        new InstanceService.CreateInstances(
                                DomainFixture.LINUX, DomainFixture.PLAN, 1, 1, false, null, 0, null)))
                .getFirst();
        assertThat(attach("alpha", theirs).results().getFirst().code()).isEqualTo("InvalidInstanceId.NotFound");

        var unknown = fails(() -> attach("gamma", server));
        code(unknown, 404, "InvalidKeyPairName.NotFound");
        assertThat(unknown.getMessage()).isEqualTo("The specified KeyPairName does not exist in our records.");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < KeyPairActions.BATCH_MAX + 1; i++) {
            many.add(String.format("%032x", i));
        }
        code(fails(() -> attach("alpha", many.toArray(String[]::new))), 400, "InvalidParameter");
    }

    @Test
    void detachFreesOnlyServersHoldingThatPair() {
        importKey("alpha", ED25519);
        importKey("beta", RSA);
        List<String> two = f.servers(2);
        attach("alpha", server, two.get(0));
        attach("beta", two.get(1));
        DetachKeyPairResponse r = detach("alpha", server, two.get(1), windowsServer());
        assertThat(r.totalCount()).isEqualTo(3);
        assertThat(r.failCount()).isEqualTo(2);
        assertThat(r.results().get(0)).isEqualTo(new DetachKeyPairResponse.Result("200", server, "success", "true"));
        assertThat(r.results().get(1).code()).isEqualTo("InvalidKeyPairName.NotAttached");
        assertThat(r.results().get(2).code()).isEqualTo("DependencyViolation.WindowsInstance");
        assertThat(listed("alpha").instanceIds()).containsExactly(two.get(0));
        assertThat(listed("beta").instanceIds()).containsExactly(two.get(1));
        assertThat(describe(server)).isEqualTo(new DescribeInstanceKeyPairResponse(null, null));
        assertThat(detach("alpha", server).results().getFirst().code()).isEqualTo("InvalidKeyPairName.NotAttached");
        code(fails(() -> detach("gamma", server)), 404, "InvalidKeyPairName.NotFound");
    }

    @Test
    void deleteKeyPairsRefusesAttachedPairsAndIsAllOrNothing() {
        importKey("alpha", ED25519);
        importKey("beta", RSA);
        attach("alpha", server);
        var e = fails(() -> delete("beta", "alpha"));
        code(e, 400, "InvalidParameter.KeypairAlreadyAttachedInstance");
        assertThat(e.getMessage()).isEqualTo("The specified keyPair attached to instances can not be deleted.");
        code(fails(() -> delete("beta", "gamma")), 404, "InvalidKeyPairName.NotFound");
        assertThat(list()).extracting(ListKeyPairsResponse.KeyPair::keyPairName).containsExactly("alpha", "beta");
        detach("alpha", server);
        delete("alpha", "beta", "alpha");
        assertThat(list()).isEmpty();
    }

    @Test
    void listKeyPairsPagesInTheOrderPairsWereMadeAndFiltersByName() {
        for (int i = 0; i < 5; i++) {
            importKey("k" + i, ED25519);
            f.now += 60_000;
        }
        var page = call(c -> kp.listKeyPairs(
                c,
                ListKeyPairsRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .pageNumber(2L)
                        .pageSize(2L)
                        .build()));
        assertThat(page.keyPairs())
                .extracting(ListKeyPairsResponse.KeyPair::keyPairName)
                .containsExactly("k2", "k3");
        assertThat(page.totalCount()).isEqualTo(5);
        assertThat(page.pageNumber()).isEqualTo(2);
        assertThat(page.pageSize()).isEqualTo(2);
        var one = call(c -> kp.listKeyPairs(
                c,
                ListKeyPairsRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .keyPairName("k4")
                        .build()));
        assertThat(one.keyPairs())
                .extracting(ListKeyPairsResponse.KeyPair::keyPairName)
                .containsExactly("k4");
        assertThat(one.pageSize()).isEqualTo(10);
        assertThat(call(c -> kp.listKeyPairs(
                                c,
                                ListKeyPairsRequest.builder()
                                        .regionId(DomainFixture.REGION)
                                        .keyPairName("k")
                                        .build()))
                        .keyPairs())
                .isEmpty();
        code(
                fails(() -> call(c -> kp.listKeyPairs(
                        c,
                        ListKeyPairsRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .pageSize(101L)
                                .build()))),
                400,
                "InvalidParameter");
        assertThat(callAs(
                                "2000000000000002",
                                c -> kp.listKeyPairs(
                                        c,
                                        ListKeyPairsRequest.builder()
                                                .regionId(DomainFixture.REGION)
                                                .build()))
                        .totalCount())
                .isEqualTo(0);
    }

    @Test
    void perServerActionsUseTheServersOneSlot() throws Exception {
        CreateInstanceKeyPairResponse made = call(c -> kp.createInstanceKeyPair(
                c,
                CreateInstanceKeyPairRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .keyPairName("own")
                        .build()));
        assertThat(made.privateKey()).startsWith("-----BEGIN PRIVATE KEY-----");
        ListKeyPairsResponse.KeyPair own = listed("own");
        assertThat(own.instanceIds()).containsExactly(server);
        assertThat(made.fingerprint()).isEqualTo(md5OfBlob(own.publicKey()));
        assertThat(describe(server)).isEqualTo(new DescribeInstanceKeyPairResponse(made.fingerprint(), "own"));

        // an upload imports the key as an account pair and takes the slot
        upload(server, "laptop", ED25519);
        assertThat(describe(server)).isEqualTo(new DescribeInstanceKeyPairResponse(VECTORS.get(ED25519), "laptop"));
        assertThat(listed("own").instanceIds()).isEmpty();
        // the same name and key again only attaches; the name with another key is taken
        String other = f.server();
        upload(other, "laptop", ED25519);
        assertThat(listed("laptop").instanceIds()).containsExactlyInAnyOrder(server, other);
        code(fails(() -> upload(other, "laptop", RSA)), 400, "KeyPair.AlreadyExist");
        code(fails(() -> upload(other, null, RSA)), 400, "MissingKeyPairName");
        code(fails(() -> upload(other, "desk", null)), 400, "MissingPublicKey");
        code(fails(() -> upload(other, "desk", "ssh-rsa AAAA")), 400, "InvalidPublicKeyBody.Malformed");
        code(fails(() -> upload(other, "1desk", RSA)), 400, "InvalidKeyPairName.Malformed");
        code(
                fails(() -> call(c -> kp.createInstanceKeyPair(
                        c,
                        CreateInstanceKeyPairRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(other)
                                .keyPairName("own")
                                .build()))),
                400,
                "KeyPair.AlreadyExist");

        // delete empties the slot; the pair stays in the account
        call(c -> kp.deleteInstanceKeyPair(
                c,
                DeleteInstanceKeyPairRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .build()));
        assertThat(describe(server)).isEqualTo(new DescribeInstanceKeyPairResponse(null, null));
        assertThat(listed("laptop").instanceIds()).containsExactly(other);
        // and again: nothing to remove is no error
        call(c -> kp.deleteInstanceKeyPair(
                c,
                DeleteInstanceKeyPairRequest.builder()
                        .regionId(DomainFixture.REGION)
                        .instanceId(server)
                        .build()));

        // Linux only; unknown and foreign servers are not found
        String windows = windowsServer();
        List<Runnable> onWindows = List.of(
                () -> describe(windows),
                () -> upload(windows, "win", ED25519),
                () -> call(c -> kp.createInstanceKeyPair(
                        c,
                        CreateInstanceKeyPairRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(windows)
                                .keyPairName("win")
                                .build())),
                () -> call(c -> kp.deleteInstanceKeyPair(
                        c,
                        DeleteInstanceKeyPairRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(windows)
                                .build())));
        for (Runnable r : onWindows) {
            var e = fails(r::run);
            code(e, 403, "DependencyViolation.WindowsInstance");
        }
        assertThat(list()).extracting(ListKeyPairsResponse.KeyPair::keyPairName).doesNotContain("win");
        code(fails(() -> describe("00000000000000000000000000000000")), 404, "InvalidInstanceId.NotFound");
        code(
                fails(() -> callAs(
                        "2000000000000002",
                        c -> kp.describeInstanceKeyPair(
                                c,
                                DescribeInstanceKeyPairRequest.builder()
                                        .regionId(DomainFixture.REGION)
                                        .instanceId(server)
                                        .build()))),
                404,
                "InvalidInstanceId.NotFound");
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** SSH wire strings, each with its 4-byte length. */
    static byte[] sshString(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p.length >>> 24);
            out.write(p.length >>> 16);
            out.write(p.length >>> 8);
            out.write(p.length);
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    void resetWith(String instanceId, String keyPairName) {
        f.tx(tx -> f.module(InstanceActions.class)
                .resetSystem(
                        new Call("req", DomainFixture.ACCOUNT, null, f.now, tx),
                        ResetSystemRequest.builder()
                                .regionId(DomainFixture.REGION)
                                .instanceId(instanceId)
                                .loginCredentials(Map.of("KeyPairName", keyPairName))
                                .build()));
    }

    /** The server's whole row, so a comparison shows any change a refused call left behind. */
    InstanceRecord row(String instanceId) {
        return f.tx(tx -> f.instances.require(tx, f.caller, instanceId));
    }

    @Test
    void resetSystemWithAKeyPairNamePutsThatPairInTheServersSlotReplacingTheOldOne() {
        importKey("alpha", RSA);
        importKey("beta", ED25519);
        attach("alpha", server);

        resetWith(server, "beta");

        assertThat(describe(server).keyPairName()).isEqualTo("beta");
        assertThat(listed("beta").instanceIds()).containsExactly(server);
        assertThat(listed("alpha").instanceIds()).isEmpty();
    }

    @Test
    void resetSystemWithAnUnknownKeyPairIsNotFoundAndTheServerIsNotReinstalled() {
        InstanceRecord before = row(server);

        code(fails(() -> resetWith(server, "missing")), 404, "InvalidKeyPairName.NotFound");

        assertThat(row(server)).isEqualTo(before);
        assertThat(describe(server)).isEqualTo(new DescribeInstanceKeyPairResponse(null, null));
    }

    @Test
    void resetSystemOfAWindowsServerWithAKeyPairIsRefusedAndNothingChanges() {
        String windows = windowsServer();
        f.now += 120_000;
        importKey("alpha", RSA);
        InstanceRecord before = row(windows);

        code(fails(() -> resetWith(windows, "alpha")), 403, "DependencyViolation.WindowsInstance");

        assertThat(row(windows)).isEqualTo(before);
        assertThat(listed("alpha").instanceIds()).isEmpty();
    }
}

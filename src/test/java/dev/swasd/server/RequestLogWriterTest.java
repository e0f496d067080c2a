package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.protocol.Principal;
import dev.swasd.store.RequestLogRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The request log's capture and writer: what a row keeps of a call (common parameters left out,
 * secrets masked), and the writer under concurrency: nothing lost, nothing blocked, overflow
 * dropped and counted, flush and close writing what was queued.
 */
class RequestLogWriterTest {
    static final Principal ROOT = new Principal("1234567890123456", Principal.Kind.ROOT, null, "LTAIroot");
    static final Principal ALICE = new Principal("1234567890123456", Principal.Kind.USER, "alice", "LTAIalice");

    static RequestLogEntries.Call call(String id, Principal p, Map<String, String> params) {
        return new RequestLogEntries.Call(
                id, 1_000L, "swas-open", "ListInstances", "2020-06-01", p, "127.0.0.1", params, 200, null, null, 2_500);
    }

    @Test
    void masksSecretParametersAndLeavesOutTheCommonOnes() {
        Map<String, String> params = new java.util.HashMap<>();
        for (String common : RequestLogEntries.COMMON) {
            params.put(common, "x");
        }
        params.put("RegionId", "cn-hangzhou");
        params.put("InstanceId", "i-1");
        params.put("ClientToken", "token-kept");
        params.put("Password", "p1");
        params.put("LoginPassword", "p2");
        params.put("VncPassword", "p3");
        params.put("AccountPassword", "p4");
        params.put("NewPassword", "p5");
        params.put("OldPassword", "p6");
        params.put("AccessKeySecret", "s1");
        params.put("PrivateKey", "k1");
        params.put("privatekeybody", "k2");
        params.put("SessionToken", "t1");
        params.put("Signature.Extra", "g1");
        params.put("Tag.1.Key", "env");

        String json = RequestLogEntries.parameters(params);

        assertThat(json)
                .isEqualTo("{\"AccessKeySecret\":\"******\",\"AccountPassword\":\"******\","
                        + "\"ClientToken\":\"token-kept\",\"InstanceId\":\"i-1\",\"LoginPassword\":\"******\","
                        + "\"NewPassword\":\"******\",\"OldPassword\":\"******\",\"Password\":\"******\","
                        + "\"PrivateKey\":\"******\",\"RegionId\":\"cn-hangzhou\",\"SessionToken\":\"******\","
                        + "\"Signature.Extra\":\"******\",\"Tag.1.Key\":\"env\",\"VncPassword\":\"******\","
                        + "\"privatekeybody\":\"******\"}");
        assertThat(json).doesNotContain("p1", "p2", "s1", "k1", "t1", "g1");
        assertThat(RequestLogEntries.secret("ClientToken")).isFalse();
        assertThat(RequestLogEntries.secret("clienttoken")).isFalse();
        assertThat(RequestLogEntries.secret("ClientTokenSecret")).isTrue();
        assertThat(RequestLogEntries.secret("Token")).isTrue();
        assertThat(RequestLogEntries.secret("InstanceName")).isFalse();
    }

    @Test
    void parametersAreJsonWhateverTheyHold() throws Exception {
        Map<String, String> params = Map.of(
                "Remark",
                "a \"quoted\" \\ back\nslash\t\u0001 \u4e2d\u6587 \ud83d\ude00",
                "Key\"Name",
                "v",
                "Empty",
                "");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RequestLogEntries.parameters(params));
        assertThat(tree.size()).isEqualTo(3);
        params.forEach((k, v) -> assertThat(tree.path(k).asText()).isEqualTo(v));
    }

    @Test
    void aRowNamesItsPrincipalAsTheAccessLogDoes() {
        RequestLogRecord root = RequestLogEntries.row(call("r1", ROOT, Map.of("RegionId", "cn-hangzhou")));
        assertThat(root.principal()).isEqualTo("1234567890123456");
        assertThat(root.userName()).isEmpty();
        assertThat(root.accessKeyId()).isEqualTo("LTAIroot");
        assertThat(root.code()).isEmpty();
        assertThat(root.message()).isEmpty();
        assertThat(root.latencyMicros()).isEqualTo(2);
        assertThat(root.parameters()).isEqualTo("{\"RegionId\":\"cn-hangzhou\"}");
        RequestLogRecord user = RequestLogEntries.row(call("r2", ALICE, Map.of()));
        assertThat(user.principal()).isEqualTo("1234567890123456/alice");
        assertThat(user.userName()).isEqualTo("alice");
        assertThat(user.parameters()).isEqualTo("{}");
    }

    @Test
    void manyThreadsLoseNothingAndFlushWritesWhatWasQueued() throws Exception {
        Set<String> written = ConcurrentHashMap.newKeySet();
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger largest = new AtomicInteger();
        RequestLogWriter writer = new RequestLogWriter(
                batch -> {
                    batches.incrementAndGet();
                    largest.accumulateAndGet(batch.size(), Math::max);
                    batch.forEach(r -> written.add(r.requestId()));
                },
                new SimpleMeterRegistry(),
                100_000,
                500,
                Duration.ofMillis(50));
        int threads = 16;
        int each = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            workers.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < each; i++) {
                    writer.record(call(n + "-" + i, ROOT, Map.of()));
                }
            }));
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        writer.flush();
        assertThat(written).hasSize(threads * each);
        assertThat(writer.queued()).isZero();
        assertThat(writer.dropped()).isZero();
        assertThat(largest.get()).isLessThanOrEqualTo(500);
        assertThat(batches.get()).isGreaterThanOrEqualTo(threads * each / 500);
        writer.close();
    }

    @Test
    void aSlowDatabaseNeverBlocksARequestAndOverflowIsDroppedAndCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Set<String> written = ConcurrentHashMap.newKeySet();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RequestLogWriter writer = new RequestLogWriter(
                batch -> {
                    try {
                        release.await(); // the database hangs until the test lets it go
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    batch.forEach(r -> written.add(r.requestId()));
                },
                registry,
                1_000,
                100,
                Duration.ofMillis(10));
        AtomicLong slowest = new AtomicLong();
        for (int i = 0; i < 5_000; i++) {
            long t = System.nanoTime();
            writer.record(call("c" + i, ROOT, Map.of()));
            slowest.accumulateAndGet(System.nanoTime() - t, Math::max);
        }
        // no record() waited for the hung database (generously: under 50 ms each, one thread)
        assertThat(TimeUnit.NANOSECONDS.toMillis(slowest.get())).isLessThan(50);
        long dropped = writer.dropped();
        assertThat(dropped).isGreaterThanOrEqualTo(5_000 - 1_000 - 100);
        assertThat(registry.get("swasd.request_log.dropped").counter().count()).isEqualTo((double) dropped);
        release.countDown();
        writer.close();
        // what was queued and not dropped is written by close
        assertThat((long) written.size()).isEqualTo(5_000 - dropped);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            expected.add("c" + i);
        }
        assertThat(expected).containsAll(written);
        writer.record(call("after-close", ROOT, Map.of()));
        assertThat(writer.dropped()).isEqualTo(dropped + 1);
    }

    @Test
    void aBatchTheDatabaseRefusesIsCountedNotThrown() {
        RequestLogWriter writer = new RequestLogWriter(
                batch -> {
                    throw new IllegalStateException("database down");
                },
                new SimpleMeterRegistry(),
                100,
                10,
                Duration.ofHours(1));
        for (int i = 0; i < 25; i++) {
            writer.record(call("x" + i, ROOT, Map.of()));
        }
        writer.flush();
        assertThat(writer.dropped()).isEqualTo(25);
        assertThat(writer.queued()).isZero();
        writer.close();
    }
}

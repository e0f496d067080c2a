package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.RawHttp;
import dev.swasd.Slow;
import dev.swasd.TestDatabases;
import dev.swasd.cli.bench.RequestSigner;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nonce spent in a request that was answered stays spent after SIGKILL: replaying any answered
 * request to the restarted server is refused with SignatureNonceUsed (docs/durability.md). The
 * kill lands while signed requests stream in from several connections, so batches of claims are
 * being logged when it does.
 */
@Slow
class NonceCrashTest {
    private static final String KEY_ID = "LTAINonceCrashKey01";
    private static final String SECRET = "NonceCrashSecret0001abcdefgh";

    @TempDir
    Path tmp;

    @Test
    void everyAnsweredRequestsNonceIsRefusedAfterAKill() throws Exception {
        Path data = tmp.resolve("data");
        String dbUrl = TestDatabases.postgres() ? TestDatabases.fresh(tmp, "noncecrash") : null;
        ConcurrentLinkedQueue<byte[]> answered = new ConcurrentLinkedQueue<>();
        try (ServeProcess p = serve(data, dbUrl)) {
            int port = p.port();
            RequestSigner signer = new RequestSigner("127.0.0.1:" + port, KEY_ID, SECRET);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                workers.add(Thread.ofVirtual().start(() -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        while (!stop.get()) {
                            byte[] request = signer.sign("ListRegions", "2020-06-01", Map.of());
                            if (RawHttp.exchange(s, request).status() != 200) {
                                return;
                            }
                            answered.add(request);
                        }
                    } catch (IOException e) {
                        // the kill
                    }
                }));
            }
            while (answered.size() < 300) {
                Thread.sleep(10);
            }
            new ProcessBuilder("kill", "-KILL", Long.toString(p.process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            stop.set(true);
            for (Thread t : workers) {
                t.join();
            }
        }
        try (ServeProcess p = serve(data, dbUrl)) {
            int port = p.port();
            int refused = 0;
            try (Socket s = new Socket("127.0.0.1", port)) {
                for (byte[] request : answered) {
                    RawHttp.Reply reply = RawHttp.exchange(s, request);
                    assertThat(reply.status())
                            .as("a replay of an answered request: %s", reply)
                            .isEqualTo(400);
                    assertThat(reply.body()).contains("SignatureNonceUsed");
                    refused++;
                }
            }
            assertThat(refused).isGreaterThanOrEqualTo(300);
        }
    }

    private static ServeProcess serve(Path data, String dbUrl) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "serve",
                "--port",
                "0",
                "--data",
                data.toString(),
                "--root-access-key-id",
                KEY_ID,
                "--root-access-key-secret",
                SECRET));
        if (dbUrl != null) {
            args.addAll(List.of("--db", dbUrl));
        }
        ServeProcess p = ServeProcess.start(Map.of("SWASD_LOG_LEVEL", "WARN"), args.toArray(String[]::new));
        assertThat(p.awaitOut("SDK config", 60)).as("start; stderr %s", p.err).isTrue();
        return p;
    }
}

package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.HostileClient;
import dev.swasd.HostileClient.Reply;
import dev.swasd.TestDatabases;
import dev.swasd.swas.Quotas;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A database that goes away under a running node, and one whose disk fills: the client is told
 * within seconds with 503 ServiceUnavailable (no InternalError, no Java text), the log has one
 * line per request, and the node recovers by itself when the database or the space returns.
 */
class DatabaseOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode unavailable(Reply r) throws IOException {
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("java.");
        JsonNode n = JSON.readTree(r.body());
        assertThat(n.path("Code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(n.path("Message").asText())
                .isEqualTo("The request has failed due to a temporary failure of the server.");
        return n;
    }

    /**
     * PostgreSQL reached through a TCP relay the test can cut: cutting it drops every connection
     * and refuses new ones, as a stopped or unreachable server does, without stopping the
     * cluster the rest of the suite uses.
     */
    @Test
    void aPostgresqlServerThatCannotBeReachedIs503WithinSecondsAndTheNodeRecovers() throws Exception {
        assumeTrue(TestDatabases.postgres(), "PostgreSQL only (-Dswasd.test.pg)");
        String direct = TestDatabases.fresh(tmp, "swasd");
        URI target = URI.create(direct.substring("jdbc:".length()));
        try (Relay relay = new Relay(target.getHost(), target.getPort())) {
            String viaRelay = direct.replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + relay.port());
            try (TestServer node = TestServer.start(tmp, viaRelay)) {
                HostileClient client =
                        new HostileClient(node.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
                Map<String, String> list = Map.of("RegionId", "cn-hangzhou");
                assertThat(HostileClient.exchange(node.port(), client.v3("ListCustomImages", list), 20_000)
                                .status())
                        .isEqualTo(200);
                relay.cut();
                List<ILoggingEvent> log = capture(() -> {
                    for (String action : List.of("ListCustomImages", "CreateInstances")) {
                        long started = System.nanoTime();
                        Reply r = HostileClient.exchange(
                                node.port(),
                                client.v3(
                                        action,
                                        Map.of(
                                                "RegionId",
                                                "cn-hangzhou",
                                                "ImageId",
                                                "m-x",
                                                "PlanId",
                                                "swas.s2.c2m2s40b3t08",
                                                "Period",
                                                "1")),
                                30_000);
                        Duration took = Duration.ofNanos(System.nanoTime() - started);
                        System.out.println("DatabaseOutageTest: " + action + " with the database cut: " + r.status()
                                + " after " + took.toMillis() + " ms");
                        unavailable(r);
                        assertThat(took).as(action).isLessThan(Duration.ofSeconds(8));
                    }
                });
                // swasd's own lines: one warning per request, no stack trace (the pool's own
                // warnings about the connections it drops are Hikari's, at WARN, and stay)
                List<ILoggingEvent> ours = log.stream()
                        .filter(e -> e.getLoggerName().startsWith("dev.swasd"))
                        .toList();
                assertThat(ours).hasSize(2).allSatisfy(e -> {
                    assertThat(e.getThrowableProxy()).isNull();
                    assertThat(e.getFormattedMessage()).contains("unavailable: the database cannot be reached");
                });
                relay.restore();
                long restored = System.nanoTime();
                boolean recovered = recovers(node, client, list);
                System.out.println("DatabaseOutageTest: served again " + (System.nanoTime() - restored) / 1_000_000
                        + " ms after the database came back");
                assertThat(recovered)
                        .as("the node serves again once the database is back")
                        .isTrue();
            }
        }
    }

    private static boolean recovers(TestServer node, HostileClient client, Map<String, String> params)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Reply r = HostileClient.exchange(node.port(), client.v3("ListCustomImages", params), 30_000);
            if (r.status() == 200) {
                return true;
            }
            assertThat(r.status()).isEqualTo(503);
            Thread.sleep(250);
        }
        return false;
    }

    /**
     * SQLite on a 16 MiB tmpfs (mounted by the test, which needs root): a file fills the disk,
     * writes (and, since every request logs its nonce there, any signed request) are 503; the
     * file removed, writes resume, and the database passes its integrity check with exactly the
     * writes that were acknowledged.
     */
    @Test
    void aFullDiskUnderSqliteIs503NothingIsCorruptedAndWritesResume() throws Exception {
        assumeTrue(!TestDatabases.postgres(), "SQLite only");
        Path mount = Files.createDirectories(tmp.resolve("small"));
        assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", mount.toString()) == 0,
                "needs root to mount a tmpfs");
        try {
            Path data = mount.resolve("data");
            String url = "jdbc:sqlite:" + data.resolve("swasd.db");
            int acknowledged = 0;
            try (TestServer node = TestServer.start(data, url, null, Duration.ZERO, Quotas.unlimited())) {
                HostileClient client =
                        new HostileClient(node.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
                String image = JSON.readTree(HostileClient.exchange(
                                        node.port(),
                                        client.v3(
                                                "ListImages", Map.of("RegionId", "cn-hangzhou", "ImageType", "system")),
                                        20_000)
                                .body())
                        .path("Images")
                        .get(0)
                        .path("ImageId")
                        .asText();
                Map<String, String> create = Map.of(
                        "RegionId", "cn-hangzhou", "ImageId", image, "PlanId", "swas.s2.c2m2s40b3t08", "Period", "1");
                assertThat(HostileClient.exchange(node.port(), client.v3("CreateInstances", create), 20_000)
                                .status())
                        .isEqualTo(200);
                acknowledged++;
                Path filler = mount.resolve("filler");
                fill(filler);
                int refused = 0;
                // the pages SQLite and the nonce log already hold fill first; then every write is refused
                for (int i = 0; i < 400 && refused < 5; i++) {
                    Reply r = HostileClient.exchange(node.port(), client.v3("CreateInstances", create), 20_000);
                    assertThat(r.status()).as(r.body()).isIn(200, 503);
                    if (r.status() == 200) {
                        acknowledged++; // a page SQLite had free already
                    } else {
                        unavailable(r);
                        refused++;
                    }
                }
                assertThat(refused).as("a full disk refuses writes").isPositive();
                Files.delete(filler);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                int status = 0;
                while (System.nanoTime() < deadline && status != 200) {
                    status = HostileClient.exchange(node.port(), client.v3("CreateInstances", create), 20_000)
                            .status();
                    if (status == 200) {
                        acknowledged++;
                    } else {
                        Thread.sleep(200);
                    }
                }
                assertThat(status).as("writes resume once there is space").isEqualTo(200);
            }
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("ok");
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM instances")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(acknowledged);
                }
            }
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    /** Writes {@code filler} until the disk is full, to the last byte. */
    private static void fill(Path filler) throws IOException {
        try (var out = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int size = 64 * 1024; size >= 1; size /= 2) {
                ByteBuffer block = ByteBuffer.allocate(size);
                try {
                    while (true) {
                        block.clear();
                        out.write(block);
                    }
                } catch (IOException e) {
                    if (e.getMessage() == null || !e.getMessage().contains("No space left")) {
                        throw e;
                    }
                }
            }
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        }
    }

    interface Body {
        void run() throws Exception;
    }

    private static List<ILoggingEvent> capture(Body body) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            body.run();
            return appender.list;
        } finally {
            root.detachAppender(appender);
        }
    }

    /** A loopback TCP relay to host:port that can be cut (every connection dropped, new ones refused) and restored. */
    static final class Relay implements AutoCloseable {
        private final InetSocketAddress target;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final int port;
        private volatile ServerSocket listener;

        Relay(String host, int port) throws IOException {
            this.target = new InetSocketAddress(host, port);
            this.listener = listen(0);
            this.port = listener.getLocalPort();
        }

        int port() {
            return port;
        }

        private ServerSocket listen(int at) throws IOException {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", at));
            ServerSocket me = s;
            Thread.ofVirtual().start(() -> {
                while (!me.isClosed()) {
                    try {
                        Socket client = me.accept();
                        Socket server = new Socket(target.getAddress(), target.getPort());
                        open.add(client);
                        open.add(server);
                        pipe(client, server);
                        pipe(server, client);
                    } catch (IOException e) {
                        // closed, or the target refused: the client's connection fails
                    }
                }
            });
            return s;
        }

        private void pipe(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                try (InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // cut
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
        }

        void cut() throws IOException {
            listener.close();
            for (Socket s : open) {
                closeQuietly(s);
            }
            open.clear();
        }

        void restore() throws IOException {
            listener = listen(port);
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            cut();
        }
    }
}

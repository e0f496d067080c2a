package dev.swasd.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test: a {@code swasd serve} child process on a fresh data directory (so that
 * its start-up time, memory and CPU are its own), or an endpoint someone else runs.
 */
final class BenchTarget implements AutoCloseable {
    private static final Pattern LISTEN = Pattern.compile("listening on http://([^:]+):(\\d+)");

    final String host;
    final int port;
    final String keyId;
    final String secret;
    final String dbUrl;
    final long startupMillis;
    private final Process process;

    private BenchTarget(
            String host, int port, String keyId, String secret, String dbUrl, long startupMillis, Process process) {
        this.host = host;
        this.port = port;
        this.keyId = keyId;
        this.secret = secret;
        this.dbUrl = dbUrl;
        this.startupMillis = startupMillis;
        this.process = process;
    }

    static BenchTarget external(String endpoint, String keyId, String secret) {
        int colon = endpoint.lastIndexOf(':');
        return new BenchTarget(
                endpoint.substring(0, colon),
                Integer.parseInt(endpoint.substring(colon + 1)),
                keyId,
                secret,
                null,
                -1,
                null);
    }

    /** Starts {@code swasd serve} with unlimited quotas and no state delay, and waits until /healthz answers. */
    static BenchTarget spawn(Path dataDir, String dbUrl, String keyId, String secret)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // the start-up cache this JVM was started with (./swasd passes it), so the server starts as users' do
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:AOTCache=")
                        || a.startsWith("-Xlog:aot")
                        || a.startsWith("-Xlog:cds")
                        || a.startsWith("-Dorg.sqlite.lib.")) // the native library ./swasd took out of the jar
                .forEach(command::add);
        String extra = System.getenv("SWASD_BENCH_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+"))); // e.g. a JFR recording while profiling
        }
        if (extra == null || !extra.matches(".*-XX:\\+Use\\w+GC.*")) {
            command.add("-XX:+UseParallelGC"); // unless the options above chose a collector
        }
        command.addAll(List.of(
                "--enable-native-access=ALL-UNNAMED",
                "-Xms128m",
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.swasd.cli.Main",
                "serve",
                "--port",
                "0",
                "--data",
                dataDir.toString(),
                "--state-delay",
                "0s",
                "--quota",
                "unlimited",
                "--root-access-key-id",
                keyId,
                "--root-access-key-secret",
                secret));
        if (dbUrl != null) {
            command.addAll(List.of("--db", dbUrl));
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(dataDir.resolve("server.log").toFile());
        long started = System.nanoTime();
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Matcher> listening = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = LISTEN.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the server exited; see " + dataDir.resolve("server.log"));
        });
        Matcher m;
        try {
            m = listening.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("the server did not start: " + e.getMessage(), e);
        }
        String host = m.group(1);
        int port = Integer.parseInt(m.group(2));
        // ready means answering HTTP, which /healthz does from the moment the banner is printed
        try (HttpConnection c = new HttpConnection(host, port)) {
            c.exchange(("GET /healthz HTTP/1.1\r\nhost: " + host + "\r\n\r\n").getBytes(StandardCharsets.UTF_8), false);
        }
        long startup = (System.nanoTime() - started) / 1_000_000;
        Thread.ofVirtual().start(() -> {
            try {
                out.transferTo(Writer.nullWriter());
            } catch (IOException ignored) {
                // the server ended
            }
        });
        String url = dbUrl != null
                ? dbUrl
                : "jdbc:sqlite:" + dataDir.resolve("swasd.db").toAbsolutePath();
        return new BenchTarget(host, port, keyId, secret, url, startup, p);
    }

    boolean local() {
        return process != null;
    }

    /** CPU seconds the server process used so far (user + system), from /proc. */
    double cpuSeconds() {
        if (process == null) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Peak resident memory of the server process in MiB (VmHWM), from /proc. */
    double peakRssMib() {
        if (process == null) {
            return Double.NaN;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

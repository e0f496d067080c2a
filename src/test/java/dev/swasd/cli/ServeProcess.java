package dev.swasd.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code swasd ...} in a child JVM, the way an operator runs it, with its output captured. */
final class ServeProcess implements AutoCloseable {
    final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread outPump;
    private final Thread errPump;

    private ServeProcess(Process process) {
        this.process = process;
        outPump =
                pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), out);
        errPump =
                pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), err);
    }

    private static final Pattern LISTEN = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    /** The port of the "listening on" line the server printed (call once it has started). */
    int port() {
        for (String line : out) {
            Matcher m = LISTEN.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no listening line in " + out);
    }

    static ServeProcess start(Map<String, String> env, String... args) throws IOException {
        return start(null, env, args);
    }

    /** With the process's umask set first (e.g. {@code 000}), as a careless service manager would. */
    static ServeProcess start(String umask, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (umask != null) {
            command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        }
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("SWASD_"));
        pb.environment().putAll(env);
        return new ServeProcess(pb.start());
    }

    private static Thread pump(BufferedReader reader, List<String> sink) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** Waits until stdout has a line containing {@code text}; false on exit or timeout. */
    boolean awaitOut(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (out.stream().anyMatch(l -> l.contains(text))) {
                return true;
            }
            if (!process.isAlive() && out.stream().noneMatch(l -> l.contains(text))) {
                Thread.sleep(100);
                return out.stream().anyMatch(l -> l.contains(text));
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Sends SIGTERM the way an operator or init system does (kill -TERM PID). */
    void terminate() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not exit; stdout=" + out + " stderr=" + err);
        }
        outPump.join(5_000); // the pumps end at end of stream: all output is in
        errPump.join(5_000);
        return process.exitValue();
    }

    /** Lines of stderr that are not JVM warnings about native access (the launcher jar enables it). */
    List<String> errorLines() {
        return err.stream().filter(l -> !l.startsWith("WARNING:")).toList();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

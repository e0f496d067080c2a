package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The access log's appender: every line, in order per thread, several lines to a write. */
class BatchingStderrAppenderTest {
    /** Counts the writes it receives and keeps what they carried. */
    private static final class CountingStream extends ByteArrayOutputStream {
        final AtomicInteger writes = new AtomicInteger();
        final long pauseMillis;

        CountingStream(long pauseMillis) {
            this.pauseMillis = pauseMillis;
        }

        @Override
        public synchronized void write(byte[] b) throws IOException {
            writes.incrementAndGet();
            try {
                Thread.sleep(pauseMillis); // a slow terminal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.write(b);
        }

        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    private final LoggerContext context = new LoggerContext();
    private final BatchingStderrAppender appender = new BatchingStderrAppender();
    private CountingStream out;

    /** A logger whose only appender is the one under test, writing to a stream that takes {@code pauseMillis} a write. */
    private Logger start(long pauseMillis, int queueSize) {
        out = new CountingStream(pauseMillis);
        context.setMDCAdapter(new LogbackMDCAdapter()); // a context of its own, as Logback's provider would make it
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.setQueueSize(queueSize);
        appender.setFlushMillis(5);
        appender.start();
        Logger logger = context.getLogger("test.access");
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(appender);
        return logger;
    }

    @Test
    void everyLineIsWrittenInOrderPerThreadWithFewerWritesThanLines() throws Exception {
        Logger log = start(0, 8192);
        int threads = 8;
        int each = 2_000;
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            callers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    log.info("t={} i={}", id, i);
                }
            }));
        }
        for (Thread t : callers) {
            t.join();
        }
        appender.stop();
        List<String> lines = out.text().lines().toList();
        assertThat(lines).hasSize(threads * each);
        for (int t = 0; t < threads; t++) {
            String prefix = "t=" + t + " ";
            List<String> mine = lines.stream().filter(l -> l.startsWith(prefix)).toList();
            assertThat(mine).hasSize(each);
            for (int i = 0; i < each; i++) {
                assertThat(mine.get(i)).isEqualTo(prefix + "i=" + i);
            }
        }
        assertThat(out.writes.get()).isLessThan(threads * each / 10);
    }

    @Test
    void aFullQueueMakesCallersWaitAndDropsNothing() throws Exception {
        Logger log = start(20, 4);
        for (int i = 0; i < 100; i++) {
            log.info("line {}", i);
        }
        appender.stop();
        List<String> lines = out.text().lines().toList();
        assertThat(lines).hasSize(100);
        assertThat(lines.getLast()).isEqualTo("line 99");
    }

    @Test
    void aLineIsWrittenWithinTheFlushIntervalWithoutStopping() throws Exception {
        Logger log = start(0, 16);
        log.info("soon");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!out.text().contains("soon")) {
            assertThat(System.nanoTime()).as("the line was never written").isLessThan(deadline);
            Thread.sleep(2);
        }
        appender.stop();
    }
}

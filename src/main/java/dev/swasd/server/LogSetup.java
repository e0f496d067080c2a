package dev.swasd.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * swasd's logging, set up in code through Logback's own configurator service: logs on stderr
 * (stdout carries only what the CLI prints for people and scripts), the access log through
 * {@link BatchingStderrAppender}, Jetty, Hikari and Flyway at WARN, the level from
 * {@code SWASD_LOG_LEVEL} (default INFO).
 *
 * <p>It is code rather than a {@code logback.xml}, because reading such a file (Joran, the XML
 * parser found through the service loader of a large jar, reflection on every element) is the
 * longest step before the server can listen (docs/performance.md). A {@code -Dlogback.configurationFile=FILE}, or a
 * {@code logback-test.xml} on the class path (as in this project's tests), still wins: this
 * configurator then steps aside and Logback reads that file as usual. So does a {@code logback.xml}
 * on the class path: the fat jar has none, and an application or test suite that embeds swasd
 * (dev.swasd.embedded) keeps its own logging.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{0} %" + LogLines.MESSAGE_WORD
            + "%n%" + LogLines.THROWABLE_WORD;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null
                || LogSetup.class.getClassLoader().getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, Level.toLevel(System.getenv("SWASD_LOG_LEVEL"), Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** swasd's appenders and levels on {@code context}, {@code level} for the root and the access log. */
    static void apply(LoggerContext context, Level level) {
        LogLines.register(context);

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder(context));
        stderr.start();

        // requests never wait for the terminal: one thread writes what has queued every 20 ms in
        // one write; a request waits only if 8,192 lines are queued, so no line is dropped
        BatchingStderrAppender access = new BatchingStderrAppender();
        access.setContext(context);
        access.setName("ACCESS");
        access.setQueueSize(8192);
        access.setFlushMillis(20);
        access.setEncoder(encoder(context));
        access.start();

        for (String quiet : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        Logger accessLog = context.getLogger("swasd.access");
        accessLog.setLevel(level);
        accessLog.setAdditive(false);
        accessLog.addAppender(access);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(stderr);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}

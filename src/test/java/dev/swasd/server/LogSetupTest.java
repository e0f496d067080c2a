package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** swasd's logging as the server sets it up in code (the tests themselves run with logback-test.xml). */
class LogSetupTest {
    @Test
    void logbackFindsTheSetupAndItStepsAsideForATestConfiguration() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogSetup.class);
        LoggerContext context = new LoggerContext();
        assertThat(new LogSetup().configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME)
                        .iteratorForAppenders()
                        .hasNext())
                .isFalse();
    }

    @Test
    void logsGoToStderrAndTheAccessLogThroughItsBatchingAppender() {
        LoggerContext context = new LoggerContext();
        LogSetup.apply(context, Level.WARN);
        try {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            assertThat(root.getLevel()).isEqualTo(Level.WARN);
            assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class, a -> {
                assertThat(a.getTarget()).isEqualTo("System.err");
                assertThat(((PatternLayoutEncoder) a.getEncoder()).getPattern()).isEqualTo(LogSetup.PATTERN);
                assertThat(a.isStarted()).isTrue();
            });
            Logger access = context.getLogger("swasd.access");
            assertThat(access.getLevel()).isEqualTo(Level.WARN);
            assertThat(access.isAdditive()).isFalse();
            assertThat(access.getAppender("ACCESS"))
                    .isInstanceOf(BatchingStderrAppender.class)
                    .satisfies(a -> assertThat(a.isStarted()).isTrue());
            for (String quiet : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb"}) {
                assertThat(context.getLogger(quiet).getLevel()).as(quiet).isEqualTo(Level.WARN);
            }
        } finally {
            context.stop();
        }
    }

    /** The pattern swasd serves with writes every record on its line: LogLines is registered on the context. */
    @Test
    void swasdsOwnPatternKeepsEveryRecordOnItsLine() {
        LoggerContext context = new LoggerContext();
        LogSetup.apply(context, Level.INFO);
        try {
            Logger logger = context.getLogger("probe");
            ConsoleAppender<?> stderr = (ConsoleAppender<?>)
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
            @SuppressWarnings("unchecked")
            var encoder =
                    (ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent>) stderr.getEncoder();
            var event = new ch.qos.logback.classic.spi.LoggingEvent(
                    Logger.class.getName(),
                    logger,
                    Level.WARN,
                    "action={}",
                    new IllegalStateException("x\r\ny"),
                    new Object[] {"A\n2026-01-01T00:00:00.000Z INFO  forged"});
            String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            assertThat(lines[0]).contains("action=A\\n2026-01-01T00:00:00.000Z INFO  forged");
            for (int i = 1; i < lines.length; i++) {
                assertThat(lines[i]).as(text).startsWith("\t");
            }
            assertThat(lines.length).isGreaterThan(2);
        } finally {
            context.stop();
        }
    }
}

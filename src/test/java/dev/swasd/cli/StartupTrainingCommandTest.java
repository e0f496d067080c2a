package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The training run ./swasd records its start-up cache from: it must really serve — signed
 * requests answered 200, and refusals answered with their codes — or the cache would hold the
 * classes of an error path only. Read off the access log of the run.
 */
class StartupTrainingCommandTest {
    @Test
    void servesSignedRequestsAndStops() {
        Logger logger = (Logger) LoggerFactory.getLogger("swasd.access");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            assertThat(Main.run("startup-training")).isZero();
            List<String> lines = appender.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertThat(lines)
                    .anySatisfy(l ->
                            assertThat(l).contains("action=ListCustomImages").contains("status=200"));
            assertThat(lines)
                    .anySatisfy(l -> assertThat(l).contains("action=ListUsers").contains("status=200"));
            assertThat(lines)
                    .anySatisfy(l -> assertThat(l)
                            .contains("action=DeleteCustomImages")
                            .contains("code=InvalidImageId.NotFound"));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("code=InvalidAccessKeyId.NotFound"));
        } finally {
            logger.detachAppender(appender);
        }
    }
}

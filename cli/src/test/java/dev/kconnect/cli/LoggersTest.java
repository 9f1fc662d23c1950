package dev.kconnect.cli;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** loggers get and set against a real worker. */
@ExtendWith(LiveWorker.class)
class LoggersTest {

    static final String LOGGER = "dev.kconnect.cli.testplugins";

    @Test
    void setsAndShowsALevel() {
        Result set = Cli.run("loggers", LOGGER, "DEBUG");
        assertEquals(0, set.code(), set::toString);
        assertTrue(set.out().startsWith("set " + LOGGER + " to DEBUG on this worker ("), set::toString);
        assertEquals("DEBUG", Rest.json("/admin/loggers/" + LOGGER).path("level").asText());

        Result one = Cli.run("loggers", LOGGER);
        assertEquals(LOGGER + " DEBUG\n", one.out());

        Result all = Cli.run("loggers");
        assertEquals(0, all.code(), all::toString);
        assertTrue(all.out().lines().anyMatch(l -> l.matches(LOGGER.replace(".", "\\.") + "\\s+DEBUG\\s+.*")), all::toString);
        assertTrue(all.out().lines().anyMatch(l -> l.startsWith("root ")), all::toString);

        Result cluster = Cli.run("loggers", LOGGER, "INFO", "--cluster");
        assertEquals(0, cluster.code(), cluster::toString);
        assertEquals("set " + LOGGER + " to INFO on every worker of the cluster\n", cluster.out());
    }

    @Test
    void badLevelIsAUsageError() {
        Result r = Cli.run("loggers", LOGGER, "LOUD");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.err().startsWith("kconnect: 'LOUD' is not a log level; use one of TRACE, DEBUG, INFO"), r::toString);
    }
}

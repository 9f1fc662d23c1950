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

/** --wait on create, put, resume and restart, against a real worker. */
@ExtendWith(LiveWorker.class)
class WaitTest {

    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";

    private static String connector(String name, String extra) {
        return "{\"name\": \"%s\", \"connector.class\": \"%s\", \"tasks.max\": \"2\", \"topic\": \"%s\"%s}"
                .formatted(name, TICKS, name, extra);
    }

    @Test
    void createWaitsUntilEveryTaskRuns() {
        Result r = Cli.runWithStdin(connector("wait-ok", ""), "create", "--file", "-", "--wait");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().endsWith("connector 'wait-ok' is RUNNING with 2 task(s)\n"), r::toString);
        // what the command saw is what the worker says
        assertTrue(Rest.all("RUNNING", 2).test(Rest.json("/connectors/wait-ok/status")));

        assertEquals(0, Cli.run("pause", "wait-ok").code());
        Rest.awaitStatus("wait-ok", Rest.all("PAUSED", 2));
        Result resumed = Cli.run("resume", "wait-ok", "--wait", "--settle", "1");
        assertEquals(0, resumed.code(), resumed::toString);
        assertTrue(Rest.all("RUNNING", 2).test(Rest.json("/connectors/wait-ok/status")));

        Result restarted = Cli.run("restart", "wait-ok", "--include-tasks", "--wait", "--settle", "1");
        assertEquals(0, restarted.code(), restarted::toString);
        assertTrue(restarted.out().contains("is RUNNING with 2 task(s)"), restarted::toString);
        assertEquals(0, Cli.run("delete", "wait-ok", "--yes").code());
    }

    @Test
    void waitStopsAtOnceWithTheTraceWhenATaskFails() {
        Result r = Cli.runWithStdin(connector("wait-fail", ", \"fail\": \"true\""), "create", "--file", "-",
                "--wait", "--timeout", "120");
        assertEquals(ExitCode.FAILED_STATE, r.code(), r::toString);
        assertTrue(r.out().contains("asked to fail (fail=true)"), "the trace is shown: " + r);
        assertTrue(r.err().startsWith("kconnect: connector 'wait-fail' has FAILED tasks:"), r::toString);
        assertEquals(0, Cli.run("delete", "wait-fail", "--yes").code());
    }

    @Test
    void waitMeansStillRunningAfterTheSettleTime() {
        // RUNNING at first, FAILED a second later: not healthy
        Result r = Cli.runWithStdin(connector("wait-flaky", ", \"fail.after.ms\": \"1000\""), "create", "--file", "-",
                "--wait", "--settle", "10", "--timeout", "120");
        assertEquals(ExitCode.FAILED_STATE, r.code(), r::toString);
        assertTrue(r.out().contains("asked to fail after it started (fail.after.ms)"), "the trace is shown: " + r);
        assertTrue(r.err().startsWith("kconnect: connector 'wait-flaky' has FAILED tasks:"), r::toString);
        assertEquals(0, Cli.run("delete", "wait-flaky", "--yes").code());
    }

    @Test
    void waitGivesUpAfterTheTimeout() {
        Result r = Cli.runWithStdin(connector("wait-slow", ", \"start.delay.ms\": \"600000\""),
                "put", "wait-slow", "--file", "-", "--wait", "--timeout", "1");
        assertEquals(ExitCode.TIMED_OUT, r.code(), r::toString);
        assertTrue(r.out().startsWith("created connector 'wait-slow'"), r::toString);
        assertTrue(r.err().startsWith("kconnect: connector 'wait-slow' was not RUNNING after 1 s ("), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertEquals(0, Cli.run("delete", "wait-slow", "--yes").code());
    }
}

package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import dev.kconnect.sandbox.Ports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kconnect health against a real worker (4.3, which has GET /health): exit 0, 5 or 4, one line a problem. */
@ExtendWith(LiveWorker.class)
class HealthTest {
    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";

    /** Test classes run one after another: connectors left on the shared worker are no one's. */
    @BeforeEach
    void noConnectorsLeft() {
        for (JsonNode name : Rest.json("/connectors")) {
            assertEquals(0, Cli.run("delete", name.asText(), "--yes").code());
        }
    }

    private static String connector(String name, String extra) {
        return "{\"name\": \"%s\", \"connector.class\": \"%s\", \"tasks.max\": \"2\", \"topic\": \"%s\"%s}"
                .formatted(name, TICKS, name, extra);
    }

    @Test
    void healthyWhenTheWorkerIsUpAndNothingFailed() {
        assertEquals(0, Cli.runWithStdin(connector("health-ok", ""), "create", "--file", "-", "--wait").code());
        Result r = Cli.run("health");
        assertEquals(ExitCode.OK, r.code(), r::toString);
        assertEquals("healthy: " + LiveWorker.url() + ", 1 connectors, 2 tasks, none FAILED\n", r.out());
        assertEquals(0, Cli.run("delete", "health-ok", "--yes").code());
    }

    @Test
    void aFailedTaskIsExitFiveWithOneLineEach() {
        assertEquals(0, Cli.runWithStdin(connector("health-ok", ""), "create", "--file", "-", "--wait").code());
        Cli.runWithStdin(connector("health-fail", ", \"fail\": \"true\""), "create", "--file", "-");
        Rest.awaitStatus("health-fail", status -> status.path("tasks").size() == 2
                && status.path("tasks").findValuesAsText("state").stream().allMatch("FAILED"::equals));
        Result r = Cli.run("health");
        assertEquals(ExitCode.FAILED_STATE, r.code(), r::toString);
        assertEquals(2, r.out().lines().count(), r::toString);
        assertTrue(r.out().lines().allMatch(l -> l.matches("task health-fail/[01] FAILED on \\S+: .*asked to fail.*")),
                r::toString);
        assertFalse(r.out().contains("health-ok"), r::toString);
        assertTrue(r.err().startsWith("kconnect: 2 FAILED;"), r::toString);
        assertEquals(0, Cli.run("delete", "health-fail", "--yes").code());
        assertEquals(0, Cli.run("delete", "health-ok", "--yes").code());
    }

    @Test
    void aWorkerThatDoesNotAnswerIsExitFour() {
        Result r = Cli.runRaw("health", "--url", "http://127.0.0.1:" + Ports.free());
        assertEquals(ExitCode.UNREACHABLE, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }
}

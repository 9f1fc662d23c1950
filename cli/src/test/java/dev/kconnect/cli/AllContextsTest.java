package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.CliProcess;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.TestWorker;
import dev.kconnect.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * list and health across contexts: two real workers (each a cluster of its own) and a context whose
 * worker does not answer, in a contexts file of the test's own.
 */
@ExtendWith(LiveWorker.class)
class AllContextsTest {
    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";
    static final String DEAD_URL = ContextsTest.DEAD_URL;
    static final String DEAD_LINE = "kconnect: context 'dead': cannot reach the Connect worker at " + DEAD_URL;

    static TestWorker east;
    static TestWorker west;

    @TempDir
    Path dir;
    Path config;

    @BeforeAll
    static void startWorkers() {
        east = TestWorker.onLiveBroker(Map.of());
        west = TestWorker.onLiveBroker(Map.of());
        create(east, "fleet-a", "", true);
        create(west, "fleet-b", "", true);
        create(west, "fleet-fail", ", \"fail\": \"true\"", false);
        Await.until("fleet-fail's task FAILED", Duration.ofSeconds(60),
                () -> Cli.runAgainst(west.url(), "status", "fleet-fail").code() == ExitCode.FAILED_STATE);
    }

    @AfterAll
    static void stopWorkers() {
        east.close();
        west.close();
    }

    private static void create(TestWorker worker, String name, String extra, boolean await) {
        String json = "{\"name\": \"%s\", \"connector.class\": \"%s\", \"tasks.max\": \"1\", \"topic\": \"%s\"%s}"
                .formatted(name, TICKS, name, extra);
        Result r = await ? Cli.runWithStdinAgainst(worker.url(), json, "create", "-f", "-", "--wait", "--settle", "1")
                : Cli.runWithStdinAgainst(worker.url(), json, "create", "-f", "-");
        assertEquals(0, r.code(), r::toString);
    }

    @BeforeEach
    void contexts() {
        config = dir.resolve("config.json");
        System.setProperty("kconnect.config", config.toString());
        ok(Cli.runRaw("context", "add", "east", "--url", east.url()));
        ok(Cli.runRaw("context", "add", "west", "--url", west.url()));
        ok(Cli.runRaw("context", "add", "dead", "--url", DEAD_URL));
    }

    @AfterEach
    void clear() {
        System.clearProperty("kconnect.config");
    }

    static void ok(Result r) {
        assertEquals(0, r.code(), r::toString);
    }

    /** Each line's cells, split at runs of spaces. */
    static List<List<String>> rows(String out) {
        return out.lines().map(l -> Arrays.asList(l.trim().split("\\s+"))).toList();
    }

    @Test
    void listShowsEveryContextThatAnsweredInOneTableAndEachSilentOneOnStderr() throws Exception {
        Result all = Cli.runRaw("list", "--all-contexts");
        assertEquals(ExitCode.UNREACHABLE, all.code(), all::toString);
        assertEquals(List.of(
                List.of("CONTEXT", "NAME", "TYPE", "STATE", "TASKS", "CLASS"),
                List.of("east", "fleet-a", "source", "RUNNING", "0:RUNNING", TICKS),
                List.of("west", "fleet-b", "source", "RUNNING", "0:RUNNING", TICKS),
                List.of("west", "fleet-fail", "source", "RUNNING", "0:FAILED", TICKS)), rows(all.out()), all::toString);
        assertEquals(1, all.err().lines().count(), all::toString);
        assertTrue(all.err().startsWith(DEAD_LINE), all::toString);

        Result failed = Cli.runRaw("list", "--all-contexts", "--where", "state=FAILED", "--where", "connector.class~Tick");
        assertEquals(List.of(List.of("CONTEXT", "NAME", "TYPE", "STATE", "TASKS", "CLASS"),
                List.of("west", "fleet-fail", "source", "RUNNING", "0:FAILED", TICKS)), rows(failed.out()), failed::toString);

        Result json = Cli.runRaw("list", "--all-contexts", "--where", "name~^fleet-[ab]$", "-o", "json");
        JsonNode entries = new ObjectMapper().readTree(json.out());
        assertEquals(2, entries.size(), json::toString);
        assertEquals("east fleet-a RUNNING", entries.get(0).path("context").asText() + " " + entries.get(0).path("name").asText()
                + " " + entries.get(0).path("status").path("connector").path("state").asText());
        assertEquals("west fleet-b fleet-b", entries.get(1).path("context").asText() + " " + entries.get(1).path("name").asText()
                + " " + entries.get(1).path("info").path("config").path("topic").asText());

        Result names = Cli.runRaw("list", "--all-contexts", "-o", "name", "--where", "type=source");
        assertEquals("east/fleet-a\nwest/fleet-b\nwest/fleet-fail\n", names.out());
        Result none = Cli.runRaw("list", "--all-contexts", "--where", "type=sink");
        assertEquals("no connectors\n", none.out());

        ok(Cli.runRaw("context", "remove", "dead"));
        Result answered = Cli.runRaw("list", "--all-contexts", "-o", "name");
        assertEquals(ExitCode.OK, answered.code(), answered::toString);
        assertEquals("", answered.err());
        // KCONNECT_URL names one worker: with --all-contexts each context's own URL is used
        Result env = CliProcess.run(Map.of("KCONNECT_CONFIG", config.toString(), "KCONNECT_URL", DEAD_URL),
                "list", "--all-contexts", "-o", "name");
        assertEquals(ExitCode.OK, env.code(), env::toString);
        assertEquals("east/fleet-a\nwest/fleet-b\nwest/fleet-fail\n", env.out());
    }

    @Test
    void whereFiltersOneWorkerTooAndBadInputIsOneLine() {
        Result one = Cli.runAgainst(west.url(), "list", "--where", "state=RUNNING", "--where", "name~b$", "-o", "name");
        assertEquals("fleet-b\n", one.out(), one::toString);
        Result oneJson = Cli.runAgainst(west.url(), "list", "--where", "state=FAILED", "-o", "json");
        assertTrue(oneJson.out().startsWith("{\"fleet-fail\":{"), oneJson::toString);

        Result noOperator = Cli.runRaw("list", "--all-contexts", "--where", "state");
        assertEquals(ExitCode.USAGE, noOperator.code(), noOperator::toString);
        assertEquals("kconnect: --where 'state' needs KEY=VALUE or KEY~REGEX, e.g. --where state=FAILED or "
                + "--where 'connector.class~Kinetica' (see: kconnect list --help)\n", noOperator.err());
        Result badRegex = Cli.runRaw("list", "--all-contexts", "--where", "name~(");
        assertEquals(ExitCode.USAGE, badRegex.code(), badRegex::toString);
        assertEquals(1, badRegex.err().lines().count(), badRegex::toString);
        Result timeout = Cli.runRaw("health", "--all-contexts", "--request-timeout", "0");
        assertEquals(ExitCode.USAGE, timeout.code(), timeout::toString);
        assertEquals(1, timeout.err().lines().count(), "one line, not one per context: " + timeout);
        Result withUrl = Cli.runRaw("list", "--all-contexts", "--url", east.url());
        assertEquals(ExitCode.USAGE, withUrl.code(), withUrl::toString);
        assertEquals("kconnect: --all-contexts asks every context at its own URL: drop --url, or drop --all-contexts "
                + "(see: kconnect list --help)\n", withUrl.err());
    }

    @Test
    void healthGivesALinePerContextOrProblemAndTheHighestExitCode() {
        Result all = Cli.runRaw("health", "--all-contexts");
        assertEquals(ExitCode.FAILED_STATE, all.code(), all::toString);
        List<String> out = all.out().lines().toList();
        assertEquals(2, out.size(), all::toString);
        assertEquals("east: healthy: " + east.url() + ", 1 connectors, 1 tasks, none FAILED", out.get(0));
        assertTrue(out.get(1).matches("west: task fleet-fail/0 FAILED on \\S+: .*asked to fail.*"), all::toString);
        List<String> err = all.err().lines().toList();
        assertEquals(2, err.size(), all::toString);
        assertTrue(err.get(0).startsWith(DEAD_LINE), all::toString);
        assertTrue(err.get(1).startsWith("kconnect: 1 FAILED; see the trace with: kconnect status NAME --context CONTEXT"),
                all::toString);

        ok(Cli.runRaw("context", "remove", "west"));
        Result down = Cli.runRaw("health", "--all-contexts");
        assertEquals(ExitCode.UNREACHABLE, down.code(), down::toString);
        assertEquals("east: healthy: " + east.url() + ", 1 connectors, 1 tasks, none FAILED\n", down.out());
        assertEquals(1, down.err().lines().count(), down::toString);

        ok(Cli.runRaw("context", "remove", "dead"));
        Result healthy = Cli.runRaw("health", "--all-contexts");
        assertEquals(ExitCode.OK, healthy.code(), healthy::toString);
        assertEquals("", healthy.err());
    }
}

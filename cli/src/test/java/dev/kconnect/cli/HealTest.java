package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.BackgroundCli;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import dev.kconnect.cli.live.TestWorker;
import dev.kconnect.cli.testplugins.FlakySourceConnector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kconnect heal against a real worker (4.3): tasks that fail their first starts are restarted exactly
 * as often as they need, with backoff; one that keeps failing is given up after --max-restarts; a
 * trace matching --never is left alone. The plugin counts its starts, so the restarts are counted too.
 */
@ExtendWith(LiveWorker.class)
class HealTest {
    static final String FLAKY = FlakySourceConnector.class.getName();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The worker is shared with the module's other test classes: leave it as found. */
    @org.junit.jupiter.api.AfterAll
    static void deleteConnectorsLeft() {
        for (com.fasterxml.jackson.databind.JsonNode name : Rest.json("/connectors")) {
            Cli.run("delete", name.asText(), "--yes");
        }
    }

    @BeforeEach
    void noConnectorsLeft() {
        for (JsonNode name : Rest.json("/connectors")) {
            assertEquals(0, Cli.run("delete", name.asText(), "--yes").code());
        }
    }

    private static void create(String name, int tasks, String extra) {
        String json = "{\"name\": \"%s\", \"connector.class\": \"%s\", \"tasks.max\": \"%d\"%s}"
                .formatted(name, FLAKY, tasks, extra);
        Result r = Cli.runWithStdin(json, "create", "--file", "-");
        assertEquals(0, r.code(), r::toString);
    }

    private static void awaitTasksFailed(String name, int tasks) {
        Rest.awaitStatus(name, s -> s.path("tasks").size() == tasks
                && s.path("tasks").findValuesAsText("state").stream().allMatch("FAILED"::equals));
    }

    private static List<String> lines(String out, String action, String target) {
        return out.lines().filter(l -> l.contains(" " + action + " " + target + " ")).toList();
    }

    @Test
    void restartsEachFailedTaskAsOftenAsItNeedsThenLeavesItRunning() {
        create("heal-flaky", 2, ", \"fail.starts\": \"2\"");
        awaitTasksFailed("heal-flaky", 2);
        BackgroundCli heal = BackgroundCli.start("heal", "heal-flaky", "--interval", "100ms", "--backoff", "500ms..1s",
                "--max-restarts", "5");
        Rest.awaitStatus("heal-flaky", Rest.all("RUNNING", 2));
        heal.awaitOut("two restarts of each task", out -> out.lines().filter(l -> l.contains(" restart task ")).count() == 4);
        Result r = heal.stop();
        assertEquals(ExitCode.INTERRUPTED, r.code(), r::toString);
        for (int task = 0; task < 2; task++) {
            List<String> restarts = lines(r.out(), "restart", "task heal-flaky/" + task);
            assertEquals(2, restarts.size(), r::toString);
            assertTrue(restarts.get(0).matches("\\S+Z restart task heal-flaky/" + task
                    + " attempt 1/5: org.apache.kafka.connect.errors.ConnectException: flaky start \\(start 1\\)"), r::toString);
            assertTrue(restarts.get(1).contains(" attempt 2/5: "), r::toString);
            assertEquals(3, FlakySourceConnector.starts("heal-flaky/" + task), "the first start and two restarts");
        }
        assertEquals(4, r.out().lines().count(), r::toString);
        assertEquals("kconnect: healing heal-flaky every 100ms until Ctrl-C\nkconnect: heal stopped after 4 restart(s)\n", r.err());
    }

    @Test
    void givesUpAfterMaxRestartsAndSaysSo() {
        create("heal-hopeless", 1, ", \"fail.starts\": \"1000\"");
        awaitTasksFailed("heal-hopeless", 1);
        BackgroundCli heal = BackgroundCli.start("heal", "--interval", "100ms", "--backoff", "300ms", "--max-restarts", "2",
                "--window", "1h");
        heal.awaitOut("the give-up line", out -> out.contains(" give-up "));
        Rest.awaitStatus("heal-hopeless", s -> "FAILED".equals(s.path("tasks").path(0).path("state").asText()));
        Result r = heal.stop();
        assertEquals(ExitCode.INTERRUPTED, r.code(), r::toString);
        assertEquals(List.of(" attempt 1/2: ", " attempt 2/2: "), lines(r.out(), "restart", "task heal-hopeless/0")
                .stream().map(l -> l.substring(l.indexOf(" attempt "), l.indexOf(": ") + 2)).toList(), r::toString);
        List<String> gaveUp = lines(r.out(), "give-up", "task heal-hopeless/0");
        assertEquals(1, gaveUp.size(), r::toString);
        assertTrue(gaveUp.get(0).contains("gave up after 2 restarts (--max-restarts 2 within --window 1h): "
                + "org.apache.kafka.connect.errors.ConnectException: flaky start (start 3)"), r::toString);
        assertEquals(3, r.out().lines().count(), r::toString);
        assertEquals(3, FlakySourceConnector.starts("heal-hopeless/0"), "the first start and two restarts, no more");
    }

    @Test
    void aTraceMatchingNeverIsLeftAloneWhileOthersAreRestarted() throws Exception {
        create("heal-auth", 1, ", \"fail.starts\": \"1000\", \"fail.message\": \"Authentication failed for user x\"");
        create("heal-blip", 1, ", \"fail.starts\": \"1\", \"connector.fail.starts\": \"0\"");
        awaitTasksFailed("heal-auth", 1);
        awaitTasksFailed("heal-blip", 1);
        Result r = Cli.run("heal", "--once", "--never", "Authentication|ConfigException", "-o", "json");
        assertEquals(ExitCode.FAILED_STATE, r.code(), r::toString);
        assertEquals("kconnect: 1 FAILED left as they are (see the lines above, or: kconnect health)\n", r.err());
        List<JsonNode> actions = r.out().lines().map(HealTest::json).sorted((a, b) ->
                a.path("connector").asText().compareTo(b.path("connector").asText())).toList();
        assertEquals(2, actions.size(), r::toString);
        assertEquals("skip", actions.get(0).path("action").asText());
        assertEquals("heal-auth", actions.get(0).path("connector").asText());
        assertEquals(0, actions.get(0).path("task").asInt());
        assertEquals("--never matches the trace", actions.get(0).path("reason").asText());
        assertEquals("org.apache.kafka.connect.errors.ConnectException: Authentication failed for user x (start 1)",
                actions.get(0).path("trace").asText());
        assertEquals("restart", actions.get(1).path("action").asText());
        assertEquals("heal-blip", actions.get(1).path("connector").asText());
        assertEquals(1, actions.get(1).path("attempt").asInt());
        assertTrue(actions.get(1).path("time").asText().endsWith("Z"));
        Rest.awaitStatus("heal-blip", Rest.all("RUNNING", 1));
        assertEquals(1, FlakySourceConnector.starts("heal-auth/0"), "never restarted");
        assertEquals(2, FlakySourceConnector.starts("heal-blip/0"));
        Result again = Cli.run("heal", "--once", "--only", "flaky start", "heal-blip");
        assertEquals(ExitCode.OK, again.code(), again::toString);
        assertEquals("", again.out(), "nothing FAILED: nothing to do");
    }

    @Test
    void aFailedConnectorIsRestartedAlone() {
        create("heal-connector", 1, ", \"connector.fail.starts\": \"1\"");
        Rest.awaitStatus("heal-connector", s -> "FAILED".equals(s.path("connector").path("state").asText()));
        Result r = Cli.run("heal", "heal-connector", "--once");
        assertEquals(ExitCode.OK, r.code(), r::toString);
        assertTrue(r.out().matches("\\S+Z restart connector heal-connector attempt 1/5: "
                + "org.apache.kafka.connect.errors.ConnectException: flaky start \\(connector start 1\\)\n"), r::toString);
        Rest.awaitStatus("heal-connector", Rest.all("RUNNING", 1));
        assertEquals(2, FlakySourceConnector.starts("heal-connector"));
    }

    @Test
    void aWorkerThatGoesAwayIsWaitedFor() {
        TestWorker other = TestWorker.onLiveBroker(java.util.Map.of());
        Cli.untilSuccess(() -> Cli.runAgainst(other.url(), "list"));
        BackgroundCli heal = BackgroundCli.startAgainst(other.url(), "heal", "--interval", "200ms");
        heal.awaitErr("the first round", err -> err.contains("kconnect: healing every connector every 200ms until Ctrl-C"));
        other.close();
        heal.awaitErr("a skipped round", err -> err.contains("kconnect: round skipped ("));
        Result r = heal.stop();
        assertEquals(ExitCode.INTERRUPTED, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().lines().skip(1).filter(l -> !l.startsWith("kconnect: heal stopped after 0 restart(s)"))
                .allMatch(l -> l.startsWith("kconnect: round skipped (") && l.endsWith("); trying again in 200ms")), r::toString);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : List.of(new String[] {"heal", "--backoff", "10m..30s"},
                new String[] {"heal", "--never", "(unclosed"}, new String[] {"heal", "--interval", "soon"},
                new String[] {"heal", "--max-restarts", "0"}, new String[] {"heal", "-o", "yaml"})) {
            Result r = Cli.run(args);
            assertEquals(ExitCode.USAGE, r.code(), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
        }
        Result missing = Cli.run("heal", "no-such-connector", "--once");
        assertEquals(ExitCode.NOT_FOUND, missing.code(), missing::toString);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}

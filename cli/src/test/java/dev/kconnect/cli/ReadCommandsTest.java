package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import dev.kconnect.sandbox.Ports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read-only commands against a real worker running a healthy and a failing connector. */
@ExtendWith(LiveWorker.class)
class ReadCommandsTest {

    static final String HEALTHY = "read-ticks";
    static final String BROKEN = "read-failing";

    @BeforeAll
    static void connectors() {
        assertEquals(0, Cli.runWithStdin("""
                {"name": "%s", "config": {"connector.class": "dev.kconnect.cli.testplugins.TickSourceConnector",
                 "tasks.max": "2", "topic": "read-ticks", "secret.password": "hunter2"}}""".formatted(HEALTHY),
                "create", "--file", "-").code());
        assertEquals(0, Cli.runWithStdin("""
                {"name": "%s", "connector.class": "dev.kconnect.cli.testplugins.TickSourceConnector",
                 "tasks.max": "1", "fail": "true"}""".formatted(BROKEN),
                "create", "--file", "-").code());
        Rest.awaitStatus(HEALTHY, Rest.all("RUNNING", 2));
        Rest.awaitStatus(BROKEN, s -> s.path("tasks").path(0).path("state").asText().equals("FAILED"));
    }

    @Test
    void listShowsEveryConnectorWithItsTasksStates() {
        Result r = Cli.run("list");
        assertEquals(0, r.code(), r::toString);
        String healthyRow = line(r.out(), HEALTHY);
        assertTrue(healthyRow.matches(HEALTHY + "\\s+source\\s+RUNNING\\s+0:RUNNING 1:RUNNING\\s+.*TickSourceConnector"), r::toString);
        assertTrue(line(r.out(), BROKEN).matches(BROKEN + "\\s+source\\s+RUNNING\\s+0:FAILED\\s+.*"), r::toString);
        assertTrue(r.out().startsWith("NAME"), r::toString);
        assertFalse(r.out().contains("\u001b["), "no colours when not on a terminal");
    }

    @Test
    void listNamesOnly() {
        Result r = Cli.run("list", "-o", "name");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(HEALTHY::equals), r::toString);
        assertTrue(r.out().lines().anyMatch(BROKEN::equals), r::toString);
    }

    @Test
    void jsonIsTheRawRestBody() {
        // the connector's config and info do not change, so the body is the same on each call
        assertEquals(Rest.get("/connectors/" + HEALTHY) + "\n", Cli.run("get", HEALTHY, "-o", "json").out());
        assertEquals(Rest.get("/connectors/" + HEALTHY + "/config") + "\n", Cli.run("config", HEALTHY, "-o", "json").out());
        assertEquals(Rest.get("/connectors/" + HEALTHY + "/tasks") + "\n", Cli.run("tasks", HEALTHY, "-o", "json").out());
        assertEquals(Rest.get("/") + "\n", Cli.run("info", "-o", "json").out());
    }

    @Test
    void listJsonHoldsStatusAndInfoOfEachConnector() throws Exception {
        Result r = Cli.run("list", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertEquals("RUNNING", list.path(HEALTHY).path("status").path("connector").path("state").asText());
        assertEquals("read-ticks", list.path(HEALTHY).path("info").path("config").path("topic").asText());
    }

    @Test
    void yamlCarriesTheSameData() throws Exception {
        for (String connector : new String[] {HEALTHY, BROKEN}) {
            Result r = Cli.run("config", connector, "-o", "yaml");
            assertEquals(0, r.code(), r::toString);
            assertEquals(Rest.json("/connectors/" + connector + "/config"), new YAMLMapper().readTree(r.out()));
        }
    }

    @Test
    void getShowsTypeTasksAndMaskedConfig() {
        Result r = Cli.run("get", HEALTHY);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Type:   source"), r::toString);
        assertTrue(r.out().contains("Tasks:  2 (" + HEALTHY + "/0, " + HEALTHY + "/1)"), r::toString);
        assertTrue(line(r.out(), "topic").matches("topic\\s+read-ticks"), r::toString);
        assertTrue(line(r.out(), "secret.password").matches("secret.password\\s+\\*{8}"), r::toString);
        assertFalse(r.out().contains("hunter2"), r::toString);
    }

    @Test
    void configAndTasks() {
        Result config = Cli.run("config", HEALTHY);
        assertEquals(0, config.code(), config::toString);
        assertTrue(line(config.out(), "connector.class").endsWith("dev.kconnect.cli.testplugins.TickSourceConnector"));
        assertTrue(line(config.out(), "tasks.max").matches("tasks.max\\s+2"), config::toString);

        Result tasks = Cli.run("tasks", HEALTHY);
        assertEquals(0, tasks.code(), tasks::toString);
        assertTrue(tasks.out().lines().anyMatch(l -> l.matches("1\\s+topic\\s+read-ticks")), tasks::toString);
        assertEquals(HEALTHY + "/0\n" + HEALTHY + "/1\n", Cli.run("tasks", HEALTHY, "-o", "name").out());
    }

    @Test
    void statusOfAHealthyConnector() {
        Result r = Cli.run("status", HEALTHY);
        assertEquals(ExitCode.OK, r.code(), r::toString);
        assertTrue(r.out().contains("State:      RUNNING"), r::toString);
        String worker = Rest.json("/connectors/" + HEALTHY + "/status").path("tasks").path(1).path("worker_id").asText();
        assertTrue(r.out().lines().anyMatch(l -> l.matches("1\\s+RUNNING\\s+" + worker)), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void statusExitsFiveAndShowsTheTraceWhenATaskFailed() {
        Result r = Cli.run("status", BROKEN);
        assertEquals(ExitCode.FAILED_STATE, r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("0\\s+FAILED\\s+.+")), r::toString);
        assertTrue(r.out().contains("Task 0 trace:"), r::toString);
        assertTrue(r.out().contains("asked to fail (fail=true)"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("kconnect: connector '" + BROKEN + "' has FAILED tasks: 0;"), r::toString);

        Result json = Cli.run("status", BROKEN, "-o", "json");
        assertEquals(ExitCode.FAILED_STATE, json.code(), "the exit code does not depend on the format");
    }

    @Test
    void info() {
        Result r = Cli.run("info");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Kafka version:  " + Rest.json("/").path("version").asText()), r::toString);
        assertTrue(r.out().contains("Worker:         " + LiveWorker.url()), r::toString);
    }

    @Test
    void unknownConnectorNamesTheKnownOnes() {
        for (String command : new String[] {"get", "status", "config", "tasks", "pause", "delete"}) {
            Result r = Cli.run(command, "no-such-connector");
            assertEquals(ExitCode.NOT_FOUND, r.code(), r::toString);
            assertTrue(r.err().startsWith("kconnect: no connector 'no-such-connector' on this worker; known: "), r::toString);
            assertTrue(r.err().contains(HEALTHY) && r.err().contains(BROKEN), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertEquals("", r.out());
        }
    }

    @Test
    void unreachableWorkerNamesTheUrl() {
        String url = "http://127.0.0.1:" + Ports.free();
        Result r = Cli.runAgainst(url, "list");
        assertEquals(ExitCode.UNREACHABLE, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("kconnect: cannot reach the Connect worker at " + url + ": connection refused;"), r::toString);
        assertTrue(r.err().contains("KCONNECT_URL"), r::toString);

        Result verbose = Cli.runAgainst(url, "status", "x", "--verbose");
        assertTrue(verbose.err().lines().count() > 1, "--verbose adds the stack trace");
        assertTrue(verbose.err().contains("\tat dev.kconnect.cli.client."), verbose::toString);
    }

    @Test
    void badUrlIsAUsageError() {
        Result r = Cli.runAgainst("localhost:8083", "list");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("--url 'localhost:8083' is not a worker URL"), r::toString);
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in:\n" + text)).strip();
    }
}

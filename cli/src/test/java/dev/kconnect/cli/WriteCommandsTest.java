package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** create, put, delete and the lifecycle verbs against a real worker. */
@ExtendWith(LiveWorker.class)
class WriteCommandsTest {

    static final String FILES = "src/test/resources/files/";
    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";

    @Test
    void createFromTheSeedJsonThenPutTheSeedUpdate() {
        Result created = Cli.run("create", "--file", FILES + "seed-kinetica-source.json");
        assertEquals(0, created.code(), created::toString);
        assertTrue(created.out().startsWith("created connector 'kinetica-source-connector'"), created::toString);
        JsonNode config = Rest.jsonWhen("/connectors/kinetica-source-connector/config", c -> c.has("connector.class"));
        assertEquals("com.kinetica.kafka.KineticaSourceConnector", config.path("connector.class").asText());
        assertEquals("3", config.path("tasks.max").asText());

        Result updated = Cli.run("put", "kinetica-source-connector", "--file", FILES + "seed-kinetica-source-put.json");
        assertEquals(0, updated.code(), updated::toString);
        assertEquals("updated connector 'kinetica-source-connector'\n", updated.out());
        config = Rest.jsonWhen("/connectors/kinetica-source-connector/config", c -> c.path("tasks.max").asText().equals("10"));
        assertEquals("10", config.path("tasks.max").asText());
        assertEquals("KafkaConnectorTest,KafkaConnectorTest2", config.path("kinetica.table_names").asText());

        Result deleted = Cli.run("delete", "kinetica-source-connector", "--yes");
        assertEquals(0, deleted.code(), deleted::toString);
        assertEquals("deleted connector 'kinetica-source-connector'\n", deleted.out());
        assertFalse(Rest.get("/connectors").contains("\"kinetica-source-connector\""));
    }

    @Test
    void createFromAFlatJsonConfigOnStdin() {
        Result r = Cli.runWithStdin("""
                {"name": "flat-ticks", "connector.class": "%s", "tasks.max": 1, "topic": "flat"}""".formatted(TICKS),
                "create", "--file", "-", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode body = Rest.json("/connectors/flat-ticks");
        assertEquals("1", body.path("config").path("tasks.max").asText(), "numbers are sent as strings");
        assertTrue(r.out().startsWith("{\"name\":\"flat-ticks\""), "-o json prints the worker's answer: " + r);
        Rest.awaitStatus("flat-ticks", Rest.all("RUNNING", 1));
        assertEquals(0, Cli.run("delete", "flat-ticks").code(), "no terminal: no question");
    }

    @Test
    void createFromAPropertiesFile() {
        Result r = Cli.run("create", "-f", FILES + "ticks.properties", "-o", "name");
        assertEquals(0, r.code(), r::toString);
        assertEquals("ticks-from-properties\n", r.out());
        assertEquals("ticks-properties", Rest.jsonWhen("/connectors/ticks-from-properties/config", c -> c.has("topic"))
                .path("topic").asText());

        Result again = Cli.run("create", "-f", FILES + "ticks.properties");
        assertEquals(ExitCode.CONFLICT, again.code(), again::toString);
        assertTrue(again.err().contains("already exists"), again::toString);
        assertEquals(0, Cli.run("delete", "ticks-from-properties", "--yes").code());
    }

    @Test
    void putCreatesThenUpdatesAndSendsOnlyTheConfigNode() {
        String whole = """
                {"name": "put-ticks", "config": {"connector.class": "%s", "tasks.max": "1", "topic": "put-a"}}""".formatted(TICKS);
        Result created = Cli.runWithStdin(whole, "put", "put-ticks", "--file", "-");
        assertEquals(0, created.code(), created::toString);
        assertEquals("created connector 'put-ticks'\n", created.out());

        Result updated = Cli.runWithStdin(whole.replace("put-a", "put-b"), "put", "put-ticks", "--file", "-");
        assertEquals(0, updated.code(), updated::toString);
        assertEquals("updated connector 'put-ticks'\n", updated.out());
        JsonNode config = Rest.jsonWhen("/connectors/put-ticks/config", c -> c.path("topic").asText().equals("put-b"));
        assertEquals("put-b", config.path("topic").asText());
        assertTrue(config.path("config").isMissingNode(), "the {name, config} wrapper is not sent: " + config);
        assertEquals(0, Cli.run("delete", "put-ticks", "--yes").code());
    }

    @Test
    void putRefusesAFileNamingAnotherConnector() {
        Result r = Cli.run("put", "some-other-name", "--file", FILES + "seed-kinetica-source.json");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("names connector 'kinetica-source-connector' but the command names 'some-other-name'"), r::toString);
        assertFalse(Rest.get("/connectors").contains("some-other-name"), "nothing was sent");
    }

    @Test
    void malformedFilesNameFileAndLine() {
        Result json = Cli.run("create", "--file", FILES + "broken.json");
        assertEquals(ExitCode.USAGE, json.code(), json::toString);
        assertEquals(1, json.err().lines().count(), json::toString);
        assertTrue(json.err().startsWith("kconnect: " + FILES + "broken.json, line 5: not valid JSON"), json::toString);
        assertTrue(json.err().contains("expected {\"name\""), json::toString);

        Result props = Cli.run("create", "--file", FILES + "broken.properties");
        assertEquals(ExitCode.USAGE, props.code(), props::toString);
        assertTrue(props.err().startsWith("kconnect: " + FILES + "broken.properties, line 3: expected key=value"), props::toString);

        Result missing = Cli.run("create", "--file", FILES + "no-such.json");
        assertEquals(ExitCode.USAGE, missing.code(), missing::toString);
        assertTrue(missing.err().contains("no-such.json: no such file"), missing::toString);
    }

    @Test
    void connectsOwnErrorMessageComesThroughOnOneLine() {
        Result r = Cli.runWithStdin("""
                {"name": "bad-value", "connector.class": "dev.kconnect.cli.testplugins.TickSourceConnector",
                 "fail": "perhaps"}""", "create", "--file", "-");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("kconnect: the worker answered HTTP 400: Connector configuration is invalid and "
                + "contains the following 1 error(s): Invalid value perhaps for configuration fail"), r::toString);
    }

    @Test
    void pauseResumeStopRestart() {
        String name = "lifecycle-ticks";
        assertEquals(0, Cli.runWithStdin("""
                {"name": "%s", "connector.class": "%s", "tasks.max": "2", "topic": "lifecycle"}""".formatted(name, TICKS),
                "create", "--file", "-").code());
        Rest.awaitStatus(name, Rest.all("RUNNING", 2));

        Result paused = Cli.run("pause", name);
        assertEquals(0, paused.code(), paused::toString);
        assertTrue(paused.out().startsWith("pausing connector '" + name + "'"), paused::toString);
        Rest.awaitStatus(name, Rest.all("PAUSED", 2));

        assertEquals(0, Cli.run("resume", name).code());
        Rest.awaitStatus(name, Rest.all("RUNNING", 2));

        Result stopped = Cli.run("stop", name);
        assertEquals(0, stopped.code(), stopped::toString);
        Rest.awaitStatus(name, s -> s.path("connector").path("state").asText().equals("STOPPED") && s.path("tasks").isEmpty());
        assertTrue(Cli.run("status", name).out().contains("State:      STOPPED"));

        assertEquals(0, Cli.run("resume", name).code());
        Rest.awaitStatus(name, Rest.all("RUNNING", 2));

        Result restarted = Cli.run("restart", name, "--include-tasks");
        assertEquals(0, restarted.code(), restarted::toString);
        assertTrue(restarted.out().startsWith("restarting connector '" + name + "' and its tasks"), restarted::toString);
        assertTrue(restarted.out().contains("TASK"), "the states being restarted are shown: " + restarted);
        Rest.awaitStatus(name, Rest.all("RUNNING", 2));

        Result connectorOnly = Cli.run("restart", name);
        assertEquals(0, connectorOnly.code(), connectorOnly::toString);

        Result task = Cli.run("restart", name + "/1");
        assertEquals(0, task.code(), task::toString);
        assertEquals("restarting task " + name + "/1\n", task.out());

        Result noTask = Cli.run("restart", name + "/7");
        assertEquals(ExitCode.NOT_FOUND, noTask.code(), noTask::toString);
        assertFalse(noTask.err().contains("no connector"), "the connector exists; the task does not: " + noTask);

        assertEquals(0, Cli.run("delete", name, "--yes").code());
    }

    @Test
    void restartOnlyFailedTasks() {
        String name = "restart-failing";
        assertEquals(0, Cli.runWithStdin("""
                {"name": "%s", "connector.class": "%s", "tasks.max": "1", "fail": "true"}""".formatted(name, TICKS),
                "create", "--file", "-").code());
        Rest.awaitStatus(name, s -> s.path("tasks").path(0).path("state").asText().equals("FAILED"));
        Result r = Cli.run("restart", name, "--include-tasks", "--only-failed", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("\"RESTARTING\""), "the worker's 202 body is printed as is: " + r);
        assertEquals(0, Cli.run("delete", name, "--yes").code());
    }

    @Test
    void helpOnEveryCommandHasExamples() {
        for (String command : new String[] {"list", "get", "tasks", "config", "status", "info", "create", "put",
                "delete", "pause", "resume", "stop", "restart"}) {
            Result r = Cli.runRaw(command, "--help");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().contains("Examples:") && r.out().contains("kconnect " + command), r::toString);
        }
        assertTrue(Cli.runRaw("--help").out().contains("4    worker unreachable"));
    }
}

package dev.kconnect.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a newcomer gets wrong, against a real worker: one exit code and one clear line per mistake. */
@ExtendWith(LiveWorker.class)
class MistakesTest {

    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";

    @TempDir
    Path dir;

    private Path file(String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name), json);
    }

    /** create, put, validate and apply on the same file: the same exit code, with {@code message} in the error. */
    private static void allRefuse(Path file, String name, String message) {
        List<String[]> commands = List.of(
                new String[] {"create", "-f", file.toString()},
                new String[] {"put", name, "-f", file.toString()},
                new String[] {"validate", "-f", file.toString()},
                new String[] {"apply", "-f", file.toString()});
        for (String[] command : commands) {
            Result r = Cli.run(command);
            assertEquals(ExitCode.USAGE, r.code(), () -> String.join(" ", command) + ": " + r);
            // apply reports each connector on stdout, then a summary on stderr
            assertTrue((r.out() + r.err()).contains(message), () -> String.join(" ", command) + ": " + r);
            assertFalse(r.toString().contains("PluginDesc") || r.toString().contains("Exception"), r::toString);
        }
        assertEquals(ExitCode.NOT_FOUND, Cli.run("get", name).code(), "nothing was created");
    }

    @Test
    void anInvalidConfigIsExit2ForEveryCommand() throws Exception {
        Path invalid = file("invalid.json", "{\"name\": \"m-invalid\", \"connector.class\": \"" + TICKS
                + "\", \"fail\": \"perhaps\"}");
        for (String[] command : List.of(new String[] {"create", "-f", invalid.toString()},
                new String[] {"put", "m-invalid", "-f", invalid.toString()},
                new String[] {"validate", "-f", invalid.toString()},
                new String[] {"apply", "-f", invalid.toString()})) {
            Result r = Cli.run(command);
            assertEquals(ExitCode.USAGE, r.code(), () -> String.join(" ", command) + ": " + r);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertFalse(r.err().contains(":;"), "no stray punctuation: " + r);
        }
    }

    @Test
    void noConnectorClassIsExit2ForEveryCommand() throws Exception {
        allRefuse(file("noclass.json", "{\"name\": \"m-noclass\", \"topic\": \"t\"}"), "m-noclass",
                "no \"connector.class\"; add the plugin's class name");
    }

    @Test
    void anUnknownClassSuggestsTheClosestInstalledOne() throws Exception {
        allRefuse(file("typo.json", "{\"name\": \"m-typo\", \"connector.class\": \"" + TICKS.replace("Connector", "Conector")
                + "\"}"), "m-typo", "is not a connector plugin of this worker; did you mean " + TICKS + "?");
    }

    @Test
    void workerKeysInAConnectorFileAreFlagged() throws Exception {
        Path mixed = file("mixed.json", "{\"name\": \"m-mixed\", \"connector.class\": \"" + TICKS
                + "\", \"bootstrap.servers\": \"localhost:9092\", \"rest.port\": \"8090\"}");
        allRefuse(mixed, "m-mixed", "worker settings in a connector file: bootstrap.servers, rest.port; remove them");
        Result diff = Cli.run("diff", "-f", mixed.toString());
        assertEquals(ExitCode.USAGE, diff.code(), diff::toString);
    }

    @Test
    void applyOfADirectorySkipsWorkerFilesWithANotice() throws Exception {
        file("worker.properties", "bootstrap.servers=localhost:9092\nrest.port=8090\n");
        file("ticks.json", "{\"name\": \"m-dir\", \"connector.class\": \"" + TICKS + "\"}");
        Result r = Cli.run("apply", "-f", dir.toString(), "--dry-run");
        assertEquals(0, r.code(), r::toString);
        assertEquals("kconnect: skipping " + dir.resolve("worker.properties")
                + ": no connector.class, so not a connector file (a worker's?)\n", r.err());
        assertTrue(r.out().contains("connector 'm-dir' would be created"), r::toString);
    }

    @Test
    void globalOptionsComeBeforeOrAfterTheCommand() throws Exception {
        for (String[] args : List.of(new String[] {"-o", "json", "--url", LiveWorker.url(), "list"},
                new String[] {"--url=" + LiveWorker.url(), "-ojson", "--verbose", "list"},
                new String[] {"list", "-o", "json", "--url", LiveWorker.url()})) {
            Result r = Cli.runRaw(args);
            assertEquals(0, r.code(), r::toString);
            assertTrue(new ObjectMapper().readTree(r.out()).isObject(), r::toString);
        }
    }

    @Test
    void aMisspelledCommandSuggestsTheClosest() {
        Result r = Cli.runRaw("lst");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals("kconnect: no command 'lst'; did you mean list? (see: kconnect --help)\n", r.err());
        Result sub = Cli.runRaw("context", "lst");
        assertEquals("kconnect: no command 'lst'; did you mean list? (see: kconnect context --help)\n", sub.err());
    }

    @Test
    void aBadPortIsAUsageErrorNotAJavaException() {
        Result r = Cli.runRaw("list", "--url", "http://127.0.0.1:99999");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals("kconnect: --url 'http://127.0.0.1:99999': port 99999 is out of range; a port is 1 to 65535 "
                + "(Connect's default is 8083) (see: kconnect list --help)\n", r.err());
    }

    @Test
    void oddNamesGetALineThatSaysWhatIsWrong() {
        Result huge = Cli.run("restart", "some-connector/99999999999");
        assertEquals(ExitCode.USAGE, huge.code(), huge::toString);
        assertTrue(huge.err().startsWith("kconnect: no task 99999999999: task numbers start at 0"), huge::toString);
        // Jetty refuses an encoded slash with an HTML page: its title is the message
        Result slash = Cli.run("status", "a/b");
        assertEquals(ExitCode.USAGE, slash.code(), slash::toString);
        assertEquals("kconnect: the worker answered HTTP 400: Error 400 Ambiguous URI path separator\n", slash.err());
        // Connect's message for a 405 names the status itself: said once
        Result empty = Cli.run("delete", "", "--yes");
        assertEquals("kconnect: the worker answered HTTP 405 Method Not Allowed\n", empty.err());
    }

    @Test
    void restartShowsTheFreshStateNotTheOldTrace() throws Exception {
        Path failing = file("failing.json", "{\"name\": \"m-restart\", \"connector.class\": \"" + TICKS
                + "\", \"tasks.max\": \"1\", \"fail\": \"true\"}");
        assertEquals(0, Cli.run("create", "-f", failing.toString()).code());
        Rest.awaitStatus("m-restart", s -> s.path("tasks").path(0).path("state").asText().equals("FAILED"));
        Result r = Cli.run("restart", "m-restart", "--include-tasks", "--only-failed");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("RESTARTING"), r::toString);
        assertFalse(r.out().contains("asked to fail"), "no trace of the failure before: " + r);
        assertEquals(0, Cli.run("delete", "m-restart", "--yes").code());
    }
}

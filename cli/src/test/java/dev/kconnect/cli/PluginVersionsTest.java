package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.TestWorker;
import dev.kconnect.cli.testplugins.versioned.VersionedSourceConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugin versions (KIP-891) on a real 4.3 worker with one plugin installed twice, versions 1.0 and
 * 2.0, each in a plugin directory of its own: plugins lists both, create --plugin-version runs the
 * one asked for, and plugins CLASS --plugin-version shows that version's options.
 */
@ExtendWith(LiveWorker.class)
class PluginVersionsTest {
    static final String CLASS = VersionedSourceConnector.class.getName();

    @TempDir
    static Path plugins;

    static TestWorker worker;

    @BeforeAll
    static void aWorkerWithTwoVersions() throws IOException {
        for (String version : List.of("1.0", "2.0")) {
            Path dir = Files.createDirectories(plugins.resolve("versioned-" + version));
            String path = CLASS.replace('.', '/');
            Path classes = Path.of("target", "test-classes");
            Path target = Files.createDirectories(dir.resolve(path).getParent());
            for (String name : List.of(path + ".class", path + "$IdleTask.class")) {
                Files.copy(classes.resolve(name), dir.resolve(name));
            }
            Files.writeString(dir.resolve("kconnect-test-version.txt"), version);
            Path services = Files.createDirectories(dir.resolve("META-INF/services"));
            Files.writeString(services.resolve("org.apache.kafka.connect.source.SourceConnector"), CLASS + "\n");
            assertTrue(Files.isDirectory(target));
        }
        worker = TestWorker.onLiveBroker(Map.of("plugin.path", plugins.toString()));
        Cli.untilSuccess(() -> Cli.runAgainst(worker.url(), "list"));
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @Test
    void everyVersionIsListed() {
        Result r = Cli.runAgainst(worker.url(), "plugins");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("1.0", "2.0"), r.out().lines().filter(l -> l.startsWith(CLASS + " "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList(), r::toString);
    }

    @Test
    void createRunsTheVersionAskedForAndTheNewestOtherwise() {
        Result one = Cli.runWithStdinAgainst(worker.url(), connector("v-one"), "create", "--file", "-", "--plugin-version", "1.0");
        assertEquals(0, one.code(), one::toString);
        assertEquals(0, Cli.runWithStdinAgainst(worker.url(), connector("v-newest"), "create", "--file", "-").code());
        assertEquals("1.0", runningVersion("v-one"));
        assertEquals("2.0", runningVersion("v-newest"), "without connector.plugin.version the worker runs the newest");
        Result missing = Cli.runWithStdinAgainst(worker.url(), connector("v-missing"), "create", "--file", "-",
                "--plugin-version", "3.0");
        assertEquals(ExitCode.USAGE, missing.code(), missing::toString);
        assertEquals(1, missing.err().lines().count(), missing::toString);
        assertEquals(ExitCode.NOT_FOUND, Cli.runAgainst(worker.url(), "status", "v-missing").code(), "nothing created");
    }

    @Test
    void theOptionsOfOneVersion() {
        Result one = Cli.runAgainst(worker.url(), "plugins", CLASS, "--plugin-version", "1.0");
        assertEquals(0, one.code(), one::toString);
        assertTrue(one.out().contains("v1.0.option") && !one.out().contains("v2.0.option"), one::toString);
        Result two = Cli.runAgainst(worker.url(), "plugins", CLASS, "--plugin-version", "2.0");
        assertTrue(two.out().contains("v2.0.option") && !two.out().contains("v1.0.option"), two::toString);
        Result none = Cli.runAgainst(worker.url(), "plugins", CLASS, "--plugin-version", "3.0");
        assertEquals(ExitCode.NOT_FOUND, none.code(), none::toString);
        assertEquals("kconnect: no version '3.0' of plugin '" + CLASS + "' on this worker; it has 1.0, 2.0\n", none.err());
    }

    private static String connector(String name) {
        return "{\"name\": \"" + name + "\", \"connector.class\": \"" + CLASS + "\", \"tasks.max\": \"1\"}";
    }

    /** The version the worker reports for the running connector (KIP-891 adds it to the status). */
    private static String runningVersion(String name) {
        JsonNode status = dev.kconnect.testkit.Await.value(name + " RUNNING", java.time.Duration.ofSeconds(60), () -> {
            Result r = Cli.runAgainst(worker.url(), "status", name, "-o", "json");
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
            } catch (IOException e) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }, s -> "RUNNING".equals(s.path("connector").path("state").asText()));
        return status.path("connector").path("version").asText();
    }
}

package dev.kconnect.cli;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import dev.kconnect.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** offsets get, --set and --reset against a real worker and the tick source, whose offset is its count. */
@ExtendWith(LiveWorker.class)
class OffsetsTest {

    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";

    @TempDir
    Path dir;

    private static void create(String name) {
        Result r = Cli.runWithStdin("{\"name\": \"%s\", \"connector.class\": \"%s\", \"tasks.max\": \"1\", \"topic\": \"%s\"}"
                .formatted(name, TICKS, name), "create", "--file", "-", "--wait", "--settle", "1");
        assertEquals(0, r.code(), r::toString);
    }

    /** Waits until the committed tick count reaches {@code atLeast}; returns it. */
    private static long awaitCount(String name, long atLeast) {
        return Await.value("offsets of " + name + " to reach " + atLeast, Duration.ofSeconds(60),
                () -> Rest.json("/connectors/" + name + "/offsets").path("offsets"),
                offsets -> offsets.size() == 1 && offsets.get(0).path("offset").path("n").asLong() >= atLeast)
                .get(0).path("offset").path("n").asLong();
    }

    @Test
    void showsAndSetsOffsets() throws Exception {
        create("offsets-set");
        awaitCount("offsets-set", 1);
        Result shown = Cli.run("offsets", "offsets-set");
        assertEquals(0, shown.code(), shown::toString);
        assertTrue(shown.out().lines().anyMatch(l -> l.matches("\\{\"source\":\"ticks\"}\\s+\\{\"n\":\\d+}")), shown::toString);

        Path file = dir.resolve("offsets.json");
        Files.writeString(file, "{\"offsets\": [{\"partition\": {\"source\": \"ticks\"}, \"offset\": {\"n\": 1000}}]}");
        Result set = Cli.run("offsets", "offsets-set", "--set", file.toString());
        assertEquals(0, set.code(), set::toString);
        assertTrue(set.out().startsWith("stopping connector 'offsets-set' (it was RUNNING)\n"), set::toString);
        assertTrue(set.out().contains("altered successfully"), "Connect's own message: " + set);
        assertTrue(set.out().endsWith("resuming connector 'offsets-set'\n"), set::toString);
        // the task resumes after the offset that was set
        assertTrue(awaitCount("offsets-set", 1001) >= 1001);
        assertEquals(0, Cli.run("delete", "offsets-set", "--yes").code());
    }

    @Test
    void resetsTheOffsetsOfAStoppedConnectorAndLeavesItStopped() {
        create("offsets-reset");
        awaitCount("offsets-reset", 1);
        assertEquals(0, Cli.run("stop", "offsets-reset").code());
        Rest.awaitStatus("offsets-reset", s -> s.path("connector").path("state").asText().equals("STOPPED"));

        Result reset = Cli.run("offsets", "offsets-reset", "--reset");
        assertEquals(0, reset.code(), reset::toString);
        assertTrue(reset.out().contains("reset successfully"), reset::toString);
        assertTrue(reset.out().contains("stays STOPPED"), reset::toString);
        assertEquals(0, Rest.json("/connectors/offsets-reset/offsets").path("offsets").size());
        assertEquals("no offsets committed for connector 'offsets-reset'\n", Cli.run("offsets", "offsets-reset").out());
        assertEquals(0, Cli.run("delete", "offsets-reset", "--yes").code());
    }

    @Test
    void badOffsetsFile() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"partition\": {}}");
        Result r = Cli.run("offsets", "anything", "--set", file.toString());
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("expected {\"offsets\""), r::toString);
        assertEquals(ExitCode.USAGE, Cli.run("offsets", "x", "--reset", "--set", file.toString()).code());
    }
}

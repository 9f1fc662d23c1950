package dev.kconnect.cli;

import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kconnect top} against the live worker running a healthy and a failing connector: one
 * snapshot without a terminal, and the live view in a real terminal (tmux), left with q and with Ctrl-C.
 */
@ExtendWith(LiveWorker.class)
class TopTest {

    static final String HEALTHY = "top-ticks";
    static final String BROKEN = "top-failing";

    @BeforeAll
    static void connectors() {
        assertEquals(0, Cli.runWithStdin("""
                {"name": "%s", "connector.class": "dev.kconnect.cli.testplugins.TickSourceConnector",
                 "tasks.max": "2", "topic": "top-ticks"}""".formatted(HEALTHY), "create", "--file", "-").code());
        assertEquals(0, Cli.runWithStdin("""
                {"name": "%s", "connector.class": "dev.kconnect.cli.testplugins.TickSourceConnector",
                 "tasks.max": "1", "fail": "true"}""".formatted(BROKEN), "create", "--file", "-").code());
        Rest.awaitStatus(HEALTHY, Rest.all("RUNNING", 2));
        Rest.awaitStatus(BROKEN, s -> s.path("tasks").path(0).path("state").asText().equals("FAILED"));
    }

    @Test
    void withoutATerminalOneSnapshotALinePerConnectorAndTask() {
        Result r = Cli.run("top");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("CONNECTOR", "TASK", "STATE", "WORKER", "LAG", "RATE"),
                words(r.out().lines().findFirst().orElseThrow()));
        assertEquals(expectedLines(), ours(r.out()));
    }

    @Test
    void inATerminalItRefreshesAndQLeavesCleanly() throws Exception {
        Tools.require("tmux");
        String session = "kconnect-top-" + ProcessHandle.current().pid();
        startTop(session);
        try {
            String frame = awaitPane(session, p -> p.contains(BROKEN) && p.contains("(q quits)"));
            assertTrue(frame.contains("every 1 s  (q quits)"), frame);
            assertEquals(expectedLines(), ours(frame));
            String coloured = tmux("capture-pane", "-p", "-e", "-t", session);
            assertTrue(coloured.contains("\u001b[1;31m" + BROKEN + " ") || coloured.contains("\u001b[1m\u001b[31m" + BROKEN),
                    "the FAILED line is bold red: " + coloured);
            tmux("send-keys", "-t", session, "q");
            String after = awaitPane(session, p -> p.contains("exit="));
            assertTrue(after.contains("exit=0"), after);
            assertFalse(after.contains("CONNECTOR"), "the view is gone with the alternate screen: " + after);
            assertTrue(after.lines().anyMatch("icanon"::equals), "the terminal's line mode is back: " + after);
        } finally {
            tmux("kill-session", "-t", session);
        }
    }

    @Test
    void ctrlCLeavesTheTerminalAsItWas() throws Exception {
        Tools.require("tmux");
        String session = "kconnect-top-c-" + ProcessHandle.current().pid();
        startTop(session);
        try {
            awaitPane(session, p -> p.contains("(q quits)"));
            tmux("send-keys", "-t", session, "C-c");
            String after = awaitPane(session, p -> p.contains("exit="));
            assertTrue(after.contains("exit=130"), after);
            assertFalse(after.contains("CONNECTOR"), after);
            assertTrue(after.lines().anyMatch("icanon"::equals), after);
        } finally {
            tmux("kill-session", "-t", session);
        }
    }

    /** kconnect top in a terminal of its own, then its exit code and whether the terminal is back in line mode. */
    private static void startTop(String session) throws Exception {
        String top = String.join(" ", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KConnect.class.getName(), "top", "--interval", "1", "--url",
                LiveWorker.url());
        tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "40", top + "; echo exit=$?; "
                + "stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon'; sleep 120");
    }

    /** The pane's text once {@code condition} holds (up to a minute). */
    private static String awaitPane(String session, Predicate<String> condition) {
        String pane = Await.poll(Duration.ofSeconds(60), () -> pane(session), condition);
        assertTrue(condition.test(pane), pane);
        return pane;
    }

    private static String pane(String session) {
        try {
            return tmux("capture-pane", "-p", "-t", session);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "tmux";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    /** What top shows of this class's connectors, as words: one line per connector and per task. */
    private static List<List<String>> expectedLines() {
        String w = Rest.json("/connectors/" + HEALTHY + "/status").path("connector").path("worker_id").asText();
        return List.of(
                List.of(BROKEN, "-", "RUNNING", w, "-", "-"),
                List.of(BROKEN, "0", "FAILED", w, "-", "-"),
                List.of(HEALTHY, "-", "RUNNING", w, "-", "-"),
                List.of(HEALTHY, "0", "RUNNING", w, "-", "-"),
                List.of(HEALTHY, "1", "RUNNING", w, "-", "-"));
    }

    /** The lines of this class's connectors, as words. */
    private static List<List<String>> ours(String out) {
        return out.lines().filter(l -> l.startsWith("top-")).map(TopTest::words).toList();
    }

    private static List<String> words(String line) {
        return Arrays.asList(line.strip().split("\\s+"));
    }
}

package dev.kconnect.runtime.lean;

import dev.kconnect.cli.live.LiveWorker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands that talk to a worker over REST load nothing of the worker runtime, even with all of
 * it on the class path (this module's test class path: Connect's runtime, Jetty, Jersey, the broker):
 * each runs in a JVM of its own with class loading logged, against a real worker, and any class of
 * those packages fails the test. The launcher gives them the admin client's jars only; this keeps the
 * code honest too.
 */
@ExtendWith(LiveWorker.class)
class RestCommandsClassLoadingTest {
    private static final Pattern RUNTIME = Pattern.compile(
            "^\\S+ (org\\.apache\\.kafka\\.connect\\.runtime\\.|org\\.eclipse\\.jetty\\.|org\\.glassfish\\.jersey\\."
                    + "|kafka\\.server\\.|org\\.apache\\.kafka\\.server\\.|dev\\.kconnect\\.runtime\\.|dev\\.kconnect\\.sandbox\\.)",
            Pattern.MULTILINE);

    @TempDir
    static Path dir;
    static Path connector;

    @BeforeAll
    static void connectorFile() throws Exception {
        connector = Files.writeString(dir.resolve("lean-source.json"), """
                {"name": "lean-source", "config": {
                  "connector.class": "dev.kconnect.cli.testplugins.TickSourceConnector",
                  "tasks.max": "1", "topic": "lean-ticks"}}
                """);
    }

    @Test
    void restCommandsLoadNoClassOfTheWorkerRuntime() throws Exception {
        String url = LiveWorker.url();
        List<List<String>> commands = List.of(
                List.of("create", "--file", connector.toString()),
                List.of("apply", "--file", connector.toString()),
                List.of("list"),
                List.of("status", "lean-source"),
                List.of("diff", "--file", connector.toString()),
                List.of("patch", "lean-source", "tasks.max=1"),
                List.of("heal", "--once", "lean-source"));
        for (List<String> command : commands) {
            List<String> line = new ArrayList<>(command);
            line.addAll(List.of("--url", url));
            Path log = dir.resolve("classes-" + command.get(0) + ".txt");
            int code = run(line, log);
            assertEquals(0, code, "kconnect " + String.join(" ", line) + ": " + Files.readString(dir.resolve("out.txt")));
            String loaded = Files.readString(log);
            assertTrue(loaded.contains("dev.kconnect.cli.KConnect "), "class loading was logged: " + log);
            var found = RUNTIME.matcher(loaded);
            assertTrue(!found.find(), "kconnect " + command.get(0) + " loaded a class of the worker runtime: "
                    + (found.hitEnd() ? "" : loaded.substring(found.start(), loaded.indexOf('\n', found.start()))));
        }
    }

    private static int run(List<String> args, Path classLog) throws Exception {
        // the launcher's flags for short commands, with class loading logged
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + classLog,
                "-cp", System.getProperty("java.class.path"),
                "dev.kconnect.cli.KConnect"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("kconnect " + args + " did not finish");
        }
        return p.exitValue();
    }
}

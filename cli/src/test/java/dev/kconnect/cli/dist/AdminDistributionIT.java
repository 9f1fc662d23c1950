package dev.kconnect.cli.dist;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.LiveWorker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin-only archive, unpacked where no source tree or Maven is, as an operator who administers
 * remote clusters installs it: it manages connectors on a real worker, and says in one line that it
 * runs no worker itself.
 */
@ExtendWith(LiveWorker.class)
class AdminDistributionIT {
    private static final String VERSION = System.getProperty("kconnect.version");

    @TempDir
    static Path dir;
    static Path kconnect;
    static Map<String, String> env;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("kconnect.admin.dist"));
        assertTrue(Files.isRegularFile(archive), "mvn package makes " + archive);
        assertEquals(0, new ProcessBuilder("tar", "xzf", archive.toString()).directory(dir.toFile()).start().waitFor());
        Path home = dir.resolve("kconnect-cli-" + VERSION);
        kconnect = home.resolve("bin/kconnect");
        // java, and no mvn: nothing may need building
        env = Map.of("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin",
                "JAVA_HOME", System.getProperty("java.home"), "HOME", dir.toString());
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains("kconnect-cli-" + VERSION + ".jar"), names.toString());
            for (String absent : List.of("connect-runtime-", "jetty-", "jersey-", "scala-", "kafka_2.13-", "kconnect-runtime",
                    "kconnect-sandbox-", "log4j-core-")) {
                assertTrue(names.stream().noneMatch(n -> n.startsWith(absent)), absent + " in lib/: " + names);
            }
        }
        assertFalse(Files.exists(home.resolve("plugins")), "the admin archive has no plugin directory");
    }

    @Test
    void itManagesConnectorsOnARealWorker() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-ticks.json"), """
                {"name": "admin-ticks", "config": {
                  "connector.class": "dev.kconnect.cli.testplugins.TickSourceConnector",
                  "tasks.max": "1", "topic": "admin-ticks"}}
                """);
        String url = LiveWorker.url();
        Run create = run("create", "--file", file.toString(), "--url", url, "--wait");
        assertEquals(ExitCode.OK, create.code, create.err);
        Run list = run("list", "-o", "name", "--url", url);
        assertEquals(ExitCode.OK, list.code, list.err);
        assertTrue(list.out.lines().anyMatch("admin-ticks"::equals), list.out);
        Run status = run("status", "admin-ticks", "--url", url);
        assertEquals(ExitCode.OK, status.code, status.err);
        assertTrue(status.out.contains("RUNNING"), status.out);
        Run delete = run("delete", "admin-ticks", "--url", url);
        assertEquals(ExitCode.OK, delete.code, delete.err);
    }

    @Test
    void itSaysInOneLineThatItRunsNoWorker() throws Exception {
        for (String command : List.of("standalone", "distributed", "sandbox")) {
            Path worker = Files.writeString(dir.resolve("worker.properties"), "bootstrap.servers=localhost:9092\n");
            Run r = command.equals("sandbox") ? run(command) : run(command, worker.toString());
            assertEquals(ExitCode.USAGE, r.code, r.err);
            assertEquals("kconnect " + command + ": this is the admin-only kconnect (kconnect-cli), which has no Connect "
                    + "worker runtime; to run " + command + " here, install the full distribution, kconnect-VERSION.tar.gz\n", r.err);
            assertEquals("", r.out);
        }
        Run help = run("standalone", "--help");
        assertEquals(ExitCode.OK, help.code, help.err);
        assertTrue(help.out.startsWith("Usage: kconnect standalone"), help.out);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(kconnect.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}

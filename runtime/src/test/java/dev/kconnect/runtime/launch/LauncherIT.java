package dev.kconnect.runtime.launch;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.SilentSocket;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The built CLI as a user runs it: the jar, the root launcher, and the unpacked distribution. */
class LauncherIT {
    static final String VERSION = System.getProperty("kconnect.version");
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static Path unpacked;

    @BeforeAll
    static void unpackDistribution() throws Exception {
        Path archive = Path.of(System.getProperty("kconnect.dist"));
        assertTrue(Files.isRegularFile(archive), "mvn package makes " + archive);
        Path dir = Files.createTempDirectory("kconnect-dist");
        Result tar = run(dir, Map.of(), "tar", "xzf", archive.toString());
        assertEquals(0, tar.code, tar.err);
        unpacked = dir.resolve("kconnect-" + VERSION);
    }

    @Test
    void jarStartsAndPrintsVersions() throws Exception {
        Result r = run(ROOT, Map.of(), "java", "-jar", "runtime/target/lib/kconnect-cli-" + VERSION + ".jar", "--version");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("kconnect " + VERSION), r.out);
        assertTrue(r.out.contains("Kafka (connect-runtime) 4.3.1"), r.out);
        assertTrue(r.out.contains("gpudb-api 7.1.10.5"), r.out);
    }

    @Test
    void launcherWorksFromAnotherDirectoryAndThroughASymlink() throws Exception {
        Path bin = Files.createTempDirectory("kconnect-bin");
        Files.createSymbolicLink(bin.resolve("kconnect"), ROOT.resolve("kconnect"));
        Result r = run(Path.of("/"), Map.of(), bin.resolve("kconnect").toString(), "--help");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("Usage: kconnect"), r.out);
        assertTrue(r.out.contains("Exit codes:"), r.out);
    }

    @Test
    void distributionRunsWithoutSourceTreeOrMaven() throws Exception {
        // a PATH with java but no mvn: the archive must not need to build anything
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        Map<String, String> env = Map.of("PATH", javaBin + ":/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home"));
        Result r = run(Path.of("/"), env, unpacked.resolve("bin/kconnect").toString(), "--version");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("kconnect " + VERSION), r.out);
        assertTrue(r.err.isEmpty() || !r.err.contains("building"), r.err);
        for (String part : List.of("lib/kconnect-cli-" + VERSION + ".jar", "lib/kconnect-runtime.jar",
                "plugins/kinetica-kafka-connector/manifest.json",
                "plugins/kinetica-kafka-connector/lib", "completion", "examples", "README.md")) {
            assertTrue(Files.exists(unpacked.resolve(part)), part + " is in the archive");
        }
    }

    /**
     * The admin-only archive holds the CLI and what its commands need, none of the worker runtime, and
     * is well under half the full one.
     */
    @Test
    void theAdminArchiveIsTheClientAlone() throws Exception {
        Path admin = Path.of(System.getProperty("kconnect.dist")).resolveSibling("kconnect-cli-" + VERSION + ".tar.gz");
        Path full = Path.of(System.getProperty("kconnect.dist"));
        assertTrue(Files.size(admin) < Files.size(full) * 0.45, Files.size(admin) + " bytes against " + Files.size(full));
        Result listing = run(ROOT, Map.of(), "tar", "tzf", admin.toString());
        assertEquals(0, listing.code, listing.err);
        for (String absent : List.of("connect-runtime-", "jetty-", "jersey-", "scala-library-", "kafka_2.13-",
                "kconnect-runtime", "kconnect-sandbox-", "log4j-core-", "plugins/")) {
            assertFalse(listing.out.contains(absent), absent + " is in the admin archive");
        }
        assertTrue(listing.out.contains("lib/kafka-clients-"), "kafka-clients (lag, topic) is in the admin archive");
    }

    /**
     * Commands that talk to a worker start from a class-data archive of the classes they load: the
     * first one (here an unreachable worker: the command loads its classes all the same) leaves it,
     * the next one maps it. Under each Java its own archive; neither run prints anything but the
     * command's own line. -Xshare:on fails the JVM when the archive cannot be mapped.
     */
    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 21, 25})
    void eachJavaGetsItsOwnArchiveSilently(int feature) throws Exception {
        Path jdk = Jdks.home(feature);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString());
        String kconnect = unpacked.resolve("bin/kconnect").toString();
        String unreachable = "kconnect: cannot reach the Connect worker at http://127.0.0.1:9";
        Result first = run(Path.of("/"), env, kconnect, "list", "--url", "http://127.0.0.1:9");
        assertEquals(ExitCode.UNREACHABLE, first.code, first.err);
        assertTrue(first.err.startsWith(unreachable) && first.err.lines().count() == 1, first.err);
        Path archive = unpacked.resolve("lib/kconnect-cli-" + Jdks.release(jdk, "JAVA_RUNTIME_VERSION") + ".jsa");
        // Java 17 writes it as FILE.PID as the command exits, and the next command takes it
        Await.until(archive + " to be written", Duration.ofSeconds(60), () -> Files.isRegularFile(archive)
                || Files.isRegularFile(archive.resolveSibling(archive.getFileName() + "." + first.pid)));
        Map<String, String> strict = new HashMap<>(env);
        strict.put("KCONNECT_JAVA_OPTS", "-Xshare:on");
        Result second = run(Path.of("/"), strict, kconnect, "list", "--url", "http://127.0.0.1:9");
        assertEquals(ExitCode.UNREACHABLE, second.code, second.err);
        assertTrue(second.err.startsWith(unreachable) && second.err.lines().count() == 1, second.err);
        assertTrue(Files.isRegularFile(archive), archive + " is kept");
    }

    /**
     * A worker refused at once prints its one line. Its JVM archives the few classes it loaded as it exits: the next worker start drops them
     * rather than keep them for every worker after (only a worker that came up marks its archive).
     */
    @Test
    void aRefusedWorkerPrintsOneLineAndItsArchiveIsNotKept() throws Exception {
        assumeTrue(Runtime.version().feature() < 25, "Java 25 records an AOT cache instead (JavaReleasesIT)");
        Path dir = Files.createTempDirectory("kconnect-refused");
        Path worker = Files.writeString(dir.resolve("worker.properties"), "bootstrap.servers=localhost:9092\n");
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home"));
        String kconnect = unpacked.resolve("bin/kconnect").toString();
        Result refused = run(dir, env, kconnect, "standalone", worker.toString(), "--log-dir", dir.toString());
        assertEquals(ExitCode.USAGE, refused.code, refused.err);
        assertEquals("kconnect standalone: no connector file given (a connector file sets connector.class)\n", refused.err);
        assertEquals("", refused.out);
        Path archive = unpacked.resolve("lib/kconnect-worker-" + System.getProperty("java.runtime.version") + ".jsa");
        assertTrue(Files.exists(archive.resolveSibling(archive.getFileName() + "." + refused.pid)),
                "the refused worker's JVM wrote its archive");
        Result next = run(dir, env, kconnect, "standalone", "--help");
        assertEquals(0, next.code, next.err);
        assertFalse(Files.exists(archive), "a refused worker's archive was kept for later workers");
        assertFalse(Files.exists(archive.resolveSibling(archive.getFileName() + "." + refused.pid)), "and is removed");
    }

    /**
     * {@code sandbox fault} talks to a running sandbox: the launcher runs it as a short command (the
     * JVM's flags say which), not as a worker that writes or maps a worker's archive.
     */
    @Test
    void sandboxFaultRunsAsAShortCommand() throws Exception {
        Path dir = Files.createTempDirectory("kconnect-fault");
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home"),
                "KCONNECT_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        String kconnect = unpacked.resolve("bin/kconnect").toString();
        Result fault = run(dir, env, kconnect, "sandbox", "fault", "kinetica", "down",
                "--control-url", "http://127.0.0.1:9"); // nothing listens there
        assertEquals(ExitCode.UNREACHABLE, fault.code, fault.err);
        assertTrue(fault.out.contains("-XX:+UseSerialGC"), fault.out);
        assertFalse(fault.out.contains("worker"), fault.out);
        Result sandbox = run(dir, env, kconnect, "sandbox", "--help"); // the command itself: a worker's flags
        assertTrue(sandbox.out.contains("-XX:+UseG1GC"), sandbox.out);
    }

    /**
     * Waits for the archive the launcher makes in the background, then runs {@code --version} with
     * {@code strict} ({@code -Xshare:on}, or {@code -XX:AOTMode=on} for an AOT cache), which fails the JVM
     * when the archive cannot be mapped (the launcher's default would just go slow).
     */
    private Result versionWithArchiveMapped(Map<String, String> env, Path archive, String strictOption, Duration timeout)
            throws Exception {
        Await.until(archive + " to be made", timeout, () -> Files.isRegularFile(archive));
        Map<String, String> strict = new HashMap<>(env);
        strict.put("KCONNECT_JAVA_OPTS", strictOption);
        Result result = run(Path.of("/"), strict, unpacked.resolve("bin/kconnect").toString(), "--version");
        assertEquals(0, result.code, result.err);
        return result;
    }

    /** The launcher tells the CLI whether it runs on a terminal (-Dkconnect.terminal): help is coloured there only. */
    @Test
    void launcherColoursOnATerminalOnly() throws Exception {
        Tools.require("script");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("NO_COLOR");
        env.put("TERM", "xterm");
        String help = ROOT.resolve("kconnect") + " --help";
        Result terminal = run(ROOT, env, "/usr/bin/script", "-qec", help, "/dev/null");
        assertEquals(0, terminal.code, terminal.err);
        assertTrue(terminal.out.contains("\u001b["), terminal.out);
        Result piped = run(ROOT, env, ROOT.resolve("kconnect").toString(), "--help");
        assertEquals(0, piped.code, piped.err);
        assertFalse(piped.out.contains("\u001b["), piped.out);
    }

    @Test
    void launcherGivesUpOnAHungWorkerWithGlobalOptionsFirst() throws Exception {
        try (SilentSocket silent = new SilentSocket()) {
            Result r = run(Path.of("/"), Map.of(), ROOT.resolve("kconnect").toString(), "-o", "json", "--request-timeout", "1",
                    "list", "--url", silent.url());
            assertEquals(ExitCode.TIMED_OUT, r.code, r.err);
            assertEquals("kconnect: the Connect worker at " + silent.url() + " did not answer GET /connectors within 1 s; "
                    + "check the worker's log, or allow more time with --request-timeout SECONDS (or "
                    + "KCONNECT_REQUEST_TIMEOUT)\n", r.err);
        }
    }

    @Test
    void aFreshCloneCompletesAndCorrectsItsOwnLauncher() throws Exception {
        Result complete = run(ROOT, Map.of(), "bash", "--norc", "--noprofile", "-c",
                "source <(./kconnect completion bash) && complete -p ./kconnect");
        assertEquals(0, complete.code, complete.err);
        assertTrue(complete.out.contains("-F _kconnect"), complete.out);
        Result typo = run(ROOT, Map.of(), "./kconnect", "lst");
        assertEquals(ExitCode.USAGE, typo.code, typo.err);
        assertTrue(typo.err.contains("did you mean list?"), typo.err);
    }

    /** How a process ended; {@code pid} is the launcher's, which becomes the JVM's (exec). */
    record Result(int code, String out, String err, long pid) {
    }

    static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile());
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        try {
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), p.pid());
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}

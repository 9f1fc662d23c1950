package dev.kconnect.runtime.launch;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.SilentSocket;
import dev.kconnect.testkit.Await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
        Result r = run(ROOT, Map.of(), "java", "-jar", "cli/target/lib/kconnect-cli.jar", "--version");
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
        for (String part : List.of("lib/kconnect-cli.jar", "plugins/kinetica-kafka-connector/manifest.json",
                "plugins/kinetica-kafka-connector/lib", "completion", "examples", "README.md")) {
            assertTrue(Files.exists(unpacked.resolve(part)), part + " is in the archive");
        }
    }

    @Test
    void checkoutLauncherMapsTheClassDataArchiveTheBuildMade() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("KCONNECT_JAVA_OPTS", "-Xshare:on");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Result r = run(Path.of("/"), env, ROOT.resolve("kconnect").toString(), "--version");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("kconnect " + VERSION), r.out);
    }

    @Test
    void distributionMakesItsOwnClassDataArchiveOnFirstUse() throws Exception {
        // the build's archive names the build's paths, so the archive ships only the class list
        Path lib = unpacked.resolve("lib");
        assertTrue(Files.isRegularFile(lib.resolve("kconnect.classlist")), "the class list is in the archive");
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home"));
        Result first = run(Path.of("/"), env, unpacked.resolve("bin/kconnect").toString(), "--version");
        assertEquals(0, first.code, first.err);
        Path archive = lib.resolve("kconnect-" + System.getProperty("java.runtime.version") + ".jsa");
        Result second = versionWithArchiveMapped(env, archive, "-Xshare:on", Duration.ofSeconds(60));
        assertTrue(second.out.contains("kconnect " + VERSION), second.out);
    }

    /**
     * An archive works only with the Java that made it: under each Java (Java 25 in a checkout
     * built with 17, say) the launcher makes that Java its own archive, then maps it, printing
     * nothing either time.
     */
    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 21, 25})
    void eachJavaGetsItsOwnArchiveSilently(int feature) throws Exception {
        Path jdk = Jdks.home(feature);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString());
        Result first = run(Path.of("/"), env, unpacked.resolve("bin/kconnect").toString(), "--version");
        assertEquals(0, first.code, first.err);
        assertEquals("", first.err);
        assertTrue(first.out.contains("Java " + Jdks.release(jdk, "JAVA_VERSION") + " "), first.out);
        // Java 25 gets an AOT cache, trained in the background, with a file naming the jars it was made
        // from, written last; -XX:AOTMode=on fails the JVM when the cache cannot be used
        String made = "lib/kconnect-" + Jdks.release(jdk, "JAVA_RUNTIME_VERSION") + (feature >= 25 ? ".aot.jars" : ".jsa");
        Result second = versionWithArchiveMapped(env, unpacked.resolve(made), feature >= 25 ? "-XX:AOTMode=on" : "-Xshare:on",
                Duration.ofSeconds(180));
        assertEquals("", second.err);
        // and the build's Java, with its own archive beside the other ones, is as quiet
        Result own = run(Path.of("/"), Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home")),
                unpacked.resolve("bin/kconnect").toString(), "--version");
        assertEquals("", own.err);
    }

    /**
     * Java 25 ran classes from an AOT cache after their jar had changed: the launcher makes the cache
     * again when any jar's size or time differs from what it was made from.
     */
    @Test
    void javaTwentyFiveMakesItsAotCacheAgainWhenAJarChanges() throws Exception {
        Path jdk = Jdks.home(25);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString());
        Path made = unpacked.resolve("lib/kconnect-" + Jdks.release(jdk, "JAVA_RUNTIME_VERSION") + ".aot.jars");
        assertEquals(0, run(Path.of("/"), env, unpacked.resolve("bin/kconnect").toString(), "--version").code);
        // made, and its training done (until then another command would not start one)
        Path training = made.resolveSibling(made.getFileName().toString().replace(".jars", ".making"));
        Await.until(made + " to be made", Duration.ofSeconds(180), () -> Files.isRegularFile(made) && !Files.exists(training));
        String before = Files.readString(made);
        Path jar;
        try (var jars = Files.list(unpacked.resolve("lib"))) {
            jar = jars.filter(p -> p.getFileName().toString().startsWith("jackson-core-")).findFirst().orElseThrow();
        }
        FileTime time = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.from(time.toInstant().plusSeconds(60)));
            Result r = run(Path.of("/"), env, unpacked.resolve("bin/kconnect").toString(), "--version");
            assertEquals(0, r.code, r.err);
            Await.until("the AOT cache to be made again", Duration.ofSeconds(180), () -> !before.equals(contentOf(made)));
        } finally {
            Files.setLastModifiedTime(jar, time);
        }
    }

    private static String contentOf(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A worker refused at once prints its one line, though its warm-up thread was starting logging.
     * Its JVM archives the few classes it loaded as it exits: the next worker start drops them
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
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script (util-linux) is not installed");
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

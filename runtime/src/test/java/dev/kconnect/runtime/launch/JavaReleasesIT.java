package dev.kconnect.runtime.launch;

import dev.kconnect.runtime.launch.LauncherIT.Result;
import dev.kconnect.testkit.Await;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The checkout's launcher and the sandbox under each Java release users run (README
 * "Compatibility"): the sandbox comes up, a short command talks to it, SIGTERM stops it, and
 * nothing lands on stderr on the way (no JVM warning about native access, Unsafe or class data).
 */
class JavaReleasesIT {
    static final String READY = "kconnect sandbox is running";

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 21, 25})
    void sandboxAndShortCommandsRunWithoutAWord(int feature) throws Exception {
        Path jdk = Jdks.home(feature);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("JAVA_HOME", jdk.toString());
        env.put("PATH", jdk.resolve("bin") + ":/usr/bin:/bin");
        env.remove("KCONNECT_JAVA_OPTS");
        Path dir = Files.createTempDirectory("java" + feature);
        try (var files = Files.list(LauncherIT.ROOT.resolve("runtime/target/lib"))) { // the sandbox below writes them afresh
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("kconnect-worker-")).toList()) {
                Files.delete(f);
            }
        }
        String restPort = String.valueOf(freePort());
        ProcessBuilder pb = new ProcessBuilder(LauncherIT.ROOT.resolve("kconnect").toString(), "sandbox",
                "--kafka-port", String.valueOf(freePort()), "--kinetica-port", String.valueOf(freePort()),
                "--control-port", String.valueOf(freePort()), "--rest-port", restPort, "--log-dir", dir.toString())
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process sandbox = pb.start();
        try {
            awaitReady(sandbox, dir);
            Result list = LauncherIT.run(dir, env, LauncherIT.ROOT.resolve("kconnect").toString(), "list",
                    "--url", "http://127.0.0.1:" + restPort);
            assertEquals(0, list.code(), list.err());
            assertEquals("", list.err());
            Result version = LauncherIT.run(dir, env, LauncherIT.ROOT.resolve("kconnect").toString(), "--version");
            assertTrue(version.out().contains("Java " + Jdks.release(jdk, "JAVA_VERSION") + " "), version.out());
            assertEquals("", version.err());
        } finally {
            sandbox.destroy(); // SIGTERM, as a service manager stops it
            if (!sandbox.waitFor(2, TimeUnit.MINUTES)) {
                sandbox.destroyForcibly();
                fail("the sandbox under Java " + feature + " did not stop within 2 minutes of SIGTERM");
            }
        }
        String out = Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
        assertTrue(out.contains("Stopping the sandbox..."), out);
        // JVM warnings go to stdout by default ([warning][cds] …), Java's own to stderr (WARNING: …)
        for (String line : out.split("\n")) {
            assertTrue(!line.contains("[warning]") && !line.contains("[error]") && !line.startsWith("WARNING:"), line);
        }
        assertEquals("", Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
        if (feature >= 25) {
            workerAotCacheIsMadeThenUsed(jdk, env, dir);
        } else {
            workerArchiveIsKeptThenMapped(jdk, env, dir);
        }
    }

    /**
     * Java 17 and 21: the sandbox above came up, so the class-data archive its JVM wrote as it
     * stopped is kept (a refused worker's is not: LauncherIT); the next worker start maps it
     * ({@code -Xshare:on} fails the JVM when it cannot).
     */
    private static void workerArchiveIsKeptThenMapped(Path jdk, Map<String, String> env, Path dir) throws Exception {
        Path archive = LauncherIT.ROOT.resolve("runtime/target/lib/kconnect-worker-" + Jdks.release(jdk, "JAVA_RUNTIME_VERSION") + ".jsa");
        Map<String, String> strict = new HashMap<>(env);
        strict.put("KCONNECT_JAVA_OPTS", "-Xshare:on");
        Result next = LauncherIT.run(dir, strict, LauncherIT.ROOT.resolve("kconnect").toString(), "sandbox", "--help");
        assertEquals(0, next.code(), next.err());
        assertTrue(Files.isRegularFile(archive), archive + " is kept");
        assertTrue(Files.size(archive) > 30_000_000, archive + " holds a worker's classes: " + Files.size(archive) + " bytes");
        assertEquals("", next.err());
    }

    /**
     * Java 25: the sandbox above recorded, silently, what it loaded; the next start of the command
     * makes its AOT cache from that record in the background, and the ones after start from it
     * ({@code -XX:AOTMode=on} fails the JVM when the cache cannot be used).
     */
    private static void workerAotCacheIsMadeThenUsed(Path jdk, Map<String, String> env, Path dir) throws Exception {
        String kconnect = LauncherIT.ROOT.resolve("kconnect").toString();
        Path made = LauncherIT.ROOT.resolve("runtime/target/lib/kconnect-sandbox-" + Jdks.release(jdk, "JAVA_RUNTIME_VERSION") + ".aot.jars");
        Result next = LauncherIT.run(dir, env, kconnect, "sandbox", "--help");
        assertEquals(0, next.code(), next.err());
        assertEquals("", next.err());
        Await.until(made + " to be made", Duration.ofMinutes(3), () -> Files.isRegularFile(made));
        Map<String, String> strict = new HashMap<>(env);
        strict.put("KCONNECT_JAVA_OPTS", "-XX:AOTMode=on");
        Result cached = LauncherIT.run(dir, strict, kconnect, "sandbox", "--help");
        assertEquals(0, cached.code(), cached.err());
        assertTrue(cached.out().contains("--kafka-port"), cached.out());
        assertEquals("", cached.err());
    }

    private static void awaitReady(Process sandbox, Path dir) {
        Await.until("the sandbox to say '" + READY + "'; see " + dir, Duration.ofMinutes(3), () -> {
            String out = read(dir.resolve("out"));
            if (!out.contains(READY) && !sandbox.isAlive()) {
                fail("the sandbox ended with " + sandbox.exitValue() + ":\n" + out + read(dir.resolve("err")));
            }
            return out.contains(READY);
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

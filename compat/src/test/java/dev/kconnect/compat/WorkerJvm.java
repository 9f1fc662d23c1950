package dev.kconnect.compat;

import dev.kconnect.sandbox.Ports;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.ConnectWorker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A distributed Connect worker of one release in a JVM of its own, started the way
 * {@code connect-distributed.sh} does: {@code ConnectDistributed} with a worker file.
 */
final class WorkerJvm implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final String url;

    private WorkerJvm(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /** Starts the worker and returns once its REST API lists connectors (its herder has started). */
    static WorkerJvm start(ConnectRelease release, String bootstrap, Path pluginPath, Path dir) throws Exception {
        return start(release, bootstrap, pluginPath, dir, "compat-" + release.tag(), Map.of());
    }

    /** A worker of the group {@code group}, with {@code settings} over the defaults. */
    static WorkerJvm start(ConnectRelease release, String bootstrap, Path pluginPath, Path dir, String group,
                           Map<String, String> settings) throws Exception {
        Files.createDirectories(dir);
        int port = Ports.free();
        ConnectWorker.Builder worker = ConnectWorker.distributed(bootstrap, group)
                .set("listeners", "http://127.0.0.1:" + port)
                .set("rest.advertised.host.name", "127.0.0.1")
                .set("plugin.path", pluginPath.toAbsolutePath().toString())
                .setAll(settings);
        Properties props = new Properties();
        props.putAll(worker.properties());
        if (!release.atLeast(3, 6)) {
            props.remove("plugin.discovery"); // KIP-898 came with 3.6; older releases always scan
        }
        Path workerFile = dir.resolve("worker.properties");
        try (var out = Files.newBufferedWriter(workerFile)) {
            props.store(out, release.toString());
        }

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add(release.logsWithLog4j2()
                ? "-Dlog4j2.configurationFile=" + resource("worker-log4j2.properties", dir)
                : "-Dlog4j.configuration=file:" + resource("worker-log4j.properties", dir));
        command.add("-cp");
        command.add(release.classpath());
        command.add("org.apache.kafka.connect.cli.ConnectDistributed");
        command.add(workerFile.toString());
        Path log = dir.resolve("worker.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        WorkerJvm jvm = new WorkerJvm(process, log, "http://127.0.0.1:" + port);
        try {
            jvm.awaitReady();
        } catch (RuntimeException | AssertionError e) {
            jvm.close();
            throw e;
        }
        return jvm;
    }

    String url() {
        return url;
    }

    /** The end of the worker's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest list = HttpRequest.newBuilder(URI.create(url + "/connectors")).build();
        Await.until("the worker to list connectors", START_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the worker exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                return http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException notYet) {
                return false; // the listener is not open yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, () -> ":\n" + logTail());
    }

    private static Path resource(String name, Path dir) {
        Path target = dir.resolve(name);
        try (InputStream in = WorkerJvm.class.getResourceAsStream("/" + name)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Kills the worker as {@code kill -9} does: no shutdown hook, no last commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}

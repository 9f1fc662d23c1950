package dev.kconnect.runtime.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.testkit.Await;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One {@code kconnect distributed} worker as a process of its own, so that {@code kill -9} is real:
 * started, killed, started again on the same REST port. Each start logs into a folder of its own
 * ({@code NAME-N/connect.log}, {@code NAME-N/out.log}) kept after the run.
 */
final class WorkerNode {
    private static final Path PLUGINS = Path.of("target/plugins").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final String restUrl;
    private final Path dir;
    private final Path workerFile;
    private Process process;
    private int starts;

    WorkerNode(String name, int port, Path dir, Map<String, String> props) throws IOException {
        this.name = name;
        this.restUrl = "http://127.0.0.1:" + port;
        this.dir = dir;
        this.workerFile = dir.resolve(name + ".properties");
        Files.writeString(workerFile, props.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")) + "listeners=" + restUrl + "\n");
    }

    synchronized void start() throws IOException {
        if (alive()) {
            throw new IllegalStateException(name + " already runs");
        }
        Path logs = Files.createDirectories(dir.resolve(name + "-" + ++starts));
        // the workers of the test class path (the cli and the bundled plugin as built); the serial GC
        // and C1 leave the two cores to the traffic
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + logs, "-cp", System.getProperty("java.class.path"),
                "-Dkconnect.plugins=" + PLUGINS, "dev.kconnect.cli.KConnect", "distributed", workerFile.toString(),
                "--log-dir", logs.toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve("out.log").toFile()).start();
    }

    /** Waits until the REST API lists connectors (the worker may still be joining its group). */
    void awaitUp(Duration timeout) {
        Await.until(name + " at " + restUrl + " to answer", timeout, () -> !alive() || answers());
        if (!alive()) {
            throw new IllegalStateException(name + " ended as it started; see " + logDir());
        }
    }

    boolean answers() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(restUrl + "/connectors")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The tasks this worker runs, as the cluster's status says (empty when nobody answers). */
    List<String> tasks() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(restUrl
                    + "/connectors?expand=status")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            List<String> tasks = new ArrayList<>();
            String port = restUrl.substring(restUrl.lastIndexOf(':'));
            JSON.readTree(response.body()).forEach(connector -> connector.path("status").path("tasks").forEach(task -> {
                if (task.path("worker_id").asText().endsWith(port)) {
                    tasks.add(connector.path("status").path("name").asText() + "-" + task.path("id").asInt());
                }
            }));
            return tasks;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no offset commit, no leaving the group. */
    synchronized void kill() throws InterruptedException {
        if (!process.destroyForcibly().waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") outlived kill -9");
        }
    }

    /**
     * SIGTERM: the worker leaves its group and commits what it wrote. Returns true when it stopped within
     * a minute; otherwise kills it and returns false.
     */
    synchronized boolean stop() throws InterruptedException {
        if (!alive()) {
            return true;
        }
        process.destroy();
        if (process.waitFor(60, TimeUnit.SECONDS)) {
            return true;
        }
        kill();
        return false;
    }

    /** The folder of the latest start's logs. */
    Path logDir() {
        return dir.resolve(name + "-" + starts);
    }

    /** The lines of every start's Connect log that hold {@code text}, each named after its start. */
    List<String> logLines(String text) {
        try (var dirs = Files.list(dir)) {
            return dirs.filter(d -> Files.isDirectory(d) && d.getFileName().toString().startsWith(name + "-"))
                    .map(d -> d.resolve("connect.log")).filter(Files::isRegularFile)
                    .flatMap(WorkerNode::lines).filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(l -> file.getParent().getFileName() + ": " + l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

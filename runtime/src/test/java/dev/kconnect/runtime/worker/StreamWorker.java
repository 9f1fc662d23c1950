package dev.kconnect.runtime.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.testkit.ConnectWorker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kconnect standalone} or {@code distributed} in a JVM of its own ({@link KConnectJvm}), to kill like a real process. */
final class StreamWorker implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path dir;
    final String restUrl;

    private StreamWorker(Path dir, List<String> args, int port) throws Exception {
        this.dir = dir;
        this.process = KConnectJvm.start(dir, List.of(), args);
        this.restUrl = "http://127.0.0.1:" + port;
    }

    /** A distributed worker of {@code group} (offsets committed every second) plus {@code settings} (key=value). */
    static StreamWorker distributed(String bootstrap, String group, String... settings) throws Exception {
        int port = Ports.free();
        ConnectWorker.Builder props = ConnectWorker.distributed(bootstrap, group)
                .set("offset.flush.interval.ms", "1000")
                .set("scheduled.rebalance.max.delay.ms", "2000")
                .set("consumer.session.timeout.ms", "6000")
                .set("listeners", "http://127.0.0.1:" + port);
        for (String setting : settings) {
            String[] keyValue = setting.split("=", 2);
            props.set(keyValue[0], keyValue[1]);
        }
        Path dir = Files.createTempDirectory("kconnect-distributed");
        Path file = dir.resolve("worker.properties");
        Files.writeString(file, props.properties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")) + "\n");
        return new StreamWorker(dir, List.of("distributed", file.toString()), port);
    }

    /** A standalone worker with kconnect's defaults (offsets flushed every 100 ms), its state in {@code stateDir}. */
    static StreamWorker standalone(String bootstrap, Path stateDir, Path connectorFile) throws Exception {
        int port = Ports.free();
        return new StreamWorker(stateDir, List.of("standalone", connectorFile.toString(),
                "-D", "bootstrap.servers=" + bootstrap, "-D", "listeners=http://127.0.0.1:" + port,
                "-D", "consumer.session.timeout.ms=6000"), port);
    }

    /** Whether this worker runs a task of {@code connector}, by its REST port in the tasks' worker ids. */
    boolean runsTaskOf(String connector) throws Exception {
        JsonNode status = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(restUrl + "/connectors/" + connector + "/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String port = restUrl.substring(restUrl.lastIndexOf(':'));
        for (JsonNode task : status.path("tasks")) {
            if (task.path("worker_id").asText().endsWith(port)) {
                return true;
            }
        }
        return false;
    }

    void kill() throws InterruptedException {
        assertTrue(process.destroyForcibly().waitFor(60, TimeUnit.SECONDS), "kill -9 ended the worker");
    }

    String output() {
        return KConnectJvm.log(dir);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the worker stops cleanly and commits offsets
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the worker did not stop within a minute of SIGTERM; log:\n" + output());
            }
        }
    }
}

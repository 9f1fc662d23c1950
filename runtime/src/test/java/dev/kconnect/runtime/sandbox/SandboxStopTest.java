package dev.kconnect.runtime.sandbox;

import dev.kconnect.sandbox.Ports;
import dev.kconnect.testkit.Await;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl-C (SIGINT) of a sandbox whose sink is writing: every part stops with nothing to warn about in its log. */
class SandboxStopTest {
    static final String SCHEMA = "{\"type\":\"struct\",\"fields\":[{\"field\":\"id\",\"type\":\"int64\"}]}";

    @Test
    void ctrlCStopsTheSandboxWithoutWarnings() throws Exception {
        Path dir = Files.createTempDirectory("sandbox-stop");
        int kafka = Ports.free();
        int kinetica = Ports.free();
        int rest = Ports.free();
        // a process started in the background of a script ignores SIGINT, and so would this one (and
        // its JVM, which then installs no handler): perl gives it Ctrl-C back, as a terminal has it
        Process sandbox = new ProcessBuilder("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dkconnect.plugins=" + SandboxRunTest.PLUGINS.toAbsolutePath(), "dev.kconnect.cli.KConnect", "sandbox",
                "--kafka-port", "" + kafka, "--kinetica-port", "" + kinetica, "--control-port", "" + Ports.free(),
                "--rest-port", "" + rest, "--log-dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        Path log = dir.resolve("sandbox.log");
        try {
            Await.until("the sandbox", Duration.ofSeconds(120), () -> read(dir.resolve("out.txt")).contains("is running"),
                    () -> read(dir.resolve("out.txt")));
            // the records first (and so the topic): a sink subscribing to a missing topic warns about it
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", "127.0.0.1:" + kafka, "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", StringSerializer.class.getName()))) {
                for (int i = 0; i < 500; i++) {
                    producer.send(new ProducerRecord<>("stops", "{\"schema\":" + SCHEMA + ",\"payload\":{\"id\":" + i + "}}"));
                }
            }
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + rest + "/connectors")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"stop-sink\",\"config\":{"
                            + "\"connector.class\":\"com.kinetica.kafka.KineticaSinkConnector\",\"topics\":\"stops\","
                            + "\"kinetica.url\":\"http://127.0.0.1:" + kinetica + "\","
                            + "\"kinetica.tables.single_table_per_topic\":\"true\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            Await.until("the sink's table", Duration.ofSeconds(120), () -> read(log).contains("Created table stops"),
                    () -> read(log));
            assertEquals(0, new ProcessBuilder("kill", "-INT", "" + sandbox.pid()).start().waitFor());
            assertTrue(sandbox.waitFor(2, TimeUnit.MINUTES), "stopped within 2 minutes of Ctrl-C");
        } finally {
            sandbox.destroyForcibly();
        }
        assertEquals(130, sandbox.exitValue(), read(dir.resolve("out.txt"))); // 128 + SIGINT, as the JVM exits on it
        String lines = read(log);
        assertTrue(lines.contains("Kafka Connect stopped"), lines);
        List<String> troubles = lines.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")
                || l.toLowerCase().contains("timed out")).toList();
        assertEquals(List.of(), troubles, "warnings, errors or timeouts in sandbox.log");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "(nothing yet: " + e + ")";
        }
    }
}

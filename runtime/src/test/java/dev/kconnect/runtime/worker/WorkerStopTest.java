package dev.kconnect.runtime.worker;

import dev.kconnect.sandbox.Ports;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.ConnectWorker;
import dev.kconnect.testkit.KafkaAndKinetica;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker process stopped with SIGTERM, as a service manager stops it, while its sink runs: it
 * exits as the JVM does on SIGTERM (143), with no warning, error or timeout in its log, and the
 * sink's consumer group has committed exactly the topic's end offset. The workers commit offsets
 * only when they stop ({@code offset.flush.interval.ms} of ten minutes), so the commit seen is the stop's.
 */
class WorkerStopTest {
    static final int RECORDS = 2000;
    static final String VALUE_SCHEMA = "{\"type\":\"struct\",\"name\":\"reading\",\"fields\":["
            + "{\"field\":\"id\",\"type\":\"int64\"},{\"field\":\"value\",\"type\":\"double\"}]}";

    static KafkaAndKinetica parts;

    @BeforeAll
    static void start() {
        parts = KafkaAndKinetica.start();
    }

    @AfterAll
    static void stop() {
        parts.close();
    }

    @Test
    void aDistributedWorkerStopsCleanlyAndCommitsWhatItsSinkWrote() throws Exception {
        String topic = topicWithRecords("dist");
        int port = Ports.free();
        ConnectWorker.Builder props = ConnectWorker.distributed(parts.kafka().bootstrapServers(), "stop-" + topic)
                .set("offset.flush.interval.ms", "600000")
                .set("listeners", "http://127.0.0.1:" + port);
        Path dir = Files.createTempDirectory("worker-stop");
        Path worker = Files.writeString(dir.resolve("worker.properties"), props.properties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
        Process process = kconnect(dir, List.of("distributed", worker.toString()));
        String rest = "http://127.0.0.1:" + port;
        Await.until("the worker's REST API", Duration.ofSeconds(120), () -> answers(rest + "/connectors"));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rest + "/connectors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + topic + "\",\"config\":{"
                        + sinkConfig(topic).entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",")) + "}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        stopsCleanlyHavingWrittenAndCommittedAll(process, dir, topic);
    }

    @Test
    void aStandaloneWorkerStopsCleanlyAndCommitsWhatItsSinkWrote() throws Exception {
        String topic = topicWithRecords("standalone");
        Path dir = Files.createTempDirectory("worker-stop");
        Path sink = Files.writeString(dir.resolve("sink.properties"), sinkConfig(topic).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
        Process process = kconnect(dir, List.of("standalone", sink.toString(),
                "-D", "bootstrap.servers=" + parts.kafka().bootstrapServers(),
                "-D", "listeners=http://127.0.0.1:" + Ports.free(),
                "-D", "offset.flush.interval.ms=600000"));
        stopsCleanlyHavingWrittenAndCommittedAll(process, dir, topic);
    }

    private void stopsCleanlyHavingWrittenAndCommittedAll(Process process, Path dir, String topic) throws Exception {
        try {
            Await.until("all " + RECORDS + " rows in " + topic, Duration.ofSeconds(120),
                    () -> rows(topic) == RECORDS, () -> "; log:\n" + log(dir));
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped within a minute of SIGTERM; log:\n" + log(dir));
        } finally {
            process.destroyForcibly();
        }
        String log = log(dir);
        assertEquals(143, process.exitValue(), log);
        assertTrue(log.contains("Kafka Connect stopped"), log);
        List<String> troubles = log.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")
                || l.toLowerCase().contains("timed out")).toList();
        assertEquals(List.of(), troubles, "warnings, errors or timeouts in the worker's log");
        assertEquals(RECORDS, rows(topic), "rows in " + topic);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", parts.kafka().bootstrapServers()))) {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("connect-" + topic)
                    .partitionsToOffsetAndMetadata().get().get(partition);
            assertEquals(RECORDS, end);
            assertEquals(end, committed == null ? -1 : committed.offset(), "offset committed by the sink's group");
        }
    }

    /** A topic made before any worker reads it (a missing one is a warning of its own), holding the records. */
    private static String topicWithRecords(String kind) throws Exception {
        String topic = "stop_" + kind + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", parts.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        for (int i = 0; i < RECORDS; i++) {
            parts.producer().send(new ProducerRecord<>(topic, null, "{\"schema\":" + VALUE_SCHEMA
                    + ",\"payload\":{\"id\":" + i + ",\"value\":" + (i * 1.5) + "}}"));
        }
        parts.producer().flush();
        return topic;
    }

    private static Map<String, String> sinkConfig(String topic) {
        return Map.of("name", topic,
                "connector.class", "com.kinetica.kafka.KineticaSinkConnector",
                "tasks.max", "1",
                "topics", topic,
                "kinetica.url", parts.kinetica().url(),
                "kinetica.tables.create_table", "true",
                "kinetica.tables.single_table_per_topic", "true",
                "kinetica.tables.primary_keys", "id",
                "kinetica.batch_size", "300");
    }

    private static Process kconnect(Path dir, List<String> args) throws Exception {
        return KConnectJvm.start(dir, List.of(), args);
    }

    private static String log(Path dir) {
        return KConnectJvm.log(dir);
    }

    private static long rows(String table) {
        return parts.kinetica().hasTable(table) ? parts.kinetica().rowCount(table) : 0;
    }

    private static boolean answers(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}

package dev.kconnect.cli.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide's flows end to end: a real broker, real workers (standalone ones as separate
 * {@code kconnect} processes, distributed ones in this JVM) and the Kinetica emulator.
 */
class PipelinesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path PLUGINS = Path.of("target/plugins").toAbsolutePath();
    static final String VALUE_SCHEMA = "{\"type\":\"struct\",\"name\":\"reading\",\"fields\":["
            + "{\"field\":\"id\",\"type\":\"int64\"},{\"field\":\"sensor\",\"type\":\"string\"},"
            + "{\"field\":\"value\",\"type\":\"double\"}]}";
    static final String KEY_SCHEMA = "{\"type\":\"struct\",\"name\":\"key\",\"fields\":[{\"field\":\"id\",\"type\":\"int64\"}]}";

    static EmbeddedKafka kafka;
    static KineticaEmulator kinetica;
    static GPUdb gpudb;
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        kinetica = KineticaEmulator.start(0);
        gpudb = new GPUdb(kinetica.url(), new GPUdbBase.Options().setDisableAutoDiscovery(true).setDisableFailover(true));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
    }

    @AfterAll
    static void stop() {
        producer.close();
        kinetica.close();
        kafka.close();
    }

    @Test
    void standaloneSinkWritesTopicRecordsAsRows() throws Exception {
        String topic = "sink_" + shortId();
        produce(topic, 0, 500);
        Path sink = sinkFile(topic);
        try (KConnectProcess worker = KConnectProcess.standalone(Files.createTempDirectory("state"), sink)) {
            awaitTrue(() -> rows(topic) == 500, "500 rows in " + topic, worker);
        }
        Map<String, Object> row = kinetica.rows(topic).stream().filter(r -> ((Number) r.get("id")).longValue() == 42L)
                .findFirst().orElseThrow();
        assertEquals("sensor-2", row.get("sensor"));
        assertEquals(42 * 1.5, ((Number) row.get("value")).doubleValue());
    }

    @Test
    void standaloneSourceSendsTableRowsToTheTopic() throws Exception {
        String table = "src_" + shortId();
        Type type = createTable(table);
        insert(table, type, 0, 300);
        Path source = write("source.properties", String.join("\n",
                "name=" + table + "-source",
                "connector.class=com.kinetica.kafka.KineticaSourceConnector",
                "tasks.max=1",
                "kinetica.url=" + kinetica.url(),
                "kinetica.table_names=" + table,
                "kinetica.topic_prefix=kinetica-",
                "kinetica.source.poll_interval_ms=200"));
        try (KConnectProcess worker = KConnectProcess.standalone(Files.createTempDirectory("state"), source)) {
            Set<Long> ids = consumeIds("kinetica-" + table, 300, worker);
            assertEquals(300, ids.size());
        }
    }

    @Test
    void aKilledStandaloneWorkerResumesFromItsOffsetsLosingNothing() throws Exception {
        String topic = "resume_" + shortId();
        Path state = Files.createTempDirectory("state");
        Path sink = sinkFile(topic);
        produce(topic, 0, 2000);
        try (KConnectProcess first = KConnectProcess.standalone(state, sink)) {
            awaitTrue(() -> rows(topic) > 0, "the first rows in " + topic, first);
            first.kill();
        }
        long beforeRestart = rows(topic);
        produce(topic, 2000, 3000);
        try (KConnectProcess second = KConnectProcess.standalone(state, sink)) {
            awaitTrue(() -> rows(topic) == 3000, "all 3000 rows in " + topic + " (had " + beforeRestart + " at the kill)", second);
        }
        Set<Long> ids = new HashSet<>();
        kinetica.rows(topic).forEach(r -> ids.add(((Number) r.get("id")).longValue()));
        assertEquals(3000, ids.size(), "every key exactly once");
    }

    @Test
    void distributedConnectorSurvivesLosingAWorker() throws Exception {
        String table = "dist_" + shortId();
        Type type = createTable(table);
        String group = "kconnect-" + shortId();
        WorkerProcess a = distributedWorker(group);
        WorkerProcess b = distributedWorker(group);
        try {
            // the guide's JSON, pointed at the emulator and a table of this test
            String seed = Files.readString(Path.of("../examples/kinetica-source-connector.json"))
                    .replace("http://localhost:9191", kinetica.url())
                    .replace("\"KafkaConnectorTest\"", "\"" + table + "\"");
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(b.restUrl() + "/connectors"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(seed)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());

            insert(table, type, 0, 200);
            awaitTrue(() -> topicSize(table) >= 200, "first rows on the topic", null);
            a.stop();
            insert(table, type, 200, 400);
            Set<Long> ids = consumeIds(table, 400, null);
            assertEquals(400, ids.size(), "every row arrived, by key");
            awaitTrue(() -> state(b, "kinetica-source-connector").equals("RUNNING"), "RUNNING on the survivor", null);
        } finally {
            b.stop();
            a.stop();
        }
    }

    /**
     * A sink killed with {@code kill -9} while records stream in, then started again from the
     * same offsets file, into a table without a key: the records written since the last commit
     * are written again. Default mode: every record is there, some twice (counted); with
     * primary_key_mode=kafka: exactly one row per record.
     */
    @Test
    void aKilledStandaloneSinkWritesEachRecordExactlyOnceWithKafkaKeys() throws Exception {
        long[] plain = killStandaloneSinkMidStream("record");
        long[] keyed = killStandaloneSinkMidStream("kafka");
        System.out.printf("standalone sink kill -9, %d records: %d rows (%d duplicates) without a key; "
                + "%d rows with primary_key_mode=kafka%n", plain[0], plain[1], plain[1] - plain[0], keyed[1]);
        assertEquals(keyed[0], keyed[1], "exactly one row per record with kafka keys");
        assertTrue(plain[1] >= plain[0], "at least once without a key");
    }

    /** Produced records and rows in the table, after a kill -9 and a restart of a standalone sink. */
    private static long[] killStandaloneSinkMidStream(String keyMode) throws Exception {
        String topic = "crash_" + keyMode + "_" + shortId();
        Path state = Files.createTempDirectory("state");
        Path sink = write("sink.properties", String.join("\n",
                "name=" + topic + "-sink",
                "connector.class=com.kinetica.kafka.KineticaSinkConnector",
                "topics=" + topic,
                "kinetica.url=" + kinetica.url(),
                "kinetica.tables.single_table_per_topic=true",
                "kinetica.tables.primary_key_mode=" + keyMode,
                "kinetica.batch_size=500"));
        int total = 20_000;
        Thread producing = produceKeylessInBackground(topic, total);
        try (KConnectProcess first = KConnectProcess.standalone(state, sink)) {
            awaitTrue(() -> rows(topic) >= 4000, "4000 rows in " + topic, first);
            first.kill();
        }
        try (KConnectProcess second = KConnectProcess.standalone(state, sink)) {
            producing.join();
            awaitTrue(() -> distinctSeqs(topic) == total, "every record in " + topic, second);
            Thread.sleep(2000); // what a late duplicate would need to show up
        }
        assertEquals(total, distinctSeqs(topic), "none lost");
        return new long[]{total, rows(topic)};
    }

    @Test
    void aDistributedSinkLosingAWorkerToKillMinus9WritesEachRecordExactlyOnceWithKafkaKeys() throws Exception {
        String topic = "dcrash_" + shortId();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 2, (short) 1))).all().get();
        }
        String group = "kconnect-" + shortId();
        try (KConnectProcess a = KConnectProcess.distributed(group); KConnectProcess b = KConnectProcess.distributed(group)) {
            awaitTrue(() -> a.answers() && b.answers(), "both workers' REST", a);
            String config = JSON.writeValueAsString(Map.of("name", topic + "-sink", "config", Map.of(
                    "connector.class", "com.kinetica.kafka.KineticaSinkConnector",
                    "tasks.max", "2",
                    "topics", topic,
                    "kinetica.url", kinetica.url(),
                    "kinetica.tables.single_table_per_topic", "true",
                    "kinetica.tables.primary_key_mode", "kafka",
                    "kinetica.batch_size", "500")));
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(b.restUrl + "/connectors")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(config)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            int total = 30_000;
            Thread producing = produceKeylessInBackground(topic, total);
            awaitTrue(() -> rows(topic) >= 5000, "5000 rows in " + topic, a);
            KConnectProcess victim = b.runsTaskOf(topic + "-sink") ? b : a;
            KConnectProcess survivor = victim == a ? b : a;
            victim.kill();
            producing.join();
            awaitTrue(() -> distinctSeqs(topic) == total, "every record in " + topic, survivor);
            Thread.sleep(2000);
            assertEquals(total, rows(topic), "exactly one row per record after losing a worker");
            assertEquals(total, distinctSeqs(topic));
        }
    }

    // ---- helpers

    /** Records with no key and a {@code seq} field, 0 until {@code total}, a thousand every 50 ms. */
    static Thread produceKeylessInBackground(String topic, int total) {
        String schema = "{\"type\":\"struct\",\"fields\":[{\"field\":\"seq\",\"type\":\"int64\"}]}";
        Thread t = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                producer.send(new ProducerRecord<>(topic, null, "{\"schema\":" + schema + ",\"payload\":{\"seq\":"
                        + i + "}}"));
                if (i % 1000 == 999) {
                    producer.flush();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            producer.flush();
        }, "produce-" + topic);
        t.start();
        return t;
    }

    static long distinctSeqs(String table) {
        return kinetica.hasTable(table) ? kinetica.rows(table).stream().map(r -> r.get("seq")).distinct().count() : 0;
    }

    static WorkerProcess distributedWorker(String group) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", group);
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("config.storage.topic", group + "-configs");
        props.put("offset.storage.topic", group + "-offsets");
        props.put("status.storage.topic", group + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.flush.interval.ms", "1000");
        props.put("scheduled.rebalance.max.delay.ms", "2000");
        props.put("listeners", "http://127.0.0.1:" + Ports.free());
        WorkerSettings settings = WorkerSettings.build(false, props, Map.of(), PLUGINS, null);
        return WorkerProcess.start(false, settings.props(), new PrintWriter(new StringWriter()));
    }

    static String state(WorkerProcess worker, String connector) {
        try {
            return worker.herder().connectorStatus(connector).connector().state();
        } catch (RuntimeException e) {
            return "UNKNOWN";
        }
    }

    static Path sinkFile(String topic) throws Exception {
        return write("sink.properties", String.join("\n",
                "name=" + topic + "-sink",
                "connector.class=com.kinetica.kafka.KineticaSinkConnector",
                "tasks.max=1",
                "topics=" + topic,
                "kinetica.url=" + kinetica.url(),
                "kinetica.tables.single_table_per_topic=true",
                "kinetica.batch_size=100"));
    }

    static void produce(String topic, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            String key = "{\"schema\":" + KEY_SCHEMA + ",\"payload\":{\"id\":" + i + "}}";
            String value = "{\"schema\":" + VALUE_SCHEMA + ",\"payload\":{\"id\":" + i + ",\"sensor\":\"sensor-" + (i % 5)
                    + "\",\"value\":" + (i * 1.5) + "}}";
            producer.send(new ProducerRecord<>(topic, key, value));
        }
        producer.flush();
    }

    static Type createTable(String table) throws Exception {
        Type type = new Type(
                new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
                new Type.Column("sensor", String.class),
                new Type.Column("value", Double.class));
        gpudb.createTable(table, type.create(gpudb), GPUdbBase.options());
        return type;
    }

    static void insert(String table, Type type, int from, int to) throws Exception {
        List<GenericRecord> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            GenericRecord r = new GenericRecord(type);
            r.put("id", (long) i);
            r.put("sensor", "sensor-" + (i % 5));
            r.put("value", i * 1.5);
            records.add(r);
        }
        gpudb.insertRecords(table, records, GPUdbBase.options());
    }

    static long rows(String table) {
        return kinetica.hasTable(table) ? kinetica.rowCount(table) : 0;
    }

    static long topicSize(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static Set<Long> consumeIds(String topic, int expected, KConnectProcess worker) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (ids.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode value = JSON.readTree(r.value());
                    ids.add(value.path("payload").path("id").asLong());
                }
            }
        }
        assertEquals(expected, ids.size(), "records on " + topic + (worker == null ? "" : "; worker output:\n" + worker.output()));
        return ids;
    }

    static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "t-" + shortId(),
                "auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
    }

    static void awaitTrue(BooleanSupplier condition, String what, KConnectProcess worker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what
                        + (worker == null ? "" : "; worker output:\n" + worker.output()));
            }
            Thread.sleep(200);
        }
    }

    static Path write(String name, String content) throws Exception {
        Path p = Files.createTempDirectory("kconnect-pipeline").resolve(name);
        Files.writeString(p, content + "\n");
        return p;
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code kconnect standalone} or {@code distributed} in its own JVM, so that it can be killed like a real process. */
    static final class KConnectProcess implements AutoCloseable {
        private final Process process;
        private final Path output;
        final String restUrl;

        private KConnectProcess(Process process, Path output, String restUrl) {
            this.process = process;
            this.output = output;
            this.restUrl = restUrl;
        }

        /** A distributed worker of {@code group}, committing sink offsets every second. */
        static KConnectProcess distributed(String group) throws Exception {
            int port = Ports.free();
            Path worker = write("worker.properties", String.join("\n",
                    "bootstrap.servers=" + kafka.bootstrapServers(),
                    "group.id=" + group,
                    "config.storage.topic=" + group + "-configs",
                    "offset.storage.topic=" + group + "-offsets",
                    "status.storage.topic=" + group + "-status",
                    "config.storage.replication.factor=1",
                    "offset.storage.replication.factor=1",
                    "status.storage.replication.factor=1",
                    "key.converter=org.apache.kafka.connect.json.JsonConverter",
                    "value.converter=org.apache.kafka.connect.json.JsonConverter",
                    "offset.flush.interval.ms=1000",
                    "scheduled.rebalance.max.delay.ms=2000",
                    "consumer.session.timeout.ms=6000",
                    "listeners=http://127.0.0.1:" + port));
            Path out = Files.createTempFile("kconnect-distributed", ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dkconnect.plugins=" + PLUGINS,
                    "dev.kconnect.cli.KConnect", "distributed", worker.toString(),
                    "--log-dir", worker.getParent().resolve("logs").toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            return new KConnectProcess(pb.start(), out, "http://127.0.0.1:" + port);
        }

        boolean answers() {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(restUrl + "/connectors"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }

        /** Whether this worker runs a task of {@code connector}, by its REST port in the tasks' worker ids. */
        boolean runsTaskOf(String connector) throws Exception {
            JsonNode status = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(restUrl + "/connectors/" + connector + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String port = restUrl.substring(restUrl.lastIndexOf(':'));
            for (JsonNode task : status.path("tasks")) {
                if (task.path("worker_id").asText().endsWith(port)) {
                    return true;
                }
            }
            return false;
        }

        static KConnectProcess standalone(Path stateDir, Path connectorFile) throws Exception {
            Path out = Files.createTempFile("kconnect-standalone", ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dkconnect.plugins=" + PLUGINS,
                    "dev.kconnect.cli.KConnect", "standalone", connectorFile.toString(),
                    "-D", "bootstrap.servers=" + kafka.bootstrapServers(),
                    "-D", "listeners=http://127.0.0.1:" + Ports.free(),
                    "-D", "offset.flush.interval.ms=1000",
                    // a killed worker's consumer leaves the group after this, not the default 45 s
                    "-D", "consumer.session.timeout.ms=6000",
                    "--log-dir", stateDir.resolve("logs").toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("KCONNECT_STATE_DIR", stateDir.toString());
            return new KConnectProcess(pb.start(), out, null);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        String output() {
            try {
                return Files.readString(output);
            } catch (Exception e) {
                return "(no output: " + e + ")";
            }
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroy(); // SIGTERM: the worker stops cleanly and commits offsets
                process.waitFor();
            }
        }
    }
}

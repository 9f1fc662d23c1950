package dev.kconnect.runtime.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdbBase;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.ConnectWorker;
import dev.kconnect.testkit.KafkaAndKinetica;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.jetty.util.thread.ShutdownThread;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide's flows end to end: a real broker, real workers (standalone ones as separate
 * {@code kconnect} processes, distributed ones in this JVM) and the Kinetica emulator.
 * <p>
 * Its broker, emulator, topics, tables and worker groups are its own, and it spends most of its time
 * waiting on worker processes: the class runs beside the module's other test classes (CONCURRENT),
 * its tests one after the other (the lock).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("PipelinesTest")
class PipelinesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path PLUGINS = Path.of("target/plugins").toAbsolutePath();
    static final String VALUE_SCHEMA = "{\"type\":\"struct\",\"name\":\"reading\",\"fields\":["
            + "{\"field\":\"id\",\"type\":\"int64\"},{\"field\":\"sensor\",\"type\":\"string\"},"
            + "{\"field\":\"value\",\"type\":\"double\"}]}";
    static final String KEY_SCHEMA = "{\"type\":\"struct\",\"name\":\"key\",\"fields\":[{\"field\":\"id\",\"type\":\"int64\"}]}";

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
    void standaloneSinkWritesTopicRecordsAsRows() throws Exception {
        String topic = "sink_" + shortId();
        produce(topic, 0, 500);
        Path sink = sinkFile(topic);
        try (KConnectProcess worker = KConnectProcess.standalone(Files.createTempDirectory("state"), sink)) {
            awaitTrue(() -> rows(topic) == 500, "500 rows in " + topic, worker);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(worker.restUrl + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "a started standalone worker is healthy: " + health.body());
        }
        Map<String, Object> row = parts.kinetica().rows(topic).stream().filter(r -> ((Number) r.get("id")).longValue() == 42L)
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
                "kinetica.url=" + parts.kinetica().url(),
                "kinetica.table_names=" + table,
                "kinetica.topic_prefix=kinetica-",
                "kinetica.source.poll_interval_ms=200"));
        try (KConnectProcess worker = KConnectProcess.standalone(Files.createTempDirectory("state"), source)) {
            Set<Long> ids = consumeIds("kinetica-" + table, 300, worker);
            assertEquals(300, ids.size());
        }
    }

    @Test
    void onlyConnectStopsTheRestServerSoASigtermRightAfterTheStartCannotHangTheWorker() throws Exception {
        Map<String, String> props = Map.of("bootstrap.servers", parts.kafka().bootstrapServers(),
                "listeners", "http://127.0.0.1:" + Ports.free());
        WorkerSettings settings = WorkerSettings.build(true, props, Map.of(), PLUGINS,
                Files.createTempFile("hook", ".offsets"));
        WorkerProcess worker = WorkerProcess.start(true, settings.props(), new PrintWriter(new StringWriter()));
        try {
            // Jetty's own hook destroying the server while Connect stopped it left the REST server's
            // threads running and the stop waiting for them for ever (a worker SIGTERMed as its task started)
            assertFalse(Runtime.getRuntime().removeShutdownHook(ShutdownThread.getInstance()),
                    "Jetty's shutdown hook is still registered beside Connect's");
        } finally {
            worker.stop();
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
        parts.kinetica().rows(topic).forEach(r -> ids.add(((Number) r.get("id")).longValue()));
        assertEquals(3000, ids.size(), "every key exactly once");
    }

    @Test
    void theOneFileStandaloneSourceKeepsItsOffsetsAcrossACleanRestart() throws Exception {
        String table = "restart_" + shortId();
        Type type = createTable(table);
        insert(table, type, 0, 20);
        Path state = Files.createTempDirectory("state"); // a new machine: no standalone/ folder yet
        Path source = sourceFile(table);
        try (KConnectProcess first = KConnectProcess.standalone(state, source)) {
            assertEquals(20, readUntil(table, 19).size());
        } // SIGTERM: a clean stop commits the offsets
        assertTrue(Files.exists(state.resolve("standalone").resolve(table + "-source.offsets")));
        insert(table, type, 20, 40);
        try (KConnectProcess second = KConnectProcess.standalone(state, source)) {
            List<Long> ids = readUntil(table, 39); // in order: a row sent again would come before 39
            assertEquals(40, ids.size(), "records on the topic");
            assertEquals(40, new HashSet<>(ids).size(), "distinct rows");
        }
    }

    @Test
    void aSecondStandaloneWorkerForTheSameConnectorIsRefused() throws Exception {
        String table = "twice_" + shortId();
        Type type = createTable(table);
        insert(table, type, 0, 10);
        Path state = Files.createTempDirectory("state");
        Path source = sourceFile(table);
        try (KConnectProcess first = KConnectProcess.standalone(state, source)) {
            assertEquals(10, readUntil(table, 9).size());
            try (KConnectProcess second = KConnectProcess.standalone(state, source)) {
                assertEquals(2, second.waitFor());
                Path offsets = state.resolve("standalone").resolve(table + "-source.offsets");
                assertEquals("kconnect standalone: connector \"" + table + "-source\" is already run by another "
                        + "worker, which holds " + offsets + ".lock; stop that worker first, or name this connector "
                        + "differently", second.output().strip());
            }
            insert(table, type, 10, 20);
            List<Long> ids = readUntil(table, 19);
            assertEquals(20, ids.size(), "records on the topic");
        }
    }

    /**
     * kill -9 mid-stream: no row is lost, and the rows sent twice are exactly those sent after the
     * offset last flushed to the offsets file, ids (committed, last on the topic at the kill].
     */
    @Test
    void aKilledStandaloneSourceResendsOnlyWhatCameAfterItsLastOffsetFlush() throws Exception {
        int rows = 200_000;
        String table = "kill9_" + shortId();
        Type type = createTable(table);
        insert(table, type, 0, rows);
        Path state = Files.createTempDirectory("state");
        Path offsets = state.resolve("standalone").resolve(table + "-source.offsets");
        try (KConnectProcess first = KConnectProcess.standalone(state, sourceFile(table))) {
            awaitTrue(() -> topicSize(table) >= rows / 10, "the first rows on " + table, first);
            first.kill();
        }
        long committed = committedIncrementing(offsets);
        List<Long> beforeRestart = readUntil(table, -1);
        long lastBeforeKill = beforeRestart.get(beforeRestart.size() - 1);
        try (KConnectProcess second = KConnectProcess.standalone(state, sourceFile(table))) {
            List<Long> ids = readUntil(table, rows - 1);
            assertEquals(rows, new HashSet<>(ids).size(), "distinct rows: none lost");
            long duplicated = ids.size() - rows;
            assertEquals(lastBeforeKill - committed, duplicated, "rows sent twice");
            System.out.printf("kill -9 after %d of %d rows on the topic; offset flushed up to id %d; %d rows sent twice%n",
                    beforeRestart.size(), rows, committed, duplicated);
        }
    }

    /**
     * Two distributed workers with exactly-once source support, the connector asking for
     * exactly-once with no mode set (auto: the table's integer key) on one table and
     * timestamp+incrementing (100 rows per timestamp) on another: the worker running the task is
     * killed mid-stream, the other takes the task over, and a read_committed consumer sees every
     * row of both once.
     */
    @Test
    void exactlyOnceSurvivesAKilledDistributedWorker() throws Exception {
        int rows = 100_000;
        String table = "eos_" + shortId();
        String timed = table + "_ts";
        insert(table, createTable(table), 0, rows);
        Type timedType = new Type(new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
                new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP), new Type.Column("sensor", String.class));
        parts.gpudb().createTable(timed, timedType.create(parts.gpudb()), GPUdbBase.options());
        List<GenericRecord> timedRows = new ArrayList<>();
        for (long id = 0; id < rows / 2; id++) {
            GenericRecord r = new GenericRecord(timedType);
            r.put("id", id);
            r.put("ts", 1_700_000_000_000L + id / 100);
            r.put("sensor", "sensor-" + id % 5);
            timedRows.add(r);
        }
        parts.gpudb().insertRecords(timed, timedRows, GPUdbBase.options());
        try (KConnectProcess a = KConnectProcess.distributed(table, "exactly.once.source.support=enabled");
             KConnectProcess b = KConnectProcess.distributed(table, "exactly.once.source.support=enabled")) {
            String connector = "{\"name\":\"" + table + "\",\"config\":{"
                    + "\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":\"1\","
                    + "\"kinetica.url\":\"" + parts.kinetica().url() + "\",\"kinetica.table_names\":\"" + table + "," + timed + "\","
                    + "\"kinetica.source.mode\":\"auto," + timed + "=timestamp+incrementing\","
                    + "\"kinetica.source.batch_size\":\"1000\",\"exactly.once.support\":\"required\"}}";
            awaitTrue(() -> post(a.restUrl + "/connectors", connector) == 201, "the connector created", a);
            awaitTrue(() -> topicSize(table) >= rows / 10, "the first rows on " + table, a);
            awaitTrue(() -> taskRunning(a.restUrl, table), "task 0 of " + table + " running", a);
            KConnectProcess victim = a.runsTaskOf(table) ? a : b;
            victim.kill();
            int committedAtKill = readUntil(table, -1).size() + readUntil(timed, -1).size();
            List<Long> ids = readUntil(table, rows - 1);
            List<Long> timedIds = readUntil(timed, rows / 2 - 1);
            assertEquals(rows, new HashSet<>(ids).size(), "distinct rows of " + table + ": none lost");
            assertEquals(rows, ids.size(), "records of " + table + " read committed: none twice");
            assertEquals(rows / 2, new HashSet<>(timedIds).size(), "distinct rows of " + timed + ": none lost");
            assertEquals(rows / 2, timedIds.size(), "records of " + timed + " read committed: none twice");
            System.out.printf("exactly-once: worker %s killed with %d of %d rows committed; %d records, %d distinct%n",
                    victim.restUrl, committedAtKill, rows * 3 / 2, ids.size() + timedIds.size(),
                    new HashSet<>(ids).size() + new HashSet<>(timedIds).size());
        }
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
                    .replace("http://localhost:9191", parts.kinetica().url())
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
     * Two sinks of one topic in one standalone worker, killed with {@code kill -9} while records
     * stream in, then started again from the same offsets: the records written since the last
     * commit are written again. Into a table without a key every record is there, some twice
     * (counted); with primary_key_mode=kafka exactly one row per record.
     */
    @Test
    void aKilledStandaloneSinkWritesEachRecordExactlyOnceWithKafkaKeys() throws Exception {
        String topic = "crash_" + shortId();
        Path state = Files.createTempDirectory("state");
        List<Path> sinks = new ArrayList<>();
        for (String mode : List.of("record", "kafka")) {
            sinks.add(write(mode + ".properties", String.join("\n",
                    "name=" + topic + "-" + mode,
                    "connector.class=com.kinetica.kafka.KineticaSinkConnector",
                    "topics=" + topic,
                    "kinetica.url=" + parts.kinetica().url(),
                    "kinetica.tables.single_table_per_topic=true",
                    "kinetica.tables.prefix=" + mode + "_",
                    "kinetica.tables.primary_key_mode=" + mode,
                    "kinetica.batch_size=500")));
        }
        String plain = "record_" + topic;
        String keyed = "kafka_" + topic;
        int total = 12_000;
        Thread producing = produceKeylessInBackground(topic, total);
        try (KConnectProcess first = KConnectProcess.standalone(state, sinks, "offset.flush.interval.ms=1000")) {
            awaitTrue(() -> rows(plain) >= 3000 && rows(keyed) >= 3000, "3000 rows in both tables", first);
            first.kill();
        }
        try (KConnectProcess second = KConnectProcess.standalone(state, sinks, "offset.flush.interval.ms=1000")) {
            awaitEnd(producing);
            awaitTrue(() -> distinctSeqs(plain) == total && distinctSeqs(keyed) == total, "every record in both",
                    second);
            // once every offset is committed nothing is written again: a late duplicate would be in by then
            awaitCommitted(topic + "-record", total, second);
            awaitCommitted(topic + "-kafka", total, second);
        }
        System.out.printf("standalone sink kill -9, %d records: %d rows (%d duplicates) without a key; "
                + "%d rows with primary_key_mode=kafka%n", total, rows(plain), rows(plain) - total, rows(keyed));
        assertEquals(total, distinctSeqs(plain), "none lost without a key");
        assertTrue(rows(plain) >= total, "at least once without a key");
        assertEquals(total, rows(keyed), "exactly one row per record with kafka keys");
        assertEquals(total, distinctSeqs(keyed));
    }

    @Test
    void aDistributedSinkLosingAWorkerToKillMinus9WritesEachRecordExactlyOnceWithKafkaKeys() throws Exception {
        String topic = "dcrash_" + shortId();
        try (Admin admin = Admin.create(
                Map.of("bootstrap.servers", parts.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 2, (short) 1))).all()
                    .get(60, TimeUnit.SECONDS);
        }
        String group = "kconnect-" + shortId();
        try (KConnectProcess a = KConnectProcess.distributed(group); KConnectProcess b = KConnectProcess.distributed(group)) {
            awaitTrue(() -> a.answers() && b.answers(), "both workers' REST", a);
            String config = JSON.writeValueAsString(Map.of("name", topic + "-sink", "config", Map.of(
                    "connector.class", "com.kinetica.kafka.KineticaSinkConnector",
                    "tasks.max", "2",
                    "topics", topic,
                    "kinetica.url", parts.kinetica().url(),
                    "kinetica.tables.single_table_per_topic", "true",
                    "kinetica.tables.primary_key_mode", "kafka",
                    "kinetica.batch_size", "500")));
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(b.restUrl + "/connectors")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(config)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            int total = 15_000;
            Thread producing = produceKeylessInBackground(topic, total);
            awaitTrue(() -> rows(topic) >= 3000, "3000 rows in " + topic, a);
            KConnectProcess victim = b.runsTaskOf(topic + "-sink") ? b : a;
            KConnectProcess survivor = victim == a ? b : a;
            victim.kill();
            awaitEnd(producing);
            awaitTrue(() -> distinctSeqs(topic) == total, "every record in " + topic, survivor);
            awaitCommitted(topic + "-sink", total, survivor);
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
                parts.producer().send(new ProducerRecord<>(topic, null, "{\"schema\":" + schema + ",\"payload\":{\"seq\":"
                        + i + "}}"));
                if (i % 1000 == 999) {
                    parts.producer().flush();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            parts.producer().flush();
        }, "produce-" + topic);
        t.start();
        return t;
    }

    static void awaitEnd(Thread producing) throws InterruptedException {
        producing.join(Duration.ofSeconds(120).toMillis());
        assertFalse(producing.isAlive(), producing.getName() + " still produced after two minutes");
    }

    /** Until the sink {@code connector} has committed the offsets of all {@code total} records of its topic. */
    static void awaitCommitted(String connector, long total, KConnectProcess worker) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", parts.kafka().bootstrapServers()))) {
            awaitTrue(() -> committed(admin, connector) == total, "the offsets of all " + total + " records committed by "
                    + connector, worker);
        }
    }

    static long committed(Admin admin, String connector) {
        try {
            return admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).values().stream().filter(Objects::nonNull)
                    .mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            return -1; // not known yet
        }
    }

    static long distinctSeqs(String table) {
        return parts.kinetica().hasTable(table) ? parts.kinetica().rows(table).stream().map(r -> r.get("seq")).distinct().count() : 0;
    }

    static WorkerProcess distributedWorker(String group) {
        Map<String, String> props = ConnectWorker.distributed(parts.kafka().bootstrapServers(), group)
                .set("offset.flush.interval.ms", "1000")
                .set("scheduled.rebalance.max.delay.ms", "2000")
                .set("listeners", "http://127.0.0.1:" + Ports.free())
                .properties();
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

    static Path sourceFile(String table) throws Exception {
        return write("source.properties", String.join("\n",
                "name=" + table + "-source",
                "connector.class=com.kinetica.kafka.KineticaSourceConnector",
                "tasks.max=1",
                "kinetica.url=" + parts.kinetica().url(),
                "kinetica.table_names=" + table,
                "kinetica.source.poll_interval_ms=200"));
    }

    /**
     * The ids on {@code topic} from its start, in order, once {@code lastId} is among them; with
     * -1, what is there now.
     */
    static List<Long> readUntil(String topic, long lastId) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            awaitTrue(() -> topicSize(topic) > 0, "topic " + topic, null);
            var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            Await.until("id " + lastId + " on " + topic, Duration.ofSeconds(120), () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(idOf(r.value()));
                }
                return lastId >= 0 ? ids.contains(lastId) : consumer.position(partition) >= end;
            }, () -> "; read " + ids.size());
        }
        return ids;
    }

    /** The incrementing offset a standalone worker flushed to its offsets file (Connect's format), -1 for none. */
    static long committedIncrementing(Path offsetsFile) throws Exception {
        if (!Files.exists(offsetsFile)) {
            return -1;
        }
        try (var in = new java.io.ObjectInputStream(Files.newInputStream(offsetsFile))) {
            Map<?, ?> stored = (Map<?, ?>) in.readObject();
            long committed = -1;
            for (Object value : stored.values()) {
                committed = JSON.readTree((byte[]) value).path("incrementing").asLong(-1);
            }
            return committed;
        }
    }

    static int post(String url, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1; // not up yet
        }
    }

    static boolean taskRunning(String rest, String connector) {
        try {
            return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(rest + "/connectors/" + connector + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("tasks").path(0).path("state").asText().equals("RUNNING");
        } catch (Exception e) {
            return false;
        }
    }

    static Path sinkFile(String topic) throws Exception {
        return write("sink.properties", String.join("\n",
                "name=" + topic + "-sink",
                "connector.class=com.kinetica.kafka.KineticaSinkConnector",
                "tasks.max=1",
                "topics=" + topic,
                "kinetica.url=" + parts.kinetica().url(),
                "kinetica.tables.single_table_per_topic=true",
                "kinetica.batch_size=100"));
    }

    static void produce(String topic, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            String key = "{\"schema\":" + KEY_SCHEMA + ",\"payload\":{\"id\":" + i + "}}";
            String value = "{\"schema\":" + VALUE_SCHEMA + ",\"payload\":{\"id\":" + i + ",\"sensor\":\"sensor-" + (i % 5)
                    + "\",\"value\":" + (i * 1.5) + "}}";
            parts.producer().send(new ProducerRecord<>(topic, key, value));
        }
        parts.producer().flush();
    }

    static Type createTable(String table) throws Exception {
        Type type = new Type(
                new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
                new Type.Column("sensor", String.class),
                new Type.Column("value", Double.class));
        parts.gpudb().createTable(table, type.create(parts.gpudb()), GPUdbBase.options());
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
        parts.gpudb().insertRecords(table, records, GPUdbBase.options());
    }

    static long rows(String table) {
        return parts.kinetica().hasTable(table) ? parts.kinetica().rowCount(table) : 0;
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
            Await.poll(Duration.ofSeconds(120), () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    ids.add(idOf(r.value()));
                }
                return ids.size();
            }, n -> n >= expected);
        }
        assertEquals(expected, ids.size(), "records on " + topic + (worker == null ? "" : "; worker output:\n" + worker.output()));
        return ids;
    }

    private static long idOf(String value) {
        try {
            return JSON.readTree(value).path("payload").path("id").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", parts.kafka().bootstrapServers(), "group.id", "t-" + shortId(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
    }

    static void awaitTrue(BooleanSupplier condition, String what, KConnectProcess worker) {
        Await.until(what, Duration.ofSeconds(120), condition, () -> worker == null ? "" : "; worker output:\n" + worker.output());
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

        /** A distributed worker of {@code group}, committing sink offsets every second, plus {@code settings}. */
        static KConnectProcess distributed(String group, String... settings) throws Exception {
            int port = Ports.free();
            ConnectWorker.Builder props = ConnectWorker.distributed(parts.kafka().bootstrapServers(), group)
                    .set("offset.flush.interval.ms", "1000")
                    .set("scheduled.rebalance.max.delay.ms", "2000")
                    .set("consumer.session.timeout.ms", "6000")
                    .set("listeners", "http://127.0.0.1:" + port);
            for (String setting : settings) {
                String[] keyValue = setting.split("=", 2);
                props.set(keyValue[0], keyValue[1]);
            }
            Path worker = write("worker.properties", props.properties().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
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

        /** A standalone worker with kconnect's defaults, and {@code settings} (key=value) passed as -D. */
        static KConnectProcess standalone(Path stateDir, Path connectorFile, String... settings) throws Exception {
            return standalone(stateDir, List.of(connectorFile), settings);
        }

        static KConnectProcess standalone(Path stateDir, List<Path> connectorFiles, String... settings)
                throws Exception {
            int port = Ports.free();
            Path out = Files.createTempFile("kconnect-standalone", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dkconnect.plugins=" + PLUGINS,
                    "dev.kconnect.cli.KConnect", "standalone"));
            connectorFiles.forEach(f -> command.add(f.toString()));
            command.addAll(List.of("-D", "bootstrap.servers=" + parts.kafka().bootstrapServers(),
                    "-D", "listeners=http://127.0.0.1:" + port,
                    // a killed worker's consumer leaves the group after this, not the default 45 s
                    "-D", "consumer.session.timeout.ms=6000",
                    "--log-dir", stateDir.resolve("logs").toString()));
            for (String setting : settings) {
                command.addAll(List.of("-D", setting));
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("KCONNECT_STATE_DIR", stateDir.toString());
            return new KConnectProcess(pb.start(), out, "http://127.0.0.1:" + port);
        }

        /** Waits for the process to end by itself, and returns its exit code; -1 when it still runs after a minute. */
        int waitFor() throws InterruptedException {
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        }

        void kill() throws InterruptedException {
            assertTrue(process.destroyForcibly().waitFor(60, TimeUnit.SECONDS), "kill -9 ended the worker");
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
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the worker did not stop within a minute of SIGTERM; output:\n" + output());
                }
            }
        }
    }
}

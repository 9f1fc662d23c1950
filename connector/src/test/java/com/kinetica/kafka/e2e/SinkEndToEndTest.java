package com.kinetica.kafka.e2e;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import com.kinetica.kafka.KineticaSinkConnector;
import com.kinetica.kafka.sink.DebeziumStream;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.ConnectWorker;
import dev.kconnect.testkit.KineticaUnderTest;
import dev.kconnect.testkit.NewTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sink in a real Connect worker (distributed, in-process) reading a real KRaft broker and
 * writing into the Kinetica under test through the real client: JSON with schemas, schemaless
 * JSON, and a record that cannot be written going to the dead-letter queue; on the emulator also
 * an outage waited out with the default settings, and server errors that send nothing there.
 * Offsets end committed.
 * <p>
 * Everything it runs is its own and it mostly waits: it runs beside the module's other test classes
 * (CONCURRENT), its tests one after the other (the lock).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("SinkEndToEndTest")
@Tag("kinetica")
class SinkEndToEndTest {
    static EmbeddedKafka kafka;
    static KineticaUnderTest kinetica;
    static ConnectWorker connect;
    static String rest;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        kinetica = KineticaUnderTest.start();
        connect = ConnectWorker.distributed(kafka.bootstrapServers(), "e2e-connect").start();
        rest = connect.url();
    }

    @AfterAll
    static void stop() {
        if (connect != null) {
            connect.close();
        }
        if (kinetica != null) {
            kinetica.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void jsonWithSchemasUpsertsByKeyAndDeletesOnTombstones() throws Exception {
        String topic = "orders";
        // two partitions, two tasks: both write into the one table, which only one of them creates
        NewTopics.create(kafka.bootstrapServers(), List.of(new NewTopic(topic, 2, (short) 1)));
        String keySchema = "{\"type\":\"struct\",\"fields\":[{\"field\":\"id\",\"type\":\"int64\"}]}";
        String valueSchema = "{\"type\":\"struct\",\"name\":\"com.acme.Order\",\"fields\":["
                + "{\"field\":\"id\",\"type\":\"int64\"},{\"field\":\"item\",\"type\":\"string\"},"
                + "{\"field\":\"qty\",\"type\":\"int32\"},{\"field\":\"note\",\"type\":\"string\",\"optional\":true},"
                + "{\"field\":\"at\",\"type\":\"int64\",\"name\":\"org.apache.kafka.connect.data.Timestamp\"}]}";
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 30; i++) {
                long id = i % 20; // ids 0..9 are written twice: the second write wins
                String key = "{\"schema\":" + keySchema + ",\"payload\":{\"id\":" + id + "}}";
                String value = "{\"schema\":" + valueSchema + ",\"payload\":{\"id\":" + id + ",\"item\":\"item-" + i
                        + "\",\"qty\":" + i + ",\"note\":null,\"at\":1700000000000}}";
                producer.send(new ProducerRecord<>(topic, key, value));
            }
            producer.send(new ProducerRecord<>(topic, "{\"schema\":" + keySchema + ",\"payload\":{\"id\":19}}", null));
        }
        createConnector("orders-sink", Map.of(
                "topics", topic,
                "tasks.max", "2",
                "kinetica.tables.delete_on_tombstone", "true",
                "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable", "true",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "true"));
        awaitTrue("19 rows in Order", () -> kinetica.hasTable("Order") && kinetica.rowCount("Order") == 19
                && kinetica.rows("Order").stream().anyMatch(r -> "item-29".equals(r.get("item"))));
        Type type = kinetica.type("Order");
        assertTrue(type.getColumn("id").hasProperty(ColumnProperty.PRIMARY_KEY));
        assertTrue(type.getColumn("at").hasProperty(ColumnProperty.TIMESTAMP));
        assertTrue(type.getColumn("note").isNullable());
        Map<Long, String> items = new HashMap<>();
        kinetica.rows("Order").forEach(r -> items.put((Long) r.get("id"), (String) r.get("item")));
        assertEquals("item-20", items.get(0L));
        assertEquals("item-18", items.get(18L));
        awaitCommitted("orders-sink", topic, 31);
        assertRunning("orders-sink");
        assertTrue(runningTasks("orders-sink") == 2);
    }

    /**
     * Debezium's JSON with schemas, as its connector writes it through Connect's JsonConverter, on
     * two partitions (keyed by id) read by two tasks: 200 creates, 100 updates and 40 deletes over
     * 30 keys; the table ends equal to the source, key by key and column by column.
     */
    @Test
    void debeziumChangeEventsEndEqualToTheSource() throws Exception {
        String topic = DebeziumStream.PREFIX;
        NewTopics.create(kafka.bootstrapServers(), List.of(new NewTopic(topic, 2, (short) 1)));
        DebeziumStream s = DebeziumStream.generate(6, 200, 100, 40, 30);
        assertEquals(380, s.events.size(), "200 c, 100 u, 40 d, each d followed by its tombstone");
        DebeziumStream.Converters json = new DebeziumStream.Converters(true);
        try (KafkaProducer<String, String> producer = producer()) {
            for (DebeziumStream.Event e : s.events) {
                Struct key = new Struct(DebeziumStream.KEY).put("id", e.id());
                byte[] value = e.op() == null ? null
                        : json.json(topic, DebeziumStream.envelope(e.op(), e.before(), e.after()));
                producer.send(new ProducerRecord<>(topic, new String(json.jsonKey(topic, key), UTF_8),
                        value == null ? null : new String(value, UTF_8)));
            }
        }
        createConnector("cdc-sink", Map.of(
                "topics", topic,
                "tasks.max", "2",
                "kinetica.tables.delete_on_tombstone", "true",
                "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable", "true",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "true"));
        Map<Long, Map<String, Object>> expected = new HashMap<>();
        s.state.forEach((id, row) -> expected.put(id, DebeziumStream.expected(row)));
        String table = topic.replace('.', '_');
        awaitTrue(expected.size() + " rows equal to the source in " + table, () -> kinetica.hasTable(table)
                && rowsById(table).equals(expected));
        awaitCommitted("cdc-sink", topic, s.events.size());
        assertEquals(expected, rowsById(table));
        assertRunning("cdc-sink");
    }

    private static Map<Long, Map<String, Object>> rowsById(String table) {
        Map<Long, Map<String, Object>> rows = new HashMap<>();
        kinetica.rows(table).forEach(r -> rows.put(((Number) r.get("id")).longValue(), DebeziumStream.normalized(r)));
        return rows;
    }

    @Test
    void schemalessJsonAndTheDeadLetterQueue() throws Exception {
        String topic = "events";
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, null, "{\"seq\":" + i + ",\"kind\":\"k" + (i % 3)
                        + "\",\"score\":" + (i * 1.5) + "}"));
            }
            producer.send(new ProducerRecord<>(topic, null, "{\"seq\":\"not a number\",\"kind\":\"bad\"}"));
            producer.send(new ProducerRecord<>(topic, null, "[1,2,3]"));
            producer.send(new ProducerRecord<>(topic, null, "{\"seq\":10,\"kind\":\"last\"}"));
        }
        Map<String, String> config = new HashMap<>();
        config.put("topics", topic);
        config.put("kinetica.tables.single_table_per_topic", "true");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "false");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", "events-dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        createConnector("events-sink", config);
        awaitTrue("11 rows in events", () -> kinetica.hasTable("events") && kinetica.rowCount("events") == 11);
        List<String> dead = readAll("events-dlq", 2);
        assertEquals(2, dead.size(), dead.toString());
        assertTrue(dead.get(0).contains("not a number"), dead.toString());
        awaitCommitted("events-sink", topic, 13);
        assertRunning("events-sink");
    }

    @Test
    @Tag("emulator-only")
    void anOutageLongerThanTheOldRetriesIsWaitedOutWithTheDefaultSettings() throws Exception {
        String topic = "outage";
        KineticaEmulator emu = emulator();
        String table = kinetica.table(topic);
        produceSeqs(topic, 0, 2000);
        createConnector("outage-sink", schemaless(topic));
        awaitTrue("2000 rows in " + table, () -> emu.hasTable(table) && emu.rowCount(table) == 2000);
        emu.faults().down();
        try {
            produceSeqs(topic, 2000, 4000);
            Thread.sleep(10_000); // the old defaults (one retry, 3 s apart) failed the task after ~4 s
            assertRunning("outage-sink");
        } finally {
            emu.faults().up();
        }
        awaitTrue("4000 rows in " + table, () -> emu.rowCount(table) >= 4000);
        awaitCommitted("outage-sink", topic, 4000);
        assertEquals(4000, emu.rowCount(table), "no row twice in a table without a key");
        assertEquals(4000, distinctSeqs(emu, table));
        assertRunning("outage-sink");
    }

    @Test
    @Tag("emulator-only")
    void fortyServerErrorsSendNoRecordToTheDeadLetterQueueAndARefusedRecordIsTheOnlyOneThere() throws Exception {
        String topic = "faults";
        KineticaEmulator emu = emulator();
        String table = kinetica.table(topic);
        Map<String, String> config = schemaless(topic);
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", "faults-dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("kinetica.retry_backoff_ms", "10");
        config.put("kinetica.retry_backoff_max_ms", "100");
        produceSeqs(topic, 0, 500);
        createConnector("faults-sink", config);
        awaitTrue("500 rows in " + table, () -> emu.hasTable(table) && emu.rowCount(table) == 500);

        emu.faults().failNext(40);
        produceSeqs(topic, 500, 1000);
        awaitTrue("1000 rows in " + table, () -> emu.rowCount(table) >= 1000);
        awaitCommitted("faults-sink", topic, 1000);
        assertEquals(0, endOffset("faults-dlq"), "server errors are no record's fault");
        assertEquals(1000, emu.rowCount(table));

        emu.faults().refuseRecords("seq", 1234);
        produceSeqs(topic, 1000, 1500);
        awaitCommitted("faults-sink", topic, 1500);
        emu.faults().reset();
        List<String> dead = readAll("faults-dlq", 1);
        assertEquals(1, dead.size(), dead.toString());
        assertTrue(dead.get(0).contains("\"seq\":1234"), dead.toString());
        assertEquals(1499, emu.rowCount(table));
        assertEquals(1499, distinctSeqs(emu, table));
        assertRunning("faults-sink");
    }

    /**
     * The task connects in the background while its consumer joins the group: a refusal still
     * fails it, with the line naming the settings, though no record ever arrives.
     */
    @Test
    @Tag("emulator-only")
    void refusedCredentialsFailTheTaskWithNoRecordToWrite() throws Exception {
        try (KineticaEmulator secured = KineticaEmulator.builder().port(0).credentials("alice", "right").start()) {
            Map<String, String> config = schemaless("refused-idle");
            config.put("kinetica.url", secured.url());
            config.put("kinetica.username", "alice");
            config.put("kinetica.password", "wrong-secret");
            createConnector("refused-sink", config);
            String[] status = {""};
            awaitTrue("the task FAILED", () -> {
                try {
                    status[0] = http.send(HttpRequest.newBuilder(URI.create(rest + "/connectors/refused-sink/status"))
                            .build(), HttpResponse.BodyHandlers.ofString()).body();
                } catch (Exception e) {
                    return false;
                }
                return status[0].contains("\"tasks\":[{\"id\":0,\"state\":\"FAILED\"");
            });
            assertTrue(status[0].contains("refused user 'alice': check kinetica.username and kinetica.password"),
                    status[0]);
            assertFalse(status[0].contains("wrong-secret"), status[0]);
        }
    }

    private static Map<String, String> schemaless(String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("topics", topic);
        config.put("kinetica.tables.single_table_per_topic", "true");
        config.put("kinetica.batch_size", "100");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "false");
        return config;
    }

    private static void produceSeqs(String topic, int from, int to) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, null, "{\"seq\":" + i + ",\"name\":\"n" + i + "\"}"));
            }
        }
    }

    /**
     * The test's own emulator, for the tests that inject faults (a server has none to inject). They
     * read it directly: a read through the client would take a fault meant for the sink.
     */
    private static KineticaEmulator emulator() {
        return kinetica.emulator().orElseThrow();
    }

    private static long distinctSeqs(KineticaEmulator emu, String table) {
        return emu.rows(table).stream().map(r -> r.get("seq")).distinct().count();
    }

    private static long endOffset(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicPartition tp = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest())).partitionResult(tp)
                    .get().offset();
        }
    }

    private static KafkaProducer<String, String> producer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(p);
    }

    private static void createConnector(String name, Map<String, String> extra) throws Exception {
        StringBuilder json = new StringBuilder("{\"name\":\"" + name + "\",\"config\":{");
        Map<String, String> config = new HashMap<>(extra);
        config.put("connector.class", KineticaSinkConnector.class.getName());
        kinetica.connection().forEach(config::putIfAbsent);
        config.putIfAbsent("kinetica.tables.schema_name", kinetica.schema());
        config.put("kinetica.batch_size", "5");
        config.putIfAbsent("tasks.max", "1");
        config.forEach((k, v) -> json.append('"').append(k).append("\":\"").append(v.replace("\"", "\\\"")).append("\","));
        json.setLength(json.length() - 1);
        json.append("}}");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rest + "/connectors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }

    private static void assertRunning(String name) throws Exception {
        String status = http.send(HttpRequest.newBuilder(URI.create(rest + "/connectors/" + name + "/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(status.contains("\"RUNNING\"") && !status.contains("FAILED"), status);
    }

    private static long runningTasks(String name) throws Exception {
        String status = http.send(HttpRequest.newBuilder(URI.create(rest + "/connectors/" + name + "/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return status.split("\"RUNNING\"", -1).length - 2; // minus the connector's own state
    }

    private static void awaitCommitted(String connector, String topic, long expected) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            awaitTrue("offset " + expected + " committed for " + topic, () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("connect-" + connector)
                            .partitionsToOffsetAndMetadata().get();
                    return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum()
                            == expected;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private static List<String> readAll(String topic, int expected) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(topic));
            Await.poll(Duration.ofSeconds(60), () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                return values.size();
            }, n -> n >= expected);
        }
        return values;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(90), condition);
    }
}

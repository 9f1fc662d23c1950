package com.kinetica.kafka.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import com.kinetica.kafka.KineticaSinkConnector;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.ConnectWorker;
import dev.kconnect.testkit.KineticaUnderTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debezium's own PostgreSQL connector (pgoutput) reading a real PostgreSQL, in a real Connect
 * worker (distributed, in-process) on a real KRaft broker, and two of our sinks reading its topic
 * into the Kinetica under test: one applying the envelopes as they come, one after Debezium's
 * ExtractNewRecordState (deletes rewritten as rows marked {@code __deleted}). Rows inserted,
 * updated and deleted before the connector starts (its snapshot) and after (streaming) end equal
 * in both tables to the PostgreSQL table, key by key and column by column.
 * <p>
 * Debezium is set to hand over Connect's own types ({@code time.precision.mode=connect},
 * {@code decimal.handling.mode=precise}), which the sink maps without knowing Debezium's.
 * <p>
 * Everything it runs is its own and it mostly waits: it runs beside the module's other test classes.
 */
@Execution(ExecutionMode.CONCURRENT)
@Tag("kinetica")
class DebeziumPostgresTest {
    private static final String TOPIC = "pg.shop.orders";
    /** The envelopes' table: prefix + topic, the default for change events. */
    private static final String NATIVE_TABLE = "pg_shop_orders";
    /** ExtractNewRecordState's rows are change events too: prefix + topic, not their schema's name ({@code Value}). */
    private static final String FLAT_TABLE = "flat_pg_shop_orders";

    static ShopOrders postgres;
    static EmbeddedKafka kafka;
    static KineticaUnderTest kinetica;
    static ConnectWorker connect;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        postgres = ShopOrders.start();
        kafka = EmbeddedKafka.startTemporary();
        kinetica = KineticaUnderTest.start();
        connect = ConnectWorker.distributed(kafka.bootstrapServers(), "dbz-connect").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (connect != null) {
            connect.close();
        }
        if (kinetica != null) {
            kinetica.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void changesInPostgresEndEqualInKineticaFromTheEnvelopesAndFromExtractNewRecordState() throws Exception {
        // before the connector: its snapshot reads 35 rows
        for (long id = 1; id <= 40; id++) {
            postgres.insert(id);
        }
        for (long id = 1; id <= 10; id++) {
            postgres.update(id, 1);
        }
        for (long id = 31; id <= 35; id++) {
            postgres.delete(id);
        }

        createConnector("pg-source", debezium());
        Await.until("the topic " + TOPIC, Duration.ofSeconds(60), () -> topics().contains(TOPIC));
        createConnector("native-sink", sink(Map.of()));
        createConnector("flat-sink", sink(Map.of(
                "transforms", "unwrap",
                "transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState",
                "transforms.unwrap.delete.tombstone.handling.mode", "rewrite",
                "kinetica.tables.prefix", "flat_")));
        awaitEqualToPostgres(35);

        Map<String, String> columns = columns(NATIVE_TABLE);
        assertEquals(Map.of(
                "id", "long primary_key",
                "item", "string",
                "qty", "integer",
                "price", "double nullable",
                "amount", "string decimal nullable",
                "paid", "integer boolean nullable",
                "ordered_at", "long nullable timestamp",
                "due", "string date nullable",
                "note", "string nullable"), columns);
        assertEquals(columns, columns(FLAT_TABLE), "no __deleted column, the same types");

        // streaming: 22 creates, 21 updates, 10 deletes (each followed by its tombstone)
        for (long id = 41; id <= 60; id++) {
            postgres.insert(id);
        }
        for (long id = 11; id <= 25; id++) {
            postgres.update(id, 2);
        }
        for (long id = 41; id <= 45; id++) {
            postgres.update(id, 1);
        }
        for (long id : new long[] {26, 27, 28, 29, 30, 46, 47, 48}) {
            postgres.delete(id);
        }
        postgres.delete(3); // a key deleted, inserted again, then updated
        postgres.insert(3);
        postgres.update(3, 3);
        postgres.changeKey(7, 107); // a delete of 7 and a create of 107
        awaitEqualToPostgres(47);
        Map<Long, Map<String, Object>> rows = postgres.rows();
        for (String column : List.of("price", "amount", "paid", "ordered_at", "due", "note")) {
            assertTrue(rows.values().stream().anyMatch(r -> r.get(column) == null)
                    && rows.values().stream().anyMatch(r -> r.get(column) != null), column + ": nulls and values");
        }

        assertEquals(Map.of("r", 35L, "c", 22L, "u", 21L, "d", 10L, "tombstone", 10L), eventsByOp());
        for (String connector : List.of("pg-source", "native-sink", "flat-sink")) {
            assertRunning(connector);
        }
    }

    private static Map<String, String> debezium() {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        c.put("database.hostname", "127.0.0.1");
        c.put("database.port", Integer.toString(postgres.port()));
        c.put("database.user", "postgres");
        c.put("database.password", "postgres"); // trust: any password
        c.put("database.dbname", "postgres");
        c.put("plugin.name", "pgoutput");
        c.put("publication.autocreate.mode", "filtered");
        c.put("topic.prefix", "pg");
        c.put("table.include.list", ShopOrders.TABLE);
        c.put("snapshot.mode", "initial");
        // Connect's Timestamp, Date and Decimal rather than Debezium's own types
        c.put("time.precision.mode", "connect");
        c.put("decimal.handling.mode", "precise");
        c.put("topic.creation.default.replication.factor", "1");
        c.put("topic.creation.default.partitions", "1");
        return c;
    }

    private static Map<String, String> sink(Map<String, String> extra) {
        Map<String, String> c = new HashMap<>(extra);
        c.put("connector.class", KineticaSinkConnector.class.getName());
        c.put("topics", TOPIC);
        c.putAll(kinetica.connection());
        c.put("kinetica.tables.schema_name", kinetica.schema());
        return c;
    }

    private static void awaitEqualToPostgres(int rows) throws Exception {
        Map<Long, Map<String, Object>> expected = postgres.rows();
        assertEquals(rows, expected.size());
        for (String table : List.of(NATIVE_TABLE, FLAT_TABLE)) {
            awaitTrue(rows + " rows in " + table + " equal to PostgreSQL's",
                    () -> kinetica.hasTable(table) && rowsById(table).equals(expected));
        }
    }

    private static Map<Long, Map<String, Object>> rowsById(String table) {
        Map<Long, Map<String, Object>> rows = new TreeMap<>();
        kinetica.rows(table).forEach(r -> rows.put((Long) r.get("id"), r));
        return rows;
    }

    /** Each column of the table as Kinetica describes it: its type, then its properties in order, but data, which every column has. */
    private static Map<String, String> columns(String table) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Type.Column c : kinetica.type(table).getColumns()) {
            StringBuilder s = new StringBuilder(c.getType().getSimpleName().toLowerCase());
            c.getProperties().stream().filter(p -> !p.equals(ColumnProperty.DATA)).sorted()
                    .forEach(p -> s.append(' ').append(p));
            columns.put(c.getName(), s.toString());
        }
        return columns;
    }

    /** The topic's records by op ({@code r}, {@code c}, {@code u}, {@code d}; {@code tombstone} for a null value). */
    private static Map<String, Long> eventsByOp() throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, Long> ops = new TreeMap<>();
        TopicPartition tp = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            Await.poll(Duration.ofSeconds(30), () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    ops.merge(opOf(json, r.value()), 1L, Long::sum);
                }
                return consumer.position(tp);
            }, position -> position >= end);
        }
        return ops;
    }

    private static String opOf(ObjectMapper json, String value) {
        try {
            return value == null ? "tombstone" : json.readTree(value).path("payload").path("op").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> topics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return List.copyOf(admin.listTopics().names().get());
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createConnector(String name, Map<String, String> config) throws Exception {
        String body = json.writeValueAsString(Map.of("name", name, "config", config));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(connect.url() + "/connectors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }

    private static String status(String name) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(connect.url() + "/connectors/" + name + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertRunning(String name) {
        String status = status(name);
        assertTrue(status.contains("\"RUNNING\"") && !status.contains("FAILED"), status);
    }

    /** Waits for {@code condition}; a failure shows the three connectors' states. */
    private static void awaitTrue(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(90), condition,
                () -> "; " + status("pg-source") + " " + status("native-sink") + " " + status("flat-sink"));
    }
}

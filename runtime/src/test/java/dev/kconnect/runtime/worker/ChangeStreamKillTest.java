package dev.kconnect.runtime.worker;

import dev.kconnect.sandbox.Ports;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.KafkaAndKinetica;
import dev.kconnect.testkit.NewTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Change events through a real worker killed mid-stream: 10,000 creates, 5,000 updates and 2,000
 * deletes over 1,000 keys, interleaved, as Debezium's PostgreSQL connector writes them (JSON with
 * schemas, each delete followed by its tombstone, a topic of three partitions keyed by the row
 * key) and as GoldenGate's JSON formatter writes them (schemaless, keyed by the table name). A
 * standalone {@code kconnect} worker takes half of each stream, is killed with SIGKILL while it
 * writes, and a new one finishes: each table equals the source's final state, key by key and
 * column by column.
 */
class ChangeStreamKillTest {
    static final int KEYS = 1_000;
    static final String DEBEZIUM_TOPIC = "pg.inv.items";
    static final String GOLDENGATE_TOPIC = "ogg.qasource";

    static KafkaAndKinetica parts;

    @BeforeAll
    static void start() {
        parts = KafkaAndKinetica.start();
    }

    @AfterAll
    static void stop() {
        parts.close();
    }

    /** One change of the source table: op c, u or d, the row after it (null for a delete), the row before. */
    record Change(String op, long id, Map<String, Object> before, Map<String, Object> after) {
    }

    @Test
    void aWorkerKilledMidStreamLeavesEachTableAsTheSourceEnds() throws Exception {
        Map<Long, Map<String, Object>> state = new TreeMap<>();
        List<Change> changes = changes(new Random(17), state);
        NewTopics.create(parts.kafka().bootstrapServers(), List.of(new NewTopic(DEBEZIUM_TOPIC, 3, (short) 1),
                new NewTopic(GOLDENGATE_TOPIC, 1, (short) 1)));
        Path dir = Files.createTempDirectory("cdc-kill");
        List<String> sinks = List.of(
                sink(dir, "dbz", DEBEZIUM_TOPIC, true).toString(),
                sink(dir, "ogg", GOLDENGATE_TOPIC, false).toString());
        int half = changes.size() / 2;
        produce(changes.subList(0, half));
        parts.kinetica().faults().latency(Duration.ofMillis(10)); // slow enough to be killed while it writes
        Process first = worker(dir, sinks);
        try {
            Await.until("rows written by the first worker", Duration.ofSeconds(60),
                    () -> rows("pg_inv_items") > 500 && rows("QASOURCE.ITEMS") > 500, () -> "");
        } finally {
            first.destroyForcibly(); // SIGKILL: nothing is flushed or committed on the way out
            first.waitFor();
            parts.kinetica().faults().reset();
        }
        long killedAt = rows("pg_inv_items");
        produce(changes.subList(half, changes.size()));
        Process second = worker(dir, sinks);
        try {
            Map<Long, Map<String, Object>> expected = state;
            Await.until("each table as the source ends", Duration.ofSeconds(120),
                    () -> debeziumTable().equals(expected) && goldenGateTable().equals(expected),
                    () -> "; pg_inv_items " + differences(expected, debeziumTable()) + ", QASOURCE.ITEMS "
                            + differences(expected, goldenGateTable()) + "\n" + KConnectJvm.log(dir));
        } finally {
            second.destroy();
            second.waitFor();
        }
        assertEquals(state, debeziumTable());
        assertEquals(state, goldenGateTable());
        System.out.printf("%,d changes (%d keys, %,d rows at the end), killed with %,d rows written: both tables "
                + "equal the source%n", changes.size(), KEYS, state.size(), killedAt);
    }

    /** 10,000 creates, 5,000 updates, 2,000 deletes, shuffled; a create of a key that has a row replaces it, as a snapshot run again does. */
    static List<Change> changes(Random random, Map<Long, Map<String, Object>> state) {
        List<String> ops = new ArrayList<>();
        ops.addAll(Collections.nCopies(10_000, "c"));
        ops.addAll(Collections.nCopies(5_000, "u"));
        ops.addAll(Collections.nCopies(2_000, "d"));
        Collections.shuffle(ops, random);
        List<Long> present = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            String op = present.isEmpty() ? "c" : ops.get(i);
            long id = op.equals("c") ? random.nextInt(KEYS) : present.get(random.nextInt(present.size()));
            Map<String, Object> before = state.get(id);
            Map<String, Object> after = op.equals("d") ? null : row(id, i);
            if (after == null) {
                state.remove(id);
                present.remove(id);
            } else if (state.put(id, after) == null) {
                present.add(id);
            }
            changes.add(new Change(op.equals("c") && before != null ? "r" : op, id, before, after));
        }
        return changes;
    }

    static Map<String, Object> row(long id, int version) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("name", "name-" + version);
        row.put("qty", (long) (version % 1000));
        row.put("price", version * 0.25);
        row.put("note", version % 3 == 0 ? null : "note-" + version);
        return row;
    }

    static Path sink(Path dir, String name, String topic, boolean schemas) throws Exception {
        Map<String, String> props = new TreeMap<>(Map.of(
                "name", name,
                "connector.class", "com.kinetica.kafka.KineticaSinkConnector",
                "tasks.max", "2",
                "topics", topic,
                "kinetica.url", parts.kinetica().url(),
                "key.converter", schemas ? "org.apache.kafka.connect.json.JsonConverter"
                        : "org.apache.kafka.connect.storage.StringConverter",
                "key.converter.schemas.enable", String.valueOf(schemas),
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", String.valueOf(schemas)));
        return Files.writeString(dir.resolve(name + ".properties"), props.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
    }

    static Process worker(Path dir, List<String> sinks) throws Exception {
        List<String> args = new ArrayList<>(List.of("standalone"));
        args.addAll(sinks);
        args.addAll(List.of("-D", "bootstrap.servers=" + parts.kafka().bootstrapServers(),
                "-D", "listeners=http://127.0.0.1:" + Ports.free(),
                "-D", "offset.flush.interval.ms=1000"));
        return KConnectJvm.start(dir, List.of("-Xmx512m"), args);
    }

    /** Both streams, each change acknowledged by the broker. */
    static void produce(List<Change> changes) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Change c : changes) {
            String key = DebeziumJson.key(c.id());
            sent.add(parts.producer().send(new ProducerRecord<>(DEBEZIUM_TOPIC, key,
                    DebeziumJson.envelope(c.op(), c.op().equals("u") || c.op().equals("d") ? c.before() : null,
                            c.after()))));
            if (c.op().equals("d")) {
                sent.add(parts.producer().send(new ProducerRecord<>(DEBEZIUM_TOPIC, key, null)));
            }
            sent.add(parts.producer().send(new ProducerRecord<>(GOLDENGATE_TOPIC, "QASOURCE.ITEMS",
                    GoldenGateJson.operation("QASOURCE.ITEMS", c.op(), c.before(), c.after()))));
        }
        parts.producer().flush();
        for (Future<RecordMetadata> f : sent) {
            f.get();
        }
    }

    static long rows(String table) {
        return parts.kinetica().hasTable(table) ? parts.kinetica().rowCount(table) : 0;
    }

    static Map<Long, Map<String, Object>> debeziumTable() {
        return table("pg_inv_items", "id", "name", "qty", "price", "note");
    }

    static Map<Long, Map<String, Object>> goldenGateTable() {
        return table("QASOURCE.ITEMS", "ID", "NAME", "QTY", "PRICE", "NOTE");
    }

    /** The table's rows by id, in the source's column names and Java types (whole numbers as longs). */
    static Map<Long, Map<String, Object>> table(String table, String... columns) {
        Map<Long, Map<String, Object>> rows = new TreeMap<>();
        if (!parts.kinetica().hasTable(table)) {
            return rows;
        }
        String[] names = {"id", "name", "qty", "price", "note"};
        for (Map<String, Object> r : parts.kinetica().rows(table)) {
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                Object v = r.get(columns[i]);
                row.put(names[i], v instanceof Integer n ? (Object) n.longValue() : v);
            }
            rows.put((Long) row.get("id"), row);
        }
        return rows;
    }

    static String differences(Map<Long, Map<String, Object>> expected, Map<Long, Map<String, Object>> actual) {
        long wrong = expected.entrySet().stream().filter(e -> !e.getValue().equals(actual.get(e.getKey()))).count();
        long extra = actual.keySet().stream().filter(k -> !expected.containsKey(k)).count();
        return wrong + " rows missing or different, " + extra + " extra, of " + expected.size();
    }
}

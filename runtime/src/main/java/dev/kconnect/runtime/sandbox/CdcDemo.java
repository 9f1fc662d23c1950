package dev.kconnect.runtime.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@code kconnect sandbox --demo cdc}: a source table's changes, as Debezium's PostgreSQL
 * connector writes them (JSON with schemas: the key, the envelope, a tombstone after each delete),
 * applied by a Kinetica sink. Every few seconds some rows are created, updated and deleted, and
 * each round says whether the Kinetica table equals the source table.
 */
final class CdcDemo implements DemoFeed {
    static final String SINK = "demo-cdc-sink";
    static final String TOPIC = "dbserver1.inventory.customers";
    /** The sink's table for the topic: its name, dots made underscores. */
    static final String TABLE = "dbserver1_inventory_customers";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, Object>> ROW = List.of(field("int64", "id", false),
            field("string", "first_name", false), field("string", "last_name", false),
            field("string", "email", true));
    private static final Map<String, Object> KEY_SCHEMA = struct(TOPIC + ".Key", null, false,
            List.of(field("int64", "id", false)));
    private static final Map<String, Object> ENVELOPE_SCHEMA = struct(TOPIC + ".Envelope", null, false, List.of(
            struct(TOPIC + ".Value", "before", true, ROW), struct(TOPIC + ".Value", "after", true, ROW),
            struct("io.debezium.connector.postgresql.Source", "source", false, List.of(
                    field("string", "connector", false), field("string", "db", false),
                    field("string", "schema", false), field("string", "table", false))),
            field("string", "op", false), field("int64", "ts_ms", true)));
    private static final Map<String, Object> SOURCE = Map.of("connector", "postgresql", "db", "inventory",
            "schema", "inventory", "table", "customers");
    private static final String[] NAMES = {"Anne", "Sally", "Edward", "George", "Ada", "Linus", "Grace"};

    private final Sandbox sandbox;
    private final KafkaProducer<String, String> producer;
    private final Random random = new Random();
    /** The source table as the changes sent so far leave it, rows by id; read while the demo runs. */
    private final Map<Long, Map<String, Object>> source = new ConcurrentSkipListMap<>();
    private long nextId = 1001;
    private long creates;
    private long updates;
    private long deletes;

    private CdcDemo(Sandbox sandbox) {
        this.sandbox = sandbox;
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", sandbox.kafka().bootstrapServers());
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    /** Creates the sink on the sandbox's worker. */
    static CdcDemo start(Sandbox sandbox, PrintWriter err) {
        Map<String, String> sink = new LinkedHashMap<>();
        sink.put("name", SINK);
        sink.put("connector.class", "com.kinetica.kafka.KineticaSinkConnector");
        sink.put("tasks.max", "1");
        sink.put("topics", TOPIC);
        sink.put("kinetica.url", sandbox.kinetica().url());
        sandbox.login().configure(sink);
        sandbox.worker().addConnector(SINK, sink, err);
        return new CdcDemo(sandbox);
    }

    @Override
    public List<String> connectors() {
        return List.of(SINK);
    }

    @Override
    public String describe() {
        return "Demo cdc: every few seconds, rows of inventory.customers are created, updated and deleted; their "
                + "Debezium change events go to topic '" + TOPIC + "' and the sink applies them to table '" + TABLE
                + "'.";
    }

    /** Some changes: creates while the table is small, then updates, creates and deletes. */
    @Override
    public void feed(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            double r = random.nextDouble();
            if (source.size() < 5 || r < 0.35) {
                long id = nextId++;
                send(id, "c", null, row(id));
                creates++;
            } else if (r < 0.8) {
                long id = pick();
                send(id, "u", source.get(id), row(id));
                updates++;
            } else {
                long id = pick();
                send(id, "d", source.get(id), null);
                deletes++;
            }
        }
        producer.flush();
    }

    private void send(long id, String op, Map<String, Object> before, Map<String, Object> after) throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("before", before);
        payload.put("after", after);
        payload.put("source", SOURCE);
        payload.put("op", op);
        payload.put("ts_ms", System.currentTimeMillis());
        String key = json(Map.of("schema", KEY_SCHEMA, "payload", Map.of("id", id)));
        producer.send(new ProducerRecord<>(TOPIC, key, json(Map.of("schema", ENVELOPE_SCHEMA, "payload", payload))))
                .get();
        if (after == null) {
            source.remove(id);
            producer.send(new ProducerRecord<>(TOPIC, key, null)).get(); // the tombstone, for log compaction
        } else {
            source.put(id, after);
        }
    }

    private long pick() {
        List<Long> ids = new ArrayList<>(source.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    private Map<String, Object> row(long id) {
        String first = NAMES[random.nextInt(NAMES.length)];
        String last = NAMES[random.nextInt(NAMES.length)] + "son";
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("first_name", first);
        row.put("last_name", last);
        row.put("email", random.nextInt(4) == 0 ? null : (first + "." + last + "@example.com").toLowerCase(Locale.ROOT));
        return row;
    }

    @Override
    public String progress() {
        Map<Long, Map<String, Object>> table = table();
        return String.format(Locale.ROOT, "demo cdc: source inventory.customers %d rows (%d creates, %d updates, "
                        + "%d deletes sent) | table %s %d rows, equal to the source: %s", source.size(), creates,
                updates, deletes, TABLE, table.size(), table.equals(source) ? "yes" : "not yet");
    }

    /** The Kinetica table's rows by id, as the source holds them. */
    Map<Long, Map<String, Object>> table() {
        Map<Long, Map<String, Object>> rows = new TreeMap<>();
        if (sandbox.kinetica().hasTable(TABLE)) {
            sandbox.kinetica().rows(TABLE).forEach(r -> rows.put((Long) r.get("id"), r));
        }
        return rows;
    }

    /** The source table as the changes sent so far leave it. */
    Map<Long, Map<String, Object>> source() {
        return new TreeMap<>(source);
    }

    private static String json(Object value) throws JsonProcessingException {
        return JSON.writeValueAsString(value);
    }

    private static Map<String, Object> field(String type, String name, boolean optional) {
        return Map.of("type", type, "optional", optional, "field", name);
    }

    private static Map<String, Object> struct(String name, String field, boolean optional,
                                              List<Map<String, Object>> fields) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "struct");
        s.put("fields", fields);
        s.put("optional", optional);
        s.put("name", name);
        if (field != null) {
            s.put("field", field);
        }
        return s;
    }

    @Override
    public void close() {
        producer.close();
    }
}

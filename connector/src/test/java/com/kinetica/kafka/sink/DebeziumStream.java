package com.kinetica.kafka.sink;

import dev.kconnect.testkit.KineticaUnderTest;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded stream of change events over a few keys, in the envelope Debezium's PostgreSQL
 * connector documents (value schema {@code <topic>.Envelope}: before, after, source, op, ts_ms; key
 * schema {@code <topic>.Key}: the primary key), and the state of the source table after it.
 * Records come as Connect's JsonConverter hands them to a sink: structs with schemas enabled,
 * maps without.
 */
public final class DebeziumStream {
    public static final String PREFIX = "dbserver1.inventory.customers";
    public static final Schema KEY = SchemaBuilder.struct().name(PREFIX + ".Key")
            .field("id", Schema.INT64_SCHEMA).build();
    public static final Schema ROW = SchemaBuilder.struct().name(PREFIX + ".Value").optional()
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("qty", Schema.INT32_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
            .field("db", Schema.STRING_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .build();
    public static final Schema ENVELOPE = envelopeOf(PREFIX, ROW);

    /** One change: op c, u, d or t; a null op is the tombstone Debezium writes after a delete. */
    public record Event(String op, long id, Struct before, Struct after) {
    }

    public final List<Event> events = new ArrayList<>();
    /** The source table after the stream: rows by id. */
    public final Map<Long, Struct> state = new HashMap<>();
    private final Random random;
    private int version;

    private DebeziumStream(long seed) {
        random = new Random(seed);
    }

    /**
     * {@code creates} c, {@code updates} u and {@code deletes} d (each delete followed by its
     * tombstone), shuffled, over ids 0 to {@code keys - 1}: an update or delete changes a row that
     * exists; a create takes an id that has no row when there is one, else one that has (as a
     * snapshot run again, or a replay, gives them).
     */
    public static DebeziumStream generate(long seed, int creates, int updates, int deletes, int keys) {
        DebeziumStream s = new DebeziumStream(seed);
        List<String> ops = new ArrayList<>();
        ops.addAll(Collections.nCopies(creates, "c"));
        ops.addAll(Collections.nCopies(updates, "u"));
        ops.addAll(Collections.nCopies(deletes, "d"));
        Collections.shuffle(ops, s.random);
        ops.add(0, "c"); // the first event creates: a table is made from a row
        ops.remove(ops.lastIndexOf("c"));
        for (String op : ops) {
            if (!op.equals("c") && s.state.isEmpty()) {
                op = "c";
            }
            s.apply(op, s.pick(op.equals("c"), keys));
        }
        return s;
    }

    public void apply(String op, long id) {
        Struct before = state.get(id);
        switch (op) {
            case "c", "u" -> {
                Struct after = row(id);
                state.put(id, after);
                events.add(new Event(op, id, op.equals("u") ? before : null, after));
            }
            case "d" -> {
                state.remove(id);
                events.add(new Event("d", id, before, null));
                events.add(new Event(null, id, null, null));
            }
            default -> throw new IllegalArgumentException(op);
        }
    }

    private long pick(boolean create, int keys) {
        List<Long> candidates = new ArrayList<>();
        for (long id = 0; id < keys; id++) {
            if (state.containsKey(id) != create) {
                candidates.add(id);
            }
        }
        if (candidates.isEmpty()) {
            return create ? random.nextInt(keys) : new ArrayList<>(state.keySet()).get(0);
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private Struct row(long id) {
        int v = ++version;
        return new Struct(ROW).put("id", id).put("name", "name-" + v).put("qty", v % 1000)
                .put("price", v * 0.25).put("note", v % 3 == 0 ? null : "note-" + v);
    }

    /** The envelope schema Debezium writes for rows of {@code row} (an optional struct) on topic {@code prefix}. */
    public static Schema envelopeOf(String prefix, Schema row) {
        return SchemaBuilder.struct().name(prefix + ".Envelope")
                .field("before", row)
                .field("after", row)
                .field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }

    public static Struct envelope(String op, Struct before, Struct after) {
        return envelope(ENVELOPE, op, before, after);
    }

    public static Struct envelope(Schema envelope, String op, Struct before, Struct after) {
        return envelope(envelope, op, before, after, "inventory");
    }

    /** An envelope whose source is table customers of schema {@code sourceSchema}. */
    public static Struct envelope(Schema envelope, String op, Struct before, Struct after, String sourceSchema) {
        Struct source = new Struct(SOURCE).put("version", "3.6.1.Final").put("connector", "postgresql")
                .put("name", "dbserver1").put("ts_ms", 1_700_000_000_000L).put("snapshot", "false")
                .put("db", "inventory").put("schema", sourceSchema).put("table", "customers").put("lsn", 24023128L);
        return new Struct(envelope).put("before", before).put("after", after).put("source", source).put("op", op)
                .put("ts_ms", 1_700_000_000_100L);
    }

    /** The events as records of partition 0 of {@code topic}, from offset 0, through a JsonConverter. */
    public List<SinkRecord> records(String topic, boolean schemas) {
        return records(topic, schemas, "inventory");
    }

    /** The same, from table customers of schema {@code sourceSchema}. */
    public List<SinkRecord> records(String topic, boolean schemas, String sourceSchema) {
        Converters c = new Converters(schemas);
        List<SinkRecord> records = new ArrayList<>();
        for (Event e : events) {
            Struct value = e.op() == null ? null : envelope(ENVELOPE, e.op(), e.before(), e.after(), sourceSchema);
            records.add(c.record(topic, new Struct(KEY).put("id", e.id()), value, records.size()));
        }
        return records;
    }

    /** A pair of JsonConverters as a worker configures them for Debezium's JSON. */
    public static final class Converters {
        private final JsonConverter keys = new JsonConverter();
        private final JsonConverter values = new JsonConverter();

        public Converters(boolean schemas) {
            keys.configure(Map.of("schemas.enable", schemas), true);
            values.configure(Map.of("schemas.enable", schemas), false);
        }

        /** The record a sink gets for what Debezium wrote: serialized, then read back. */
        public SinkRecord record(String topic, Struct key, Struct value, long offset) {
            SchemaAndValue k = key == null ? SchemaAndValue.NULL
                    : keys.toConnectData(topic, keys.fromConnectData(topic, key.schema(), key));
            SchemaAndValue v = value == null ? SchemaAndValue.NULL
                    : values.toConnectData(topic, values.fromConnectData(topic, value.schema(), value));
            return new SinkRecord(topic, 0, k.schema(), k.value(), v.schema(), v.value(), offset);
        }

        public byte[] json(String topic, Struct value) {
            return value == null ? null : values.fromConnectData(topic, value.schema(), value);
        }

        public byte[] jsonKey(String topic, Struct key) {
            return keys.fromConnectData(topic, key.schema(), key);
        }
    }

    /** The source table after the stream, rows by id, in the terms of {@link #rowsOf}. */
    public Map<Long, Map<String, Object>> expectedRows() {
        Map<Long, Map<String, Object>> rows = new TreeMap<>();
        state.forEach((id, row) -> rows.put(id, expected(row)));
        return rows;
    }

    /** A table's rows by id, in the terms of {@link #expected}. */
    public static Map<Long, Map<String, Object>> rowsOf(KineticaUnderTest kinetica, String table) {
        Map<Long, Map<String, Object>> rows = new TreeMap<>();
        kinetica.rows(table).forEach(r -> rows.put((Long) r.get("id"), normalized(r)));
        return rows;
    }

    /**
     * A sink of {@code topic} into the schema of {@code kinetica}, retrying at once, batches of 64;
     * then {@code more} settings.
     */
    public static Map<String, String> sinkProps(KineticaUnderTest kinetica, String topic, String... more) {
        Map<String, String> p = new HashMap<>(kinetica.connection());
        p.put("kinetica.tables.schema_name", kinetica.schema());
        p.put("topics", topic);
        p.put("kinetica.retry_backoff_ms", "0");
        p.put("kinetica.batch_size", "64");
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    /** A row as the table should hold it: whole numbers as longs, so struct and map rows compare. */
    public static Map<String, Object> expected(Struct row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var f : ROW.fields()) {
            m.put(f.name(), normalized(row.get(f)));
        }
        return m;
    }

    /** A row read from the table, in the same terms as {@link #expected}. */
    public static Map<String, Object> normalized(Map<String, Object> row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var f : ROW.fields()) {
            m.put(f.name(), normalized(row.get(f.name())));
        }
        return m;
    }

    private static Object normalized(Object v) {
        return v instanceof Integer || v instanceof Short || v instanceof Byte ? ((Number) v).longValue() : v;
    }
}

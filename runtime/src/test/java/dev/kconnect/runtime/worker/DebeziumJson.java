package dev.kconnect.runtime.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Change events of a table {@code (id bigint key, name text, qty int, price double, note text
 * null)} as Debezium's PostgreSQL connector writes them through Connect's JsonConverter with
 * schemas: key {@code {"id": N}}, value the envelope (before, after, source, op, ts_ms), both with
 * their schema, as Debezium's documentation shows them.
 */
final class DebeziumJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "pg.inv.items";
    private static final List<Map<String, Object>> ROW_FIELDS = List.of(
            field("int64", "id", false), field("string", "name", false), field("int32", "qty", false),
            field("double", "price", false), field("string", "note", true));
    private static final Map<String, Object> KEY_SCHEMA = struct(PREFIX + ".Key", null, false,
            List.of(field("int64", "id", false)));
    private static final Map<String, Object> ENVELOPE_SCHEMA = struct(PREFIX + ".Envelope", null, false, List.of(
            struct(PREFIX + ".Value", "before", true, ROW_FIELDS),
            struct(PREFIX + ".Value", "after", true, ROW_FIELDS),
            struct("io.debezium.connector.postgresql.Source", "source", false, List.of(
                    field("string", "version", false), field("string", "connector", false),
                    field("string", "name", false), field("int64", "ts_ms", false), field("string", "db", false),
                    field("string", "schema", false), field("string", "table", false),
                    field("int64", "lsn", true))),
            field("string", "op", false),
            field("int64", "ts_ms", true)));

    private DebeziumJson() {
    }

    static String key(long id) {
        return write(Map.of("schema", KEY_SCHEMA, "payload", Map.of("id", id)));
    }

    static String envelope(String op, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("version", "3.6.1.Final");
        source.put("connector", "postgresql");
        source.put("name", "pg");
        source.put("ts_ms", 1_700_000_000_000L);
        source.put("db", "inv");
        source.put("schema", "inv");
        source.put("table", "items");
        source.put("lsn", 24_023_128L);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("before", before);
        payload.put("after", after);
        payload.put("source", source);
        payload.put("op", op);
        payload.put("ts_ms", 1_700_000_000_100L);
        return write(Map.of("schema", ENVELOPE_SCHEMA, "payload", payload));
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

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.kinetica.kafka.sink;

import dev.kconnect.testkit.KineticaUnderTest;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The source's table changes mid-stream: a column added follows the schema evolution options; a
 * change the table cannot take stops the task with one line, before anything after it is
 * committed.
 */
@Tag("kinetica")
class SinkTaskChangeSchemaTest {
    @AutoClose
    static final KineticaUnderTest kinetica = KineticaUnderTest.start();

    static final Schema KEY = SchemaBuilder.struct().name("pg.public.items.Key").field("id", Schema.INT64_SCHEMA).build();
    static final Schema V1 = SchemaBuilder.struct().name("pg.public.items.Value").optional()
            .field("id", Schema.INT64_SCHEMA).field("qty", Schema.INT32_SCHEMA).build();
    /** A column added at the source: Debezium's next schema for the table. */
    static final Schema V2 = SchemaBuilder.struct().name("pg.public.items.Value").optional()
            .field("id", Schema.INT64_SCHEMA).field("qty", Schema.INT32_SCHEMA)
            .field("colour", Schema.OPTIONAL_STRING_SCHEMA).build();
    /** A column's type changed at the source, from integer to text. */
    static final Schema RETYPED = SchemaBuilder.struct().name("pg.public.items.Value").optional()
            .field("id", Schema.INT64_SCHEMA).field("qty", Schema.STRING_SCHEMA).build();

    static Schema envelope(Schema row) {
        return SchemaBuilder.struct().name("pg.public.items.Envelope").field("before", row).field("after", row)
                .field("op", Schema.STRING_SCHEMA).build();
    }

    static SinkRecord event(TaskHarness h, String topic, long id, Struct after) {
        Schema env = envelope(after.schema());
        return h.record(topic, KEY, new Struct(KEY).put("id", id), env,
                new Struct(env).put("after", after).put("op", "c"));
    }

    static Map<String, String> props(String topic, boolean evolve) {
        Map<String, String> p = new HashMap<>(kinetica.connection());
        p.putAll(Map.of("kinetica.tables.schema_name", kinetica.schema(), "topics", topic, "kinetica.retry_backoff_ms", "0"));
        if (evolve) {
            p.put("kinetica.schema_evolution.enabled", "true");
            p.put("kinetica.schema_evolution.add_new_fields_as_columns", "true");
        }
        return p;
    }

    @Test
    void aColumnAddedAtTheSourceIsAddedToTheTableWhenEvolutionAllows() {
        for (boolean evolve : List.of(true, false)) {
            String topic = "added_" + evolve;
            try (TaskHarness h = new TaskHarness(props(topic, evolve), true)) {
                List<SinkRecord> records = new ArrayList<>();
                records.add(event(h, topic, 1, new Struct(V1).put("id", 1L).put("qty", 10)));
                records.add(event(h, topic, 2, new Struct(V2).put("id", 2L).put("qty", 20).put("colour", "red")));
                records.add(event(h, topic, 1, new Struct(V2).put("id", 1L).put("qty", 11).put("colour", "blue")));
                h.putAndWrite(records);
                assertEquals(h.consumed, h.commit());
                assertEquals(List.of(), h.reported);
            }
            Map<Long, Object> colours = new HashMap<>();
            kinetica.rows(topic).forEach(r -> colours.put((Long) r.get("id"), r.get("colour")));
            if (evolve) {
                assertEquals(Map.of(1L, "blue", 2L, "red"), colours);
            } else {
                assertFalse(kinetica.columnNames(topic).contains("colour"), "the table's columns are what they are");
                assertEquals(2, kinetica.rowCount(topic));
            }
        }
    }

    @Test
    void aChangeTheTableCannotTakeStopsTheTaskWithOneLineAndCommitsNothingPastIt() {
        String topic = "retyped";
        try (TaskHarness h = new TaskHarness(props(topic, true), true)) {
            h.putAndWrite(List.of(event(h, topic, 1, new Struct(V1).put("id", 1L).put("qty", 10))));
            assertEquals(h.consumed, h.commit());
            SinkRecord retyped = event(h, topic, 2, new Struct(RETYPED).put("id", 2L).put("qty", "many"));
            ConnectException e = assertThrows(ConnectException.class, () -> h.put(List.of(retyped)));
            String line = e.getMessage();
            assertFalse(line.contains("\n"), line);
            assertTrue(line.contains("Table " + kinetica.table(topic)) && line.contains("offset=1") && line.contains("qty")
                    && line.contains("restart the task"), line);
            assertEquals(List.of(), h.reported, "no change event skipped into error handling");
            assertEquals(1, kinetica.rowCount(topic));
        }
    }
}

package com.kinetica.kafka.sink;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import dev.kconnect.testkit.KineticaUnderTest;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.kinetica.kafka.sink.DebeziumStream.envelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debezium change events applied, not stored, by a real task through the real client into the
 * Kinetica under test: records made by Connect's JsonConverter from envelopes as Debezium documents them.
 */
@Tag("kinetica")
class SinkTaskChangeEventsTest {
    static final AtomicInteger counter = new AtomicInteger();

    @AutoClose
    static final KineticaUnderTest kinetica = KineticaUnderTest.start();

    static String topic() {
        return DebeziumStream.PREFIX + counter.incrementAndGet();
    }

    /** Where a topic's change events go: the topic's name, its dots made underscores. */
    static String table(String topic) {
        return topic.replace('.', '_');
    }

    /** Puts the records in batches of 1 to 250, as polls of varying size bring them. */
    static void putInPolls(TaskHarness h, List<SinkRecord> records, Random random) {
        for (int i = 0; i < records.size(); ) {
            int n = Math.min(records.size() - i, 1 + random.nextInt(250));
            h.put(records.subList(i, i + n));
            i += n;
        }
        h.put(List.of());
    }

    static Map<String, Long> opCounts(DebeziumStream s) {
        return s.events.stream().collect(Collectors.groupingBy(e -> String.valueOf(e.op()), Collectors.counting()));
    }

    /**
     * Structs, maps, and structs with {@code update_on_existing_pk=false}: change events replace
     * the row of their key whatever that option says.
     */
    @Test
    void interleavedChangesLeaveTheSourcesFinalStateKeyByKeyAndColumnByColumn() {
        for (String variant : List.of("structs", "maps", "structs, update_on_existing_pk=false")) {
            DebeziumStream s = DebeziumStream.generate(29, 1_000, 500, 200, 100);
            assertEquals(Map.of("c", 1_000L, "u", 500L, "d", 200L, "null", 200L), opCounts(s));
            String topic = topic();
            Map<String, String> p = DebeziumStream.sinkProps(kinetica, topic, "kinetica.tables.delete_on_tombstone", "true",
                    "kinetica.tables.update_on_existing_pk", String.valueOf(!variant.endsWith("false")));
            try (TaskHarness h = new TaskHarness(p, true)) {
                putInPolls(h, s.records(topic, !variant.equals("maps")), new Random(7));
                assertEquals(h.consumed, h.commit());
                assertEquals(List.of(), h.reported);
            }
            assertEquals(s.expectedRows(), DebeziumStream.rowsOf(kinetica, table(topic)), variant);
            assertTrue(s.state.size() < 100 && s.state.size() > 50, "some keys deleted last: " + s.state.size());
        }
    }

    @Test
    void aReplayFromAnEarlierOffsetConvergesToTheSameRows() {
        DebeziumStream s = DebeziumStream.generate(2900, 1_000, 500, 200, 100);
        String topic = topic();
        List<SinkRecord> records = s.records(topic, true);
        long committed;
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic), true)) {
            putInPolls(h, records.subList(0, 800), new Random(1));
            committed = h.commit().values().iterator().next().offset();
            h.put(records.subList(800, 1_300)); // written in part, then the worker dies: closed without a commit
        }
        assertEquals(800, committed);
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic), true)) {
            putInPolls(h, records.subList(500, records.size()), new Random(2)); // from before the last commit
            assertEquals(h.consumed, h.commit());
            assertEquals(List.of(), h.reported);
        }
        assertEquals(s.expectedRows(), DebeziumStream.rowsOf(kinetica, table(topic)));
    }

    @Test
    void deletesRecreatesAndUpdatesOfOneKeyKeepRecordOrderInOneBatchAndAcross() {
        for (boolean oneBatch : List.of(true, false)) {
            DebeziumStream s = DebeziumStream.generate(1, 1, 0, 0, 1);
            s.apply("d", 0);
            s.apply("c", 0); // deleted, then created again
            s.apply("c", 1);
            s.apply("d", 1);
            s.apply("u", 1); // an update after a delete makes the row again
            s.apply("c", 2);
            s.apply("d", 2); // deleted last
            String topic = topic();
            try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic), true)) {
                List<SinkRecord> records = s.records(topic, true);
                if (oneBatch) {
                    h.put(records);
                } else {
                    records.forEach(r -> h.put(List.of(r)));
                }
                assertEquals(h.consumed, h.commit());
                assertEquals(List.of(), h.reported);
            }
            assertEquals(s.expectedRows(), DebeziumStream.rowsOf(kinetica, table(topic)));
            assertEquals(2, kinetica.rowCount(table(topic)));
        }
    }

    @Test
    void theTableIsMadeFromTheRowAfterWithTheRecordKeyAsPrimaryKey() throws Exception {
        String topic = topic();
        DebeziumStream s = DebeziumStream.generate(3, 5, 2, 1, 10);
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic, "kinetica.tables.single_table_per_topic", "false"), true)) {
            h.putAndWrite(s.records(topic, true));
        }
        assertEquals(List.of("id", "name", "qty", "price", "note"), kinetica.columnNames(table(topic)));
        Type type = kinetica.type(table(topic));
        assertTrue(type.getColumn("id").hasProperty(ColumnProperty.PRIMARY_KEY));
        assertFalse(type.getColumn("name").hasProperty(ColumnProperty.PRIMARY_KEY));
        assertTrue(type.getColumn("note").isNullable());
        assertEquals(4, kinetica.rowCount(table(topic)));
    }

    @Test
    void tombstonesOnAChangeEventTopicDeleteNothingEvenWithDeleteOnTombstone() {
        String topic = topic();
        DebeziumStream.Converters c = new DebeziumStream.Converters(true);
        Struct one = new Struct(DebeziumStream.ROW).put("id", 1L).put("name", "a").put("qty", 1).put("price", 1.0);
        Struct two = new Struct(DebeziumStream.ROW).put("id", 2L).put("name", "b").put("qty", 2).put("price", 2.0);
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic, "kinetica.tables.delete_on_tombstone", "true"), true)) {
            h.putAndWrite(List.of(c.record(topic, key(1), envelope("c", null, one), 0),
                    c.record(topic, key(2), envelope("r", null, two), 1),
                    c.record(topic, key(1), null, 2)));
            assertEquals(h.consumed, h.commit());
            assertEquals(List.of(), h.reported);
        }
        assertEquals(2, kinetica.rowCount(table(topic)));
    }

    @Test
    void aDeleteForATableNotYetCreatedDoesNothing() {
        String topic = topic();
        DebeziumStream.Converters c = new DebeziumStream.Converters(false);
        Struct gone = new Struct(DebeziumStream.ROW).put("id", 1L).put("name", "a").put("qty", 1).put("price", 1.0);
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic, "kinetica.tables.delete_on_tombstone", "true"), true)) {
            h.putAndWrite(List.of(c.record(topic, key(1), envelope("d", gone, null), 0),
                    c.record(topic, key(1), null, 1)));
            assertEquals(h.consumed, h.commit());
            assertEquals(List.of(), h.reported);
        }
        assertFalse(kinetica.hasTable(table(topic)));
    }

    @Test
    void aTruncateClearsTheTableOnlyWhenAllowed() {
        for (boolean allowed : List.of(false, true)) {
            String topic = topic();
            DebeziumStream.Converters c = new DebeziumStream.Converters(true);
            List<SinkRecord> records = new ArrayList<>();
            for (long id = 0; id < 3; id++) {
                Struct row = new Struct(DebeziumStream.ROW).put("id", id).put("name", "n").put("qty", 1).put("price", 1.0);
                records.add(c.record(topic, key(id), envelope("c", null, row), records.size()));
                if (id == 1) {
                    records.add(c.record(topic, null, envelope("t", null, null), records.size()));
                }
            }
            try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic, "kinetica.cdc.clear_on_truncate",
                    String.valueOf(allowed)), true)) {
                h.putAndWrite(records);
                assertEquals(h.consumed, h.commit());
                assertEquals(List.of(), h.reported);
            }
            assertEquals(allowed ? List.of(2L) : List.of(0L, 1L, 2L), List.copyOf(DebeziumStream.rowsOf(kinetica, table(topic)).keySet()));
        }
    }

    @Test
    void withReadingOffEnvelopesAreStoredAsRowsAsBefore() {
        String topic = topic();
        DebeziumStream s = DebeziumStream.generate(4, 10, 5, 2, 10);
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic, "kinetica.cdc.apply_change_events", "false",
                "kinetica.tables.single_table_per_topic", "true"), true)) {
            h.putAndWrite(s.records(topic, true));
            assertEquals(List.of(), h.reported);
        }
        assertEquals(List.of("before", "after", "source", "op", "ts_ms"), kinetica.columnNames(table(topic)));
        assertEquals(17, kinetica.rowCount(table(topic)), "one row per event, tombstones skipped");
    }

    @Test
    void eventsThatCannotBeAppliedGoToErrorHandlingWithTheReason() {
        String topic = topic();
        DebeziumStream.Converters c = new DebeziumStream.Converters(false);
        Struct row = new Struct(DebeziumStream.ROW).put("id", 1L).put("name", "a").put("qty", 1).put("price", 1.0);
        try (TaskHarness h = new TaskHarness(DebeziumStream.sinkProps(kinetica, topic), true)) {
            h.putAndWrite(List.of(c.record(topic, key(1), envelope("c", null, row), 0),
                    c.record(topic, key(2), envelope("m", null, null), 1),
                    c.record(topic, key(3), envelope("u", row, null), 2)));
            assertEquals(h.consumed, h.commit());
            assertEquals(List.of(1L, 2L), h.reported.stream().map(r -> r.record().kafkaOffset()).toList());
            assertTrue(h.reported.get(0).error().getMessage().contains("op 'm' is not one the sink applies"),
                    h.reported.get(0).error().getMessage());
            assertTrue(h.reported.get(1).error().getMessage().contains("(op 'u') has no 'after' row"),
                    h.reported.get(1).error().getMessage());
        }
        assertEquals(1, kinetica.rowCount(table(topic)));
    }

    static Struct key(long id) {
        return new Struct(DebeziumStream.KEY).put("id", id);
    }
}

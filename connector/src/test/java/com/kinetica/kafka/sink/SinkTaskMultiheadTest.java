package com.kinetica.kafka.sink;

import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Multi-head ingest: the sink task against an emulator whose worker ranks take records straight. */
class SinkTaskMultiheadTest {
    static final int WORKERS = 2;
    static final int RECORDS = 2000;
    static final Schema KEY = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
    static final Schema ROW = SchemaBuilder.struct().name("com.acme.Reading")
            .field("id", Schema.INT64_SCHEMA)
            .field("sensor", Schema.STRING_SCHEMA)
            .build();

    static KineticaEmulator emu;

    @BeforeAll
    static void start() {
        emu = KineticaEmulator.builder().port(0).workerRanks(WORKERS).start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    /** Writes RECORDS records (keyed by id, or without key) through a sink task; returns the records each rank took in. */
    static long[] write(String topic, boolean multihead, boolean keyed) {
        long[] before = inserted();
        Map<String, String> props = Map.of(
                "kinetica.url", emu.url(),
                "topics", topic,
                "kinetica.tables.single_table_per_topic", "true",
                "kinetica.retry_backoff_ms", "0",
                "kinetica.enable_multihead", String.valueOf(multihead));
        try (TaskHarness h = new TaskHarness(props, false)) {
            List<SinkRecord> records = new ArrayList<>();
            for (long id = 0; id < RECORDS; id++) {
                Struct value = new Struct(ROW).put("id", id).put("sensor", "s" + id % 13);
                records.add(keyed ? h.record(topic, KEY, new Struct(KEY).put("id", id), ROW, value)
                        : h.record(topic, null, null, ROW, value));
            }
            h.put(records);
            assertEquals(1, h.commit().size(), "offsets to commit");
        }
        long[] after = inserted();
        for (int rank = 0; rank <= WORKERS; rank++) {
            after[rank] -= before[rank];
        }
        return after;
    }

    static long[] inserted() {
        long[] counts = new long[WORKERS + 1];
        for (int rank = 0; rank <= WORKERS; rank++) {
            counts[rank] = emu.recordsInsertedThrough(rank);
        }
        return counts;
    }

    static Set<Long> ids(String table) {
        Set<Long> ids = new HashSet<>();
        for (Map<String, Object> row : emu.rows(table)) {
            ids.add((Long) row.get("id"));
        }
        return ids;
    }

    static void assertAllWritten(String table) {
        assertEquals(RECORDS, emu.rowCount(table));
        assertEquals(LongStream.range(0, RECORDS).boxed().collect(Collectors.toSet()), ids(table));
    }

    static void assertSpreadOverTheWorkers(long[] perRank) {
        assertEquals(0, perRank[0], "records inserted through the head");
        for (int rank = 1; rank <= WORKERS; rank++) {
            assertTrue(perRank[rank] > 0, "no records went through worker rank " + rank);
        }
        assertEquals(RECORDS, LongStream.of(perRank).sum());
    }

    @Test
    void keyedRecordsGoStraightToTheWorkerRankOwningTheirShard() {
        long rerouted = emu.recordsRerouted();

        long[] perRank = write("mh_keyed", true, true);

        assertSpreadOverTheWorkers(perRank);
        assertEquals(rerouted, emu.recordsRerouted(), "records sent to a rank not owning their shard");
        assertAllWritten("mh_keyed");
    }

    @Test
    void recordsWithoutKeyAreSpreadOverTheWorkerRanks() {
        long[] perRank = write("mh_unkeyed", true, false);

        assertSpreadOverTheWorkers(perRank);
        assertAllWritten("mh_unkeyed");
    }

    @Test
    void unreachableWorkerRanksAreNamedWithWhatToDo() {
        String topic = "mh_down";
        Map<String, String> props = Map.of(
                "kinetica.url", emu.url(),
                "topics", topic,
                "kinetica.tables.single_table_per_topic", "true",
                "kinetica.batch_size", "5",
                "kinetica.retry_count", "5",
                "kinetica.retry_backoff_ms", "0");
        try (TaskHarness h = new TaskHarness(props, false)) {
            List<SinkRecord> first = new ArrayList<>();
            List<SinkRecord> second = new ArrayList<>();
            for (long id = 0; id < 20; id++) {
                Struct value = new Struct(ROW).put("id", id).put("sensor", "s");
                (id < 10 ? first : second).add(h.record(topic, KEY, new Struct(KEY).put("id", id), ROW, value));
            }
            h.put(first);
            h.commit();
            emu.faults().downWorkerRanks();
            try {
                RetriableException e = assertThrows(RetriableException.class, () -> h.put(second));
                assertTrue(e.getMessage().startsWith("Writing to Kinetica at " + emu.url() + " through 2 worker rank(s)"
                        + " (multi-head ingest; set kinetica.enable_multihead=false if Connect cannot reach the worker ranks)"),
                        e.getMessage());
                assertTrue(e.getMessage().contains(emu.url(1)) || e.getMessage().contains(emu.url(2)), e.getMessage());
            } finally {
                emu.faults().up();
            }
            h.put(second); // Connect redelivers them
            h.commit();
        }
        assertEquals(LongStream.range(0, 20).boxed().collect(Collectors.toSet()), ids(topic));
    }

    @Test
    void withMultiheadOffEverythingGoesThroughTheHead() {
        long[] perRank = write("mh_off", false, true);

        assertEquals(RECORDS, perRank[0]);
        for (int rank = 1; rank <= WORKERS; rank++) {
            assertEquals(0, perRank[rank], "records inserted through worker rank " + rank);
        }
        assertAllWritten("mh_off");
    }
}

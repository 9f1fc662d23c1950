package dev.kconnect.sandbox.kinetica;

import com.gpudb.BulkInserter;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.WorkerList;
import com.gpudb.protocol.InsertRecordsResponse;
import dev.kconnect.sandbox.kinetica.KineticaEmulatorTest.BulkInserterCloser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Multi-head ingest: the real BulkInserter with a real WorkerList against an emulator with worker ranks. */
class KineticaEmulatorMultiheadTest {
    static final int WORKERS = 2;
    static final int ROWS = 3000;

    static final Type DEVICES = new Type("devices",
            new Type.Column("device", String.class, ColumnProperty.SHARD_KEY),
            new Type.Column("reading", Double.class));
    static final Type EVENTS = new Type("events",
            new Type.Column("seq", Long.class),
            new Type.Column("what", String.class));

    static KineticaEmulator emu;
    /** With auto-discovery, which a WorkerList needs to list the ranks. */
    static GPUdb db;
    static WorkerList workers;

    @BeforeAll
    static void start() throws GPUdbException {
        emu = KineticaEmulator.builder().port(0).workerRanks(WORKERS).start();
        db = new GPUdb(emu.url(), new GPUdb.Options().setDisableFailover(true).setTimeout(10_000));
        workers = new WorkerList(db);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    /** Records inserted through each rank (0 is the head) so far. */
    static long[] inserted() {
        long[] counts = new long[WORKERS + 1];
        for (int rank = 0; rank <= WORKERS; rank++) {
            counts[rank] = emu.recordsInsertedThrough(rank);
        }
        return counts;
    }

    /** Inserts {@code rows} records of {@code type} with the worker list; returns the records each rank took in. */
    static long[] bulkInsert(String table, Type type, IntFunction<GenericRecord> row) throws GPUdbException {
        long[] before = inserted();
        long rerouted = emu.recordsRerouted();
        try (BulkInserterCloser inserter = new BulkInserterCloser(
                new BulkInserter<GenericRecord>(db, table, type, 500, Map.of(), workers))) {
            for (int i = 0; i < ROWS; i++) {
                inserter.bulk().insert(row.apply(i));
            }
            inserter.bulk().flush();
        }
        assertEquals(rerouted, emu.recordsRerouted(), "records sent to a rank not owning their shard");
        long[] after = inserted();
        for (int rank = 0; rank <= WORKERS; rank++) {
            after[rank] -= before[rank];
        }
        return after;
    }

    static void assertSpreadOverTheWorkers(long[] perRank) {
        assertEquals(0, perRank[0], "records inserted through the head");
        for (int rank = 1; rank <= WORKERS; rank++) {
            assertTrue(perRank[rank] > 0, "no records went through worker rank " + rank);
        }
        assertEquals(ROWS, LongStream.of(perRank).sum());
    }

    @Test
    void theWorkerListNamesEveryWorkerRank() throws Exception {
        assertTrue(workers.isMultiHeadEnabled());
        List<URL> expected = new ArrayList<>();
        for (int rank = 1; rank <= WORKERS; rank++) {
            expected.add(new URL(emu.url(rank)));
        }
        assertEquals(expected, workers);
    }

    @Test
    void rowsWithAPrimaryKeyGoToTheRankOwningTheirShard() throws GPUdbException {
        db.createTable("mh_orders", KineticaEmulatorTest.ORDERS.create(db), Map.of());

        long[] perRank = bulkInsert("mh_orders", KineticaEmulatorTest.ORDERS,
                i -> KineticaEmulatorTest.order(i, "c" + (i % 5), i * 1.5));

        assertSpreadOverTheWorkers(perRank);
        List<Long> ids = KineticaEmulatorTest.ids(db.getRecords("mh_orders", 0, ROWS + 1,
                Map.of("sort_by", "id")));
        assertEquals(LongStream.range(0, ROWS).boxed().toList(), ids);
    }

    @Test
    void rowsWithAStringShardKeyGoToTheRankOwningTheirShard() throws GPUdbException {
        db.createTable("mh_devices", DEVICES.create(db), Map.of());

        long[] perRank = bulkInsert("mh_devices", DEVICES, i -> {
            GenericRecord record = new GenericRecord(DEVICES);
            record.put("device", "device-" + (i % 97));
            record.put("reading", i / 10.0);
            return record;
        });

        assertSpreadOverTheWorkers(perRank);
        assertEquals(ROWS, emu.rowCount("mh_devices"));
    }

    @Test
    void rowsWithoutAKeyGoToRandomRanks() throws GPUdbException {
        db.createTable("mh_events", EVENTS.create(db), Map.of());

        long[] perRank = bulkInsert("mh_events", EVENTS, i -> {
            GenericRecord record = new GenericRecord(EVENTS);
            record.put("seq", (long) i);
            record.put("what", "event " + i);
            return record;
        });

        assertSpreadOverTheWorkers(perRank);
        assertEquals(ROWS, db.getRecords("mh_events", 0, ROWS + 1, Map.of()).getData().size());
    }

    @Test
    void recordsSentToTheWrongRankAreReroutedAndCounted() throws GPUdbException {
        db.createTable("mh_misrouted", KineticaEmulatorTest.ORDERS.create(db), Map.of());
        GPUdb rank1 = Clients.direct(emu.url(1));
        List<GenericRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(KineticaEmulatorTest.order(i, "c", i));
        }
        long rerouted = emu.recordsRerouted();

        InsertRecordsResponse response = rank1.insertRecords("mh_misrouted", records, Map.of());

        long misrouted = emu.recordsRerouted() - rerouted;
        assertTrue(misrouted > 0 && misrouted < 100, "records of rank 2 sent to rank 1: " + misrouted);
        assertEquals("true", response.getInfo().get("data_rerouted"));
        assertEquals(100, emu.rowCount("mh_misrouted"));
    }

    @Test
    void withoutAWorkerListEverythingGoesThroughTheHead() throws GPUdbException {
        db.createTable("mh_head", KineticaEmulatorTest.ORDERS.create(db), Map.of());
        long[] before = inserted();
        try (BulkInserterCloser inserter = new BulkInserterCloser(
                new BulkInserter<GenericRecord>(db, "mh_head", KineticaEmulatorTest.ORDERS, 500, Map.of()))) {
            for (int i = 0; i < ROWS; i++) {
                inserter.bulk().insert(KineticaEmulatorTest.order(i, "c", i));
            }
            inserter.bulk().flush();
        }
        long[] after = inserted();
        assertEquals(ROWS, after[0] - before[0]);
        for (int rank = 1; rank <= WORKERS; rank++) {
            assertEquals(before[rank], after[rank], "records inserted through worker rank " + rank);
        }
    }

    @Test
    void workerRanksGoDownAndComeBackOnTheirPorts() throws Exception {
        String worker = emu.url(1);
        GPUdb rank1 = Clients.direct(worker);
        emu.faults().down();
        try {
            GPUdbException refused = assertThrows(GPUdbException.class, () -> rank1.hasTable("mh_any", Map.of()));
            assertTrue(refused.hadConnectionFailure(), refused.getMessage());
        } finally {
            emu.faults().up();
        }
        assertEquals(worker, emu.url(1));
        assertNotEquals(emu.url(0), emu.url(1));
        assertFalse(rank1.hasTable("mh_any", Map.of()).getTableExists());
    }
}

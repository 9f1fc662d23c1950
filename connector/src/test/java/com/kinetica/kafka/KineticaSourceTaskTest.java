package com.kinetica.kafka;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.kinetica.kafka.config.KineticaSourceConfig;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.Await;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.kinetica.kafka.EventsTable.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real source task reading the Kinetica emulator through the real gpudb-api client. */
class KineticaSourceTaskTest {
    static final AtomicInteger TABLES = new AtomicInteger();

    @AutoClose
    static final KineticaEmulator emulator = KineticaEmulator.builder().port(0).start();
    static final GPUdb db = emulator.client();
    final SourceTaskHarness harness = new SourceTaskHarness();

    @AfterEach
    void stopTask() {
        harness.stop();
        emulator.faults().reset();
    }

    static String newTable(Type type) throws Exception {
        String table = "t" + TABLES.incrementAndGet();
        db.createTable(table, type.create(db), Map.of());
        return table;
    }

    static void insertEvents(String table, long from, long to, java.util.function.LongUnaryOperator ts) throws Exception {
        EventsTable.insert(db, table, from, to, ts);
    }

    static Map<String, String> props(String tables) {
        Map<String, String> props = new HashMap<>();
        props.put("kinetica.url", emulator.url());
        props.put("kinetica.table_names", tables);
        props.put(KineticaSourceConfig.POLL_INTERVAL_MS, "20");
        props.put(KineticaSourceConfig.RETRY_BACKOFF_MS, "10");
        return props;
    }

    static List<Long> ids(List<SourceRecord> records) {
        return records.stream().map(r -> ((Struct) r.value()).getInt64("id")).toList();
    }

    @Test
    void everyColumnTypeArrivesAsItsConnectType() throws Exception {
        Type all = new Type("all_types",
                new Type.Column("id", Integer.class, ColumnProperty.PRIMARY_KEY),
                new Type.Column("i8", Integer.class, ColumnProperty.INT8),
                new Type.Column("i16", Integer.class, ColumnProperty.INT16),
                new Type.Column("l", Long.class),
                new Type.Column("f", Float.class),
                new Type.Column("d", Double.class),
                new Type.Column("s", String.class),
                new Type.Column("c8", String.class, ColumnProperty.CHAR8),
                new Type.Column("b", ByteBuffer.class),
                new Type.Column("flag", Integer.class, ColumnProperty.BOOLEAN),
                new Type.Column("day", String.class, ColumnProperty.DATE),
                new Type.Column("tod", String.class, ColumnProperty.TIME),
                new Type.Column("dt", String.class, ColumnProperty.DATETIME),
                new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP),
                new Type.Column("dec", String.class, ColumnProperty.DECIMAL),
                new Type.Column("ip", String.class, ColumnProperty.IPV4),
                new Type.Column("u", String.class, ColumnProperty.UUID),
                new Type.Column("opt", Double.class, ColumnProperty.NULLABLE));
        String table = newTable(all);
        GenericRecord row = new GenericRecord(all);
        row.put("id", 1);
        row.put("i8", -7);
        row.put("i16", 1234);
        row.put("l", 1L << 40);
        row.put("f", 0.5f);
        row.put("d", -1.25);
        row.put("s", "hello");
        row.put("c8", "abc");
        row.put("b", ByteBuffer.wrap(new byte[]{9, 8}));
        row.put("flag", 1);
        row.put("day", "2024-03-01");
        row.put("tod", "01:02:03.004");
        row.put("dt", "2024-03-01 01:02:03.004");
        row.put("ts", 1_709_254_923_004L);
        row.put("dec", "12.3400");
        row.put("ip", "192.168.0.1");
        row.put("u", "123e4567-e89b-12d3-a456-426614174000");
        row.put("opt", null);
        db.insertRecords(table, List.of(row), Map.of());

        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.TOPIC_PREFIX, "kin-");
        props.put(KineticaSourceConfig.SCHEMA_VERSION, "2");
        harness.start(props);
        List<SourceRecord> records = harness.pollUntil(1);
        assertEquals(1, records.size());
        SourceRecord record = records.get(0);
        assertEquals("kin-" + table, record.topic());
        assertEquals(Map.of("table", table), record.sourcePartition());
        assertEquals(Map.of("incrementing", 1L), record.sourceOffset());
        Struct value = (Struct) record.value();
        value.validate();
        assertEquals("kinetica." + table, record.valueSchema().name());
        assertEquals(2, record.valueSchema().version());
        assertEquals(1, ((Struct) record.key()).getInt32("id"));
        assertEquals((byte) -7, value.get("i8"));
        assertEquals((short) 1234, value.get("i16"));
        assertEquals(1L << 40, value.get("l"));
        assertEquals(0.5f, value.get("f"));
        assertEquals(-1.25, value.get("d"));
        assertEquals("hello", value.get("s"));
        assertEquals("abc", value.get("c8"));
        assertArrayEquals(new byte[]{9, 8}, (byte[]) value.get("b"));
        assertEquals(true, value.get("flag"));
        assertEquals(new java.util.Date(19783L * 86_400_000L), value.get("day"));
        assertEquals(new java.util.Date(3_723_004L), value.get("tod"));
        assertEquals(new java.util.Date(19783L * 86_400_000L + 3_723_004L), value.get("dt"));
        assertEquals(new java.util.Date(1_709_254_923_004L), value.get("ts"));
        assertEquals(new BigDecimal("12.3400"), value.get("dec"));
        assertEquals("192.168.0.1", value.get("ip"));
        assertEquals("123e4567-e89b-12d3-a456-426614174000", value.get("u"));
        assertNull(value.get("opt"));
        assertTrue(record.valueSchema().field("opt").schema().isOptional());
    }

    @Test
    void incrementingModeSendsEveryRowOnceInOrderAcrossPages() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        insertEvents(table, 1, 25, id -> 1000);
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.BATCH_SIZE, "10");
        harness.start(props);
        assertEquals(range(1, 25), ids(harness.pollAll()));
        insertEvents(table, 26, 30, id -> 1000);
        assertEquals(range(26, 30), ids(harness.pollUntil(5)));
        assertEquals(List.of(), harness.pollAll());
    }

    @Test
    void timestampIncrementingModeSendsRowsSharingATimestampOnceAcrossPages() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        // ids 1..3 at t=100, 4..9 at t=200 (more than a page), 10..12 at t=300
        insertEvents(table, 1, 12, id -> id <= 3 ? 100 : id <= 9 ? 200 : 300);
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.MODE, "timestamp+incrementing");
        props.put(KineticaSourceConfig.BATCH_SIZE, "4");
        harness.start(props);
        assertEquals(range(1, 12), ids(harness.pollAll()));
        // a late row at the last timestamp with a higher id still counts as new
        insertEvents(table, 13, 13, id -> 300);
        assertEquals(List.of(13L), ids(harness.pollUntil(1)));
    }

    @Test
    void timestampModeSendsEveryRowAtLeastOnceAndResumesAfterTheLastCompleteTimestamp() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        insertEvents(table, 1, 12, id -> id <= 3 ? 100 : id <= 9 ? 200 : 300);
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.MODE, "timestamp");
        props.put(KineticaSourceConfig.TIMESTAMP_COLUMN, "ts");
        props.put(KineticaSourceConfig.BATCH_SIZE, "4");
        harness.start(props);
        List<SourceRecord> records = harness.pollAll();
        assertEquals(range(1, 12), ids(records).stream().sorted().toList());
        assertEquals(Map.of("timestamp", 300L), records.get(records.size() - 1).sourceOffset());
        insertEvents(table, 13, 14, id -> 400);
        harness.start(props);
        assertEquals(List.of(13L, 14L), ids(harness.pollUntil(2)).stream().sorted().toList());
    }

    @Test
    void aDatetimeColumnOrdersRowsAndResumes() throws Exception {
        Type changes = new Type("changes",
                new Type.Column("id", Integer.class),
                new Type.Column("changed", String.class, ColumnProperty.DATETIME));
        String table = newTable(changes);
        String[] times = {"2024-05-01 10:00:00.000", "2024-05-01 09:00:00.500", "2024-05-01 10:00:00.000",
                "2024-05-02 00:00:00.000", "2024-05-01 09:00:00.500", "2024-05-01 10:00:00.000", "2024-05-03 12:30:00.250"};
        List<GenericRecord> rows = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            GenericRecord row = new GenericRecord(changes);
            row.put("id", i + 1);
            row.put("changed", times[i]);
            rows.add(row);
        }
        db.insertRecords(table, rows, Map.of());
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.MODE, "timestamp+incrementing");
        props.put(KineticaSourceConfig.INCREMENTING_COLUMN, "id");
        props.put(KineticaSourceConfig.BATCH_SIZE, "3");
        harness.start(props);
        List<Integer> order = harness.pollAll().stream().map(r -> ((Struct) r.value()).getInt32("id")).toList();
        assertEquals(List.of(2, 5, 1, 3, 6, 4, 7), order);

        GenericRecord late = new GenericRecord(changes);
        late.put("id", 8);
        late.put("changed", "2024-05-03 12:30:00.250"); // same time as the last row, higher id
        db.insertRecords(table, List.of(late), Map.of());
        harness.start(props);
        assertEquals(List.of(8), harness.pollUntil(1).stream().map(r -> ((Struct) r.value()).getInt32("id")).toList());
    }

    @Test
    void aSchemaQualifiedTableGoesToAValidTopic() throws Exception {
        db.createSchema("app", Map.of());
        String table = "app.orders";
        EventsTable.create(db, table);
        insertEvents(table, 1, 2, id -> 1000);
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.TOPIC_PREFIX, "kin-");
        harness.start(props);
        List<SourceRecord> records = harness.pollUntil(2);
        assertEquals(List.of("kin-app.orders", "kin-app.orders"), records.stream().map(SourceRecord::topic).toList());
        assertEquals(Map.of("table", "app.orders"), records.get(0).sourcePartition());
        assertEquals("kinetica.app.orders", records.get(0).valueSchema().name());
    }

    @Test
    void aNewTaskResumesFromTheCommittedOffsetWithoutLossOrRepeat() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        insertEvents(table, 1, 30, id -> 1000);
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.BATCH_SIZE, "15");
        harness.start(props);
        assertEquals(range(1, 15), ids(harness.pollOnce()));
        insertEvents(table, 31, 40, id -> 1000); // while the task is down
        harness.start(props);                     // a new task instance, same offset store
        assertEquals(range(16, 40), ids(harness.pollAll()));
    }

    @Test
    void latestSkipsTheRowsAlreadyThere() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        insertEvents(table, 1, 5, id -> 1000);
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.INITIAL_POSITION, "latest");
        harness.start(props);
        assertEquals(List.of(), harness.pollAll());
        insertEvents(table, 6, 7, id -> 1000);
        assertEquals(List.of(6L, 7L), ids(harness.pollUntil(2)));
    }

    @Test
    void oneTaskReadsSeveralTablesEachIntoItsTopic() throws Exception {
        String a = newTable(EventsTable.EVENTS);
        String b = newTable(EventsTable.EVENTS);
        insertEvents(a, 1, 3, id -> 1000);
        insertEvents(b, 1, 2, id -> 1000);
        harness.start(props(a + "," + b));
        List<SourceRecord> records = harness.pollUntil(5);
        assertEquals(List.of(1L, 2L, 3L), ids(records.stream().filter(r -> r.topic().equals(a)).toList()));
        assertEquals(List.of(1L, 2L), ids(records.stream().filter(r -> r.topic().equals(b)).toList()));
    }

    @Test
    void anAddedColumnArrivesWithTheNextRowsInANewSchema() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        insertEvents(table, 1, 2, id -> 1000);
        harness.start(props(table));
        List<SourceRecord> before = harness.pollAll();
        assertEquals(range(1, 2), ids(before));
        db.alterTable(table, "add_column", "note", Map.of("column_type", "string", "column_properties", "char32,nullable"));
        Type grown = Type.fromTable(db, table);
        GenericRecord row = new GenericRecord(grown);
        row.put("id", 3L);
        row.put("ts", 1000L);
        row.put("name", "event 3");
        row.put("note", "new column");
        db.insertRecords(table, List.of(row), Map.of());
        List<SourceRecord> after = harness.pollUntil(1);
        assertEquals(List.of(3L), ids(after));
        assertEquals("new column", ((Struct) after.get(0).value()).get("note"));
        assertTrue(after.get(0).valueSchema().field("note").schema().isOptional());
        assertNull(before.get(0).valueSchema().field("note"));
    }

    @Test
    void rowsReadBeforeAnotherTableFailsAreSentUntilTheRetriesRunOut() throws Exception {
        String kept = newTable(EventsTable.EVENTS);
        String dropped = newTable(EventsTable.EVENTS);
        Map<String, String> props = props(kept + "," + dropped);
        props.put(KineticaSourceConfig.MAX_RETRIES, "2");
        harness.start(props);
        assertEquals(List.of(), harness.pollAll());
        insertEvents(kept, 1, 3, id -> 1000);
        db.clearTable(dropped, null, Map.of());
        assertEquals(range(1, 3), ids(harness.pollOnce())); // the second table failed after the first was read
        insertEvents(kept, 4, 4, id -> 1000);
        assertEquals(List.of(4L), ids(harness.pollOnce()));
        ConnectException e = assertThrows(ConnectException.class, harness::pollOnce);
        assertTrue(e.getMessage().contains("failed 3 times in a row"), e.getMessage());
    }

    @Test
    void aMissingTableOrColumnFailsTheTaskSayingWhatToFix() throws Exception {
        harness.start(props("no_such_table"));
        ConnectException missing = assertThrows(ConnectException.class, harness::pollOnce);
        assertEquals("Table 'no_such_table' does not exist in Kinetica at " + emulator.url()
                + ": create it, or remove it from kinetica.table_names", missing.getMessage());

        String table = newTable(EventsTable.EVENTS);
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.INCREMENTING_COLUMN, "seq");
        harness.start(props);
        ConnectException column = assertThrows(ConnectException.class, harness::pollOnce);
        assertTrue(column.getMessage().startsWith("Table '" + table + "' has no column 'seq'"), column.getMessage());
    }

    @Test
    void anOutageIsRetriedAndTheTaskCarriesOnWhereItWas() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        insertEvents(table, 1, 5, id -> 1000);
        harness.start(props(table));
        assertEquals(range(1, 5), ids(harness.pollAll()));
        emulator.faults().down();
        assertEquals(List.of(), harness.pollOnce()); // failed, waited, will retry
        assertEquals(List.of(), harness.pollOnce());
        emulator.faults().up();
        insertEvents(table, 6, 8, id -> 1000);
        assertEquals(range(6, 8), ids(harness.pollUntil(3)));
    }

    @Test
    void anOutageLongerThanTheRetriesFailsTheTaskWithOneLineNamingTheSetting() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.MAX_RETRIES, "2");
        harness.start(props);
        harness.pollAll();
        emulator.faults().down();
        harness.pollOnce();
        harness.pollOnce();
        ConnectException e = assertThrows(ConnectException.class, harness::pollOnce);
        assertTrue(e.getMessage().startsWith("Reading Kinetica at " + emulator.url() + " failed 3 times in a row"
                + " (kinetica.source.max_retries=2), giving up: "), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    }

    @Test
    void anUnreachableKineticaAtStartFailsTheTaskOnceTheRetriesRunOut() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, String> props = props("t");
        props.put("kinetica.url", "http://127.0.0.1:" + closed);
        props.put(KineticaSourceConfig.MAX_RETRIES, "1");
        harness.start(props);
        assertEquals(List.of(), harness.pollOnce());
        ConnectException e = assertThrows(ConnectException.class, harness::pollOnce);
        assertTrue(e.getMessage().startsWith("Reading Kinetica at http://127.0.0.1:" + closed
                + " failed 2 times in a row (kinetica.source.max_retries=1), giving up: Kinetica at http://127.0.0.1:"
                + closed + " did not answer"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    }

    @Test
    void wrongCredentialsFailTheTaskAtOnceWithoutShowingThePassword() throws Exception {
        try (KineticaEmulator secured = KineticaEmulator.builder().port(0).credentials("alice", "right").start()) {
            Map<String, String> props = props("t");
            props.put("kinetica.url", secured.url());
            props.put("kinetica.username", "alice");
            props.put("kinetica.password", "wrong-secret");
            harness.start(props);
            ConnectException e = assertThrows(ConnectException.class, harness::pollOnce);
            assertEquals("Kinetica at " + secured.url() + " refused user 'alice': check kinetica.username and "
                    + "kinetica.password", e.getMessage());
        }
    }

    @Test
    void aModeColumnTheTableLacksFailsAtOnceNamingTheSetting() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.MODE, "timestamp");
        props.put(KineticaSourceConfig.TIMESTAMP_COLUMN, "updated");
        harness.start(props);
        ConnectException e = assertThrows(ConnectException.class, harness::pollOnce);
        assertTrue(e.getMessage().startsWith("Table '" + table + "' has no column 'updated'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("fix kinetica.source.timestamp_column"), e.getMessage());
    }

    @Test
    void kineticaErrorsAreRetriedToo() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        insertEvents(table, 1, 3, id -> 1000);
        harness.start(props(table));
        emulator.faults().failNext(2);
        assertEquals(range(1, 3), ids(harness.pollUntil(3)));
    }

    @Test
    void aPageAskedForAheadThatFailsIsAskedForAgainAndNothingIsLostOrRepeated() throws Exception {
        startReadingPagesOfTen();
        emulator.faults().latency(Duration.ofSeconds(1));
        List<SourceRecord> first = harness.pollOnce(); // rows 1-10; rows 11-20 are asked for now, slowly
        Await.until("the next page to be asked for", Duration.ofSeconds(10), () -> emulator.callsInProgress() == 1);
        emulator.faults().failNext(1);                  // and that call fails when its answer is due
        emulator.faults().latency(Duration.ZERO);
        assertEquals(range(1, 10), ids(first));
        assertEquals(List.of(), harness.pollOnce(), "the failed page: nothing this time");
        assertEquals(0, emulator.faults().failuresLeft(), "the page asked for ahead met the failure");
        assertEquals(range(11, 25), ids(harness.pollAll()));
    }

    @Test
    void aColumnAddedWhilePagesAreReadAheadArrivesWithTheFirstPageReadInTheNewType() throws Exception {
        String table = startReadingPagesOfTen();
        emulator.faults().latency(Duration.ofMillis(300));
        assertEquals(range(1, 10), ids(harness.pollOnce())); // rows 11-20 are asked for and decoded ahead now
        Await.until("the next page to be asked for", Duration.ofSeconds(10), () -> emulator.callsInProgress() == 1);
        Await.until("the next page to be answered", Duration.ofSeconds(10), () -> emulator.callsInProgress() == 0);
        emulator.faults().latency(Duration.ZERO);
        db.alterTable(table, "add_column", "note", Map.of("column_type", "string", "column_properties", "char32,nullable"));
        Type grown = Type.fromTable(db, table);
        List<GenericRecord> rows = new ArrayList<>();
        for (long id = 26; id <= 30; id++) {
            GenericRecord row = new GenericRecord(grown);
            row.put("id", id);
            row.put("ts", 1000L);
            row.put("name", "event " + id);
            row.put("note", "note " + id);
            rows.add(row);
        }
        db.insertRecords(table, rows, Map.of());

        List<SourceRecord> records = harness.pollAll();
        assertEquals(range(11, 30), ids(records));
        for (SourceRecord record : records) {
            long id = ((Struct) record.value()).getInt64("id");
            ((Struct) record.value()).validate();
            // the page read ahead before the change keeps its type; every page read after it has the column
            assertEquals(id > 20, record.valueSchema().field("note") != null, "row " + id);
            if (id > 20) {
                assertEquals(id > 25 ? "note " + id : null, ((Struct) record.value()).get("note"), "row " + id);
            }
        }
    }

    /** Starts the task on a new table of 25 rows (ids 1-25), read 10 rows a page; returns the table. */
    private String startReadingPagesOfTen() throws Exception {
        String table = newTable(EventsTable.EVENTS);
        insertEvents(table, 1, 25, id -> 1000);
        Map<String, String> props = props(table);
        props.put(KineticaSourceConfig.BATCH_SIZE, "10");
        harness.start(props);
        return table;
    }
}

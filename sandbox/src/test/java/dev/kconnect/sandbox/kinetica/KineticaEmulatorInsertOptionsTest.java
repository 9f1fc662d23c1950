package dev.kconnect.sandbox.kinetica;

import com.gpudb.BulkInserter;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.InsertRecordsResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /insert/records' options as Kinetica 7.1 documents them, and its refusal of options it does not know. */
class KineticaEmulatorInsertOptionsTest {
    static final Type EVENTS = new Type("events",
            new Type.Column("id", Integer.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("day", String.class, ColumnProperty.DATE),
            new Type.Column("code", String.class, ColumnProperty.CHAR4));

    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.builder().port(0).start();
    static final GPUdb db = Clients.direct(emu.url());

    private static void createEvents(String table) throws GPUdbException {
        db.createTable(table, EVENTS.create(db), Map.of());
        db.insertRecords(table, List.of(event(1, "2024-01-01", "a")), Map.of());
    }

    private static GenericRecord event(int id, String day, String code) {
        GenericRecord record = new GenericRecord(EVENTS);
        record.put("id", id);
        record.put("day", day);
        record.put("code", code);
        return record;
    }

    /** Records 0 and 3 are good; 1 repeats the key in the table, 2 has no date, 4 repeats record 3's key. */
    private static List<GenericRecord> mixed() {
        return List.of(event(10, "2024-02-01", "b"), event(1, "2024-02-02", "c"), event(11, "someday", "d"),
                event(12, "2024-02-04", "e"), event(12, "2024-02-05", "f"));
    }

    @Test
    void returnIndividualErrorsAnswersOkAndInsertsNothingWhenARecordIsBad() throws GPUdbException {
        createEvents("individual");
        InsertRecordsResponse response = db.insertRecords("individual", mixed(),
                Map.of("return_individual_errors", "true"));
        assertEquals(0, response.getCountInserted());
        assertEquals("1,2,4", response.getInfo().get("bad_record_indices"));
        assertTrue(response.getInfo().get("error_1").contains("primary key"), response.getInfo().toString());
        assertTrue(response.getInfo().get("error_2").contains("Invalid value 'someday'"), response.getInfo().toString());
        assertTrue(response.getInfo().get("error_4").contains("primary key"), response.getInfo().toString());
        assertFalse(response.getInfo().containsKey("error_0"));
        assertEquals(1, emu.rowCount("individual"));

        InsertRecordsResponse good = db.insertRecords("individual", List.of(event(20, "2024-03-01", "g")),
                Map.of("return_individual_errors", "true"));
        assertEquals(1, good.getCountInserted());
        assertEquals("", good.getInfo().get("bad_record_indices"));
    }

    @Test
    void allowPartialBatchInsertsTheGoodRecordsAndReportsTheBadOnes() throws GPUdbException {
        createEvents("partial");
        InsertRecordsResponse response = db.insertRecords("partial", mixed(), Map.of("allow_partial_batch", "true"));
        assertEquals(2, response.getCountInserted());
        assertEquals("1,2,4", response.getInfo().get("bad_record_indices"));
        assertEquals(3, emu.rowCount("partial"));
        assertEquals("e", emu.rows("partial").stream().filter(r -> r.get("id").equals(12)).findFirst()
                .orElseThrow().get("code"), "the first record of a repeated key goes in");
    }

    @Test
    void withoutThoseOptionsOneBadRecordFailsTheCall() throws GPUdbException {
        createEvents("strict");
        GPUdbException e = assertThrows(GPUdbException.class, () -> db.insertRecords("strict", mixed(), Map.of()));
        assertTrue(e.getMessage().contains("Invalid value 'someday'"), e.getMessage());
        assertEquals(1, emu.rowCount("strict"));
    }

    @Test
    void dryRunSavesNothingAndStillFindsErrors() throws GPUdbException {
        createEvents("dry");
        InsertRecordsResponse dry = db.insertRecords("dry", List.of(event(2, "2024-01-02", "x")),
                Map.of("dry_run", "true"));
        assertEquals(1, dry.getCountInserted());
        assertEquals(1, emu.rowCount("dry"));
        GPUdbException duplicate = assertThrows(GPUdbException.class,
                () -> db.insertRecords("dry", List.of(event(1, "2024-01-02", "x")), Map.of("dry_run", "true")));
        assertTrue(duplicate.getMessage().contains("primary key"), duplicate.getMessage());
        InsertRecordsResponse reported = db.insertRecords("dry", mixed(),
                Map.of("dry_run", "true", "return_individual_errors", "true"));
        assertEquals(2, reported.getCountInserted(), "the records that would go in");
        assertEquals("1,2,4", reported.getInfo().get("bad_record_indices"));
        assertEquals(1, emu.rowCount("dry"));
    }

    @Test
    void upsertWinsOverIgnoreAndTruncationFitsCharN() throws GPUdbException {
        createEvents("both");
        InsertRecordsResponse both = db.insertRecords("both", List.of(event(1, "2024-05-05", "toolong")),
                Map.of("update_on_existing_pk", "true", "ignore_existing_pk", "true", "truncate_strings", "true"));
        assertEquals(1, both.getCountUpdated(), "ignore_existing_pk has no effect in upsert mode");
        assertEquals("tool", emu.rows("both").get(0).get("code"));
        assertEquals("2024-05-05", emu.rows("both").get(0).get("day"));
    }

    @Test
    void bulkInserterCollectsTheIndividualErrors() throws GPUdbException {
        createEvents("bulk");
        BulkInserter<GenericRecord> inserter = new BulkInserter<>(db, "bulk", EVENTS, 10,
                Map.of("allow_partial_batch", "true", "return_individual_errors", "true"));
        try {
            inserter.insert(mixed());
            inserter.flush();
            assertEquals(2, inserter.getCountInserted());
            assertEquals(3, inserter.getErrors().size(), String.valueOf(inserter.getErrors()));
        } finally {
            inserter.close();
        }
    }

    @Test
    void anOptionKineticaDoesNotKnowIsRefused() throws GPUdbException {
        createEvents("typo");
        GPUdbException typo = assertThrows(GPUdbException.class, () -> db.insertRecords("typo",
                List.of(event(3, "2024-01-03", "y")), Map.of("update_on_existing_key", "true")));
        assertTrue(typo.getMessage().contains("Parameter map key: 'update_on_existing_key' is not a valid parameter"),
                typo.getMessage());
        assertEquals(1, emu.rowCount("typo"));
        GPUdbException elsewhere = assertThrows(GPUdbException.class,
                () -> db.hasTable("typo", Map.of("no_error_if_not_exists", "true")));
        assertTrue(elsewhere.getMessage().contains("is not a valid parameter"), elsewhere.getMessage());
    }
}

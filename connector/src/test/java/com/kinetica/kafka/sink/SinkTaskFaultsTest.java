package com.kinetica.kafka.sink;

import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kinetica outages and errors in the middle of a stream: the task retries through Connect's
 * redelivery, commits nothing Kinetica has not acknowledged, and ends with every record
 * exactly once (the tables here have no primary key, so a doubled record would show).
 */
class SinkTaskFaultsTest {
    static final Schema ROW = SchemaBuilder.struct().field("seq", Schema.INT64_SCHEMA).build();
    static KineticaEmulator emu;

    @BeforeAll
    static void start() {
        emu = KineticaEmulator.start(0);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void heal() {
        emu.faults().reset();
    }

    static Map<String, String> props(String topic, int retries) {
        Map<String, String> p = new HashMap<>();
        p.put("kinetica.url", emu.url());
        p.put("topics", topic);
        p.put("kinetica.tables.single_table_per_topic", "true");
        p.put("kinetica.batch_size", "10");
        p.put("kinetica.retry_count", Integer.toString(retries));
        p.put("kinetica.retry_backoff_ms", "123");
        return p;
    }

    static List<SinkRecord> batch(TaskHarness h, String topic, int from, int count) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            records.add(h.record(topic, null, null, ROW, new Struct(ROW).put("seq", (long) i)));
        }
        return records;
    }

    static List<Long> seqs(String table) {
        List<Long> seqs = new ArrayList<>();
        emu.rows(table).forEach(r -> seqs.add((Long) r.get("seq")));
        seqs.sort(null);
        return seqs;
    }

    static List<Long> range(int n) {
        List<Long> all = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    @Test
    void anOutageInTheMiddleOfAStreamLosesAndDoublesNothing() {
        String topic = "outage";
        try (TaskHarness h = new TaskHarness(props(topic, 100), false)) {
            h.put(batch(h, topic, 0, 25));
            assertEquals(h.consumed, h.commit());
            assertEquals(range(25), seqs(topic), "a commit writes what is buffered first");

            emu.faults().down();
            List<SinkRecord> during = batch(h, topic, 25, 25);
            for (int attempt = 0; attempt < 3; attempt++) {
                RetriableException e = assertThrows(RetriableException.class, () -> h.put(during));
                assertTrue(e.getMessage().contains("retrying in 123 ms"), e.getMessage());
                assertEquals(123, h.lastTimeout);
                assertEquals(Map.of(), h.commit(), "nothing is committed while Kinetica is down");
            }
            emu.faults().up();
            h.put(during); // Connect redelivers the same records
            List<SinkRecord> after = batch(h, topic, 50, 7);
            h.put(after);
            assertEquals(h.consumed, h.commit());
            assertEquals(57, h.consumed.values().iterator().next().offset());
        }
        assertEquals(range(57), seqs(topic));
    }

    @Test
    void kineticaErrorsAreRetriedToo() {
        String topic = "errors";
        try (TaskHarness h = new TaskHarness(props(topic, 100), false)) {
            h.put(batch(h, topic, 0, 5));
            h.commit();
            emu.faults().failNext(2);
            List<SinkRecord> next = batch(h, topic, 5, 20);
            int failures = 0;
            while (true) {
                try {
                    h.put(next);
                    break;
                } catch (RetriableException e) {
                    failures++;
                    assertTrue(failures < 10, "still failing after " + failures + " attempts");
                }
            }
            assertTrue(failures > 0);
            assertEquals(h.consumed, h.commit());
        }
        assertEquals(range(25), seqs(topic));
    }

    @Test
    void anOutageLongerThanTheRetriesFailsTheTaskLoudly() {
        String topic = "giveup";
        try (TaskHarness h = new TaskHarness(props(topic, 2), false)) {
            h.put(batch(h, topic, 0, 3));
            h.commit();
            emu.faults().down();
            List<SinkRecord> records = batch(h, topic, 3, 12);
            assertInstanceOf(RetriableException.class, assertThrows(RuntimeException.class, () -> h.put(records)));
            assertInstanceOf(RetriableException.class, assertThrows(RuntimeException.class, () -> h.put(records)));
            RuntimeException last = assertThrows(RuntimeException.class, () -> h.put(records));
            assertEquals(ConnectException.class, last.getClass());
            assertTrue(last.getMessage().contains("giving up") && last.getMessage().contains(emu.url()), last.getMessage());
            assertEquals(range(3), seqs(topic));
            assertEquals(Map.of(), h.commit());
            emu.faults().up();
        }
    }

    @Test
    void recordsKineticaKeepsRefusingGoToErrorHandlingOnTheLastAttempt() {
        String topic = "refused";
        try (TaskHarness h = new TaskHarness(props(topic, 1), true)) {
            h.put(batch(h, topic, 0, 10));
            h.commit();
            emu.faults().failNext(1_000_000);
            List<SinkRecord> refused = batch(h, topic, 10, 10);
            assertThrows(RetriableException.class, () -> h.put(refused));
            h.put(refused); // the last attempt writes row by row and reports every row Kinetica refuses
            assertEquals(10, h.reported.size());
            assertEquals(10, h.reported.get(0).record().kafkaOffset());
            assertTrue(h.reported.get(0).error().getMessage().contains("Kinetica rejected it"),
                    h.reported.get(0).error().getMessage());
            emu.faults().reset();
            h.put(batch(h, topic, 20, 10));
            assertEquals(h.consumed, h.commit());
        }
        List<Long> expected = new ArrayList<>(range(10));
        for (long i = 20; i < 30; i++) {
            expected.add(i);
        }
        assertEquals(expected, seqs(topic));
    }

    @Test
    void wrongCredentialsFailTheTaskWithoutShowingThePassword() {
        try (KineticaEmulator secured = KineticaEmulator.builder().port(0).credentials("alice", "right").start()) {
            Map<String, String> p = props("secured", 5);
            p.put("kinetica.url", secured.url());
            p.put("kinetica.username", "alice");
            p.put("kinetica.password", "wrong-secret");
            ConnectException e = assertThrows(ConnectException.class, () -> {
                try (TaskHarness h = new TaskHarness(p, false)) {
                    h.put(batch(h, "secured", 0, 1));
                }
            });
            assertTrue(e.getMessage().contains("alice"), e.getMessage());
            assertTrue(!e.getMessage().contains("wrong-secret"), e.getMessage());
        }
    }

    @Test
    void aTaskStartedWhileKineticaIsDownWritesOnceItIsBack() {
        String topic = "latestart";
        emu.faults().down();
        try (TaskHarness h = new TaskHarness(props(topic, 100), false)) {
            List<SinkRecord> records = batch(h, topic, 0, 4);
            assertThrows(RetriableException.class, () -> h.put(records));
            emu.faults().up();
            h.put(records);
            assertEquals(h.consumed, h.commit());
        }
        assertEquals(new TreeSet<>(range(4)), new TreeSet<>(seqs(topic)));
        assertEquals(4, seqs(topic).size());
    }
}

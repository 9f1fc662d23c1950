package com.kinetica.kafka.sink;

import com.gpudb.GPUdb;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.Await;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kinetica outages and errors in the middle of a stream: the task retries through Connect's
 * redelivery, commits nothing Kinetica has not acknowledged, sends only records Kinetica refuses
 * to error handling, and ends with every record exactly once (the tables here have no primary
 * key, so a doubled record would show).
 */
class SinkTaskFaultsTest {
    static final Schema ROW = SchemaBuilder.struct().field("seq", Schema.INT64_SCHEMA).build();
    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.start(0);
    static final GPUdb gpudb = emu.client();

    @AfterEach
    void heal() {
        emu.faults().reset();
    }

    /** Retries 123 ms apart (no doubling), for a long time. */
    static Map<String, String> props(String topic) {
        Map<String, String> p = new HashMap<>();
        p.put("kinetica.url", emu.url());
        p.put("topics", topic);
        p.put("kinetica.tables.single_table_per_topic", "true");
        p.put("kinetica.batch_size", "10");
        p.put("kinetica.retry_backoff_ms", "123");
        p.put("kinetica.retry_backoff_max_ms", "123");
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

    static List<Long> range(int from, int to) {
        List<Long> all = new ArrayList<>();
        for (long i = from; i < to; i++) {
            all.add(i);
        }
        return all;
    }

    /** Puts as Connect does after a RetriableException: the same records again, until they are taken. */
    static int putUntilTaken(TaskHarness h, List<SinkRecord> records) {
        for (int failures = 0; failures < 200; failures++) {
            try {
                h.put(records);
                return failures;
            } catch (RetriableException e) {
                assertEquals(Map.of(), h.reported.isEmpty() ? Map.of() : Map.of("reported", h.reported));
            }
        }
        throw new AssertionError("still failing after 200 attempts");
    }

    static Map<TopicPartition, OffsetAndMetadata> offsets(String topic, long offset) {
        return Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset));
    }

    @Test
    void anOutageInTheMiddleOfAStreamLosesAndDoublesNothing() {
        String topic = "outage";
        try (TaskHarness h = new TaskHarness(props(topic), false)) {
            h.put(batch(h, topic, 0, 25));
            assertEquals(h.consumed, h.commit());
            assertEquals(range(0, 25), seqs(topic), "a commit writes what is buffered first");

            emu.faults().down();
            List<SinkRecord> during = batch(h, topic, 25, 25);
            for (int attempt = 0; attempt < 3; attempt++) {
                RetriableException e = assertThrows(RetriableException.class, () -> h.put(during));
                assertTrue(e.getMessage().contains("retrying within 123 ms") && e.getMessage().contains(emu.url()),
                        e.getMessage());
                assertEquals(123, h.lastTimeout);
                assertEquals(offsets(topic, 25), h.commit(), "only what Kinetica has is committed");
            }
            emu.faults().up();
            h.put(during); // Connect redelivers the same records
            h.put(batch(h, topic, 50, 7));
            assertEquals(offsets(topic, 57), h.commit());
        }
        assertEquals(range(0, 57), seqs(topic));
    }

    /**
     * A request that timed out may still be carried out by the server: retried, its rows are
     * written again. In a table without a key that doubles them (at least once); with the Kafka
     * coordinates as key every record ends as exactly one row.
     */
    @Test
    void requestsThatTimeOutAreRetriedAndKafkaKeysKeepThemFromDoubling() {
        long[] plain = timeOutMidStream("slow_plain", "record");
        long[] keyed = timeOutMidStream("slow_keyed", "kafka");
        assertEquals(25, plain[0], "every record is there");
        assertTrue(plain[1] > 25, "the timed-out batch was carried out, and written again: " + plain[1] + " rows");
        assertEquals(25, keyed[0]);
        assertEquals(25, keyed[1], "one row per record with kafka keys");
    }

    /** Distinct records and rows in the table, after a batch timed out once and was retried. */
    private static long[] timeOutMidStream(String topic, String keyMode) {
        Map<String, String> p = props(topic);
        p.put("kinetica.timeout", "300");
        p.put("kinetica.tables.primary_key_mode", keyMode);
        try (TaskHarness h = new TaskHarness(p, true)) {
            h.put(batch(h, topic, 0, 5));
            h.commit();
            emu.faults().latency(Duration.ofMillis(1000));
            List<SinkRecord> slow = batch(h, topic, 5, 20);
            RetriableException e = assertThrows(RetriableException.class, () -> h.putAndWrite(slow));
            assertTrue(e.getMessage().contains(emu.url()), e.getMessage());
            emu.faults().reset();
            putUntilTaken(h, slow);
            h.putAndWrite(List.of());
            assertEquals(offsets(topic, 25), h.commit());
            assertEquals(List.of(), h.reported);
        }
        // the batch that timed out lands when the emulator is done with it, maybe only now
        Await.until("the emulator to finish the timed-out insert", Duration.ofSeconds(30), () -> emu.callsInProgress() == 0);
        return new long[]{seqs(topic).stream().distinct().count(), seqs(topic).size()};
    }

    @Test
    void serverErrorsAreRetriedToo() {
        String topic = "errors";
        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            h.put(batch(h, topic, 0, 5));
            h.commit();
            emu.faults().failNext(2);
            putUntilTaken(h, batch(h, topic, 5, 20));
            assertEquals(h.consumed, h.commit());
            assertEquals(0, emu.faults().failuresLeft(), "both calls failed, and were retried");
            assertEquals(List.of(), h.reported);
        }
        assertEquals(range(0, 25), seqs(topic));
    }

    @Test
    void fortyServerErrorsInARowSendNoRecordToTheDeadLetterQueue() {
        String topic = "forty";
        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            h.put(batch(h, topic, 0, 10));
            h.commit();
            emu.faults().failNext(40);
            int failures = 0;
            for (int from = 10; from < 200; from += 10) {
                failures += putUntilTaken(h, batch(h, topic, from, 10));
            }
            assertTrue(failures > 0);
            assertEquals(offsets(topic, 200), h.commit());
            assertEquals(List.of(), h.reported, "an error of the server is no record's fault");
        }
        assertEquals(range(0, 200), seqs(topic));
    }

    @Test
    void onlyTheRecordsKineticaRefusesGoToErrorHandlingAndAtOnce() {
        String topic = "refused";
        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            emu.faults().refuseRecords("seq", 13);
            h.put(batch(h, topic, 0, 30)); // no RetriableException: a refused record is no outage
            assertEquals(offsets(topic, 30), h.commit());
            assertEquals(1, h.reported.size());
            assertEquals(13, h.reported.get(0).record().kafkaOffset());
            String message = h.reported.get(0).error().getMessage();
            assertTrue(message.contains("Kinetica rejected it") && message.contains("violates a constraint"), message);
        }
        List<Long> expected = range(0, 30);
        expected.remove(13L);
        assertEquals(expected, seqs(topic));
    }

    /**
     * A buffered write keeps a copy of its record without the consumer's bytes Connect keeps with
     * it; with a dead-letter queue it keeps Connect's record, whose bytes the queue gets.
     */
    @Test
    void aRefusedRecordIsReportedAsConnectGaveItOnlyWhenADeadLetterQueueTakesIt() {
        for (boolean dlq : List.of(false, true)) {
            String topic = "refused_held_" + dlq;
            Map<String, String> p = props(topic);
            if (dlq) {
                p.put("errors.deadletterqueue.topic.name", topic + "_dlq");
            }
            try (TaskHarness h = new TaskHarness(p, true)) {
                emu.faults().refuseRecords("seq", 3);
                List<SinkRecord> records = batch(h, topic, 0, 5);
                h.putAndWrite(records);
                assertEquals(1, h.reported.size());
                SinkRecord reported = h.reported.get(0).record();
                assertEquals(dlq, reported == records.get(3), "Connect's own record reported: " + dlq);
                assertEquals(records.get(3), reported, "the same topic, partition, offset, key and value");
                assertEquals(records.get(3).timestamp(), reported.timestamp());
            } finally {
                emu.faults().reset();
            }
        }
    }

    @Test
    void aRefusedRecordWithoutErrorToleranceFailsTheTaskNamingIt() {
        String topic = "refused_strict";
        try (TaskHarness h = new TaskHarness(props(topic), false)) {
            emu.faults().refuseRecords("seq", 4);
            ConnectException e = assertThrows(ConnectException.class, () -> h.putAndWrite(batch(h, topic, 0, 10)));
            assertTrue(e.getMessage().contains("offset=4") && e.getMessage().contains("errors.tolerance"),
                    e.getMessage());
        }
        assertEquals(range(0, 4), seqs(topic), "the rows before it are written, none after it");
    }

    @Test
    void anOldFilesRetryCountStillFailsTheTaskAfterThatManyRetries() {
        String topic = "giveup";
        Map<String, String> p = props(topic);
        p.put("kinetica.retry_count", "2");
        try (TaskHarness h = new TaskHarness(p, false)) {
            h.put(batch(h, topic, 0, 3));
            h.commit();
            emu.faults().down();
            List<SinkRecord> records = batch(h, topic, 3, 12);
            assertInstanceOf(RetriableException.class,
                    assertThrows(RuntimeException.class, () -> h.putAndWrite(records)));
            assertInstanceOf(RetriableException.class,
                    assertThrows(RuntimeException.class, () -> h.putAndWrite(records)));
            RuntimeException last = assertThrows(RuntimeException.class, () -> h.putAndWrite(records));
            assertEquals(ConnectException.class, last.getClass());
            assertTrue(last.getMessage().contains("giving up") && last.getMessage().contains(emu.url())
                    && last.getMessage().contains("kinetica.retry_count=2"), last.getMessage());
            assertEquals(range(0, 3), seqs(topic));
            assertEquals(offsets(topic, 3), h.commit());
        }
    }

    @Test
    void anOutageLongerThanTheRetryTimeoutFailsTheTaskWithOneLineNamingTheOption() throws Exception {
        String topic = "timeout";
        Map<String, String> p = props(topic);
        p.put("kinetica.retry_timeout_ms", "400");
        p.put("kinetica.retry_backoff_ms", "50");
        p.put("kinetica.retry_backoff_max_ms", "100");
        try (TaskHarness h = new TaskHarness(p, false)) {
            emu.faults().down();
            List<SinkRecord> records = batch(h, topic, 0, 12);
            RuntimeException e = null;
            for (int attempt = 0; attempt < 100 && !(e instanceof ConnectException && !(e instanceof RetriableException));
                 attempt++) {
                e = assertThrows(RuntimeException.class, () -> h.put(records));
                Thread.sleep(h.lastTimeout); // what Connect waits before it redelivers
            }
            assertEquals(ConnectException.class, e.getClass());
            String line = e.getMessage();
            assertFalse(line.contains("\n"), line);
            assertTrue(line.contains(emu.url()) && line.contains("kept failing for")
                    && line.contains("Raise kinetica.retry_timeout_ms (now 400)"), line);
        }
    }

    @Test
    void aTableDroppedMidStreamIsCreatedAgainAndNoRecordGoesToErrorHandling() throws Exception {
        String topic = "dropped";
        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            h.put(batch(h, topic, 0, 10));
            h.commit();
            gpudb.clearTable(topic, "", Map.of());
            h.put(batch(h, topic, 10, 10));
            assertEquals(offsets(topic, 20), h.commit());
            assertEquals(List.of(), h.reported);
        }
        assertEquals(range(10, 20), seqs(topic), "the table holds what came after it was dropped");
    }

    @Test
    void aTableDroppedWithCreationOffFailsTheTaskNamingTheSetting() throws Exception {
        String topic = "dropped_strict";
        try (TaskHarness h = new TaskHarness(props(topic), true)) {
            h.put(batch(h, topic, 0, 10));
            h.commit();
        }
        gpudb.clearTable(topic, "", Map.of());
        gpudb.createTable(topic, new com.gpudb.Type(new com.gpudb.Type.Column("seq", Long.class)).create(gpudb),
                Map.of());
        Map<String, String> p = props(topic);
        p.put("kinetica.tables.create_table", "false");
        try (TaskHarness h = new TaskHarness(p, true)) {
            h.put(batch(h, topic, 0, 5));
            gpudb.clearTable(topic, "", Map.of());
            ConnectException e = assertThrows(ConnectException.class, () -> h.putAndWrite(batch(h, topic, 5, 5)));
            assertTrue(e.getMessage().contains("kinetica.tables.create_table=true"), e.getMessage());
            assertEquals(List.of(), h.reported);
            assertEquals(offsets(topic, 0), h.commit(), "nothing past the records that wait");
        }
    }

    @Test
    void aPartitionWhoseRowsAreWrittenCommitsWhileAnotherTableFails() throws Exception {
        String good = "commit_good";
        String bad = "commit_bad";
        Map<String, String> p = props(good + "," + bad);
        p.put("kinetica.tables.create_table", "false");
        p.put("kinetica.batch_size", "1000");
        p.put("kinetica.linger_ms", "600000");
        for (String t : List.of(good, bad)) {
            gpudb.createTable(t, new com.gpudb.Type(new com.gpudb.Type.Column("seq", Long.class)).create(gpudb),
                    Map.of());
        }
        try (TaskHarness h = new TaskHarness(p, true)) {
            h.put(batch(h, good, 0, 5));
            h.put(batch(h, bad, 0, 5));
            assertEquals(Map.of(), emu.rowCount(good) == 0 ? Map.of() : Map.of("rows", emu.rowCount(good)),
                    "still buffering");
            gpudb.clearTable(bad, "", Map.of());
            Map<TopicPartition, OffsetAndMetadata> committed = h.commit();
            assertEquals(Map.of(new TopicPartition(good, 0), new OffsetAndMetadata(5),
                            new TopicPartition(bad, 0), new OffsetAndMetadata(0)), committed,
                    "the good topic commits all; the failing one nothing past its first waiting record");
        }
        assertEquals(range(0, 5), seqs(good));
    }

    @Test
    void wrongCredentialsFailTheTaskWithoutShowingThePassword() {
        try (KineticaEmulator secured = KineticaEmulator.builder().port(0).credentials("alice", "right").start()) {
            Map<String, String> p = props("secured");
            p.put("kinetica.url", secured.url());
            p.put("kinetica.username", "alice");
            p.put("kinetica.password", "wrong-secret");
            ConnectException e = assertThrows(ConnectException.class, () -> {
                try (TaskHarness h = new TaskHarness(p, false)) {
                    h.put(batch(h, "secured", 0, 1));
                }
            });
            assertTrue(e.getMessage().contains("alice") && e.getMessage().contains("kinetica.password"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("wrong-secret"), e.getMessage());
        }
    }

    @Test
    void aTaskStartedWhileKineticaIsDownWritesOnceItIsBack() {
        String topic = "latestart";
        emu.faults().down();
        try (TaskHarness h = new TaskHarness(props(topic), false)) {
            List<SinkRecord> records = batch(h, topic, 0, 4);
            assertThrows(RetriableException.class, () -> h.put(records));
            emu.faults().up();
            h.put(records);
            assertEquals(h.consumed, h.commit());
        }
        assertEquals(range(0, 4), seqs(topic));
    }
}

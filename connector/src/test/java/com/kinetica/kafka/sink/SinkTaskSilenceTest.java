package com.kinetica.kafka.sink;

import com.kinetica.kafka.SilentServer;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.kinetica.kafka.sink.SinkTaskFaultsTest.batch;
import static com.kinetica.kafka.sink.SinkTaskFaultsTest.offsets;
import static com.kinetica.kafka.sink.SinkTaskFaultsTest.putUntilTaken;
import static com.kinetica.kafka.sink.SinkTaskFaultsTest.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Kinetica that takes connections in and never answers is an outage like a refused connection:
 * retried through Connect's redelivery within kinetica.retry_timeout_ms, then the task fails.
 */
// a separate thread: a socket read that hangs ignores interrupts, and would hold the build
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SinkTaskSilenceTest {
    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.start(0);

    @AfterEach
    void heal() {
        emu.faults().reset();
    }

    /** Requests wait half a second for an answer; the default minute bounds them the same way (KineticaClientsTest). */
    private static Map<String, String> props(String url, String topic) {
        Map<String, String> p = SinkTaskFaultsTest.props(topic);
        p.put("kinetica.url", url);
        p.put("kinetica.timeout", "500");
        return p;
    }

    private static List<Long> seqs(String table) {
        return emu.rows(table).stream().map(r -> (Long) r.get("seq")).sorted().toList();
    }

    @Test
    void aServerThatNeverAnswersFailsTheTaskAfterTheRetryTimeoutNamingTheSettings() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            Map<String, String> p = props(silent.url(), "silent");
            p.put("kinetica.retry_timeout_ms", "1000");
            try (TaskHarness h = new TaskHarness(p, false)) {
                List<SinkRecord> records = batch(h, "silent", 0, 12);
                int retried = 0;
                RuntimeException e;
                while ((e = assertThrows(RuntimeException.class, () -> h.put(records))) instanceof RetriableException) {
                    retried++;
                    Thread.sleep(h.lastTimeout); // what Connect waits before it redelivers
                }
                assertEquals(ConnectException.class, e.getClass());
                assertTrue(retried > 0, "retried before giving up");
                String line = e.getMessage();
                assertFalse(line.contains("\n"), line);
                assertTrue(line.contains(silent.url()) && line.contains("kinetica.timeout")
                        && line.contains("Raise kinetica.retry_timeout_ms (now 1000)"), line);
                assertEquals(Map.of(), h.commit(), "nothing to commit");
            }
        }
    }

    /**
     * Kinetica hangs in the middle of a stream and wakes up: the batch that got no answer is
     * carried out late and written again by the retry; with Kafka-coordinate keys that costs
     * nothing, without a key its rows are doubled.
     */
    @Test
    void aKineticaThatHangsMidStreamIsRetriedAndKafkaKeysKeepTheRetryFromDoubling() {
        assertEquals(range(0, 30), hangMidStream("hang_keyed", "kafka"));
        List<Long> plain = hangMidStream("hang_plain", "record");
        assertEquals(range(0, 30), plain.stream().distinct().toList(), "every record is there");
        assertTrue(plain.size() > 30, "the batch held by the hang was carried out, and written again: " + plain);
    }

    /** The seq of every row, after a batch got no answer, Kinetica woke up and the batch was retried. */
    private static List<Long> hangMidStream(String topic, String keyMode) {
        Map<String, String> p = props(emu.url(), topic);
        p.put("kinetica.tables.primary_key_mode", keyMode);
        try (TaskHarness h = new TaskHarness(p, true)) {
            h.putAndWrite(batch(h, topic, 0, 10));
            assertEquals(offsets(topic, 10), h.commit());
            emu.faults().hang();
            List<SinkRecord> held = batch(h, topic, 10, 20);
            RetriableException e = assertThrows(RetriableException.class, () -> h.putAndWrite(held));
            assertTrue(e.getMessage().contains(emu.url()) && e.getMessage().contains("kinetica.timeout"),
                    e.getMessage());
            assertEquals(offsets(topic, 10), h.commit(), "nothing Kinetica did not acknowledge");
            emu.faults().reset(); // wakes up: what it held is carried out now
            putUntilTaken(h, held);
            h.putAndWrite(List.of());
            assertEquals(offsets(topic, 30), h.commit());
            assertEquals(List.of(), h.reported);
        }
        return seqs(topic);
    }

    /**
     * A hung Kinetica that reads nothing of a big batch: the send blocks in the socket, where no
     * timeout reaches; the batch's connection is closed after twice kinetica.timeout, the write
     * retried, and once Kinetica is back every record is written once (Kafka-coordinate keys).
     */
    @Test
    void aBatchAHungKineticaReadsNothingOfIsEndedAndRetried() {
        String topic = "hang_big";
        Map<String, String> p = props(emu.url(), topic);
        p.put("kinetica.batch_size", "20000");
        p.put("kinetica.tables.primary_key_mode", "kafka");
        try (TaskHarness h = new TaskHarness(p, false)) {
            h.putAndWrite(texts(h, topic, 0, 10));
            emu.faults().hang();
            List<SinkRecord> held = texts(h, topic, 10, 20_000); // about 20 MB: more than the sockets buffer
            RetriableException e = assertThrows(RetriableException.class, () -> h.putAndWrite(held));
            assertTrue(e.getMessage().contains("did not answer within twice kinetica.timeout"), e.getMessage());
            assertEquals(offsets(topic, 10), h.commit(), "nothing Kinetica did not acknowledge");
            emu.faults().reset();
            putUntilTaken(h, held);
            h.putAndWrite(List.of());
            assertEquals(offsets(topic, 20_000), h.commit());
            assertEquals(range(0, 20_000), seqs(topic));
        }
    }

    static final Schema TEXT_ROW = SchemaBuilder.struct().field("seq", Schema.INT64_SCHEMA)
            .field("text", Schema.STRING_SCHEMA).build();

    /** Records {@code from} to {@code to} with 1,000 random letters each: snappy cannot shrink them much. */
    private static List<SinkRecord> texts(TaskHarness h, String topic, int from, int to) {
        Random random = new Random(from);
        List<SinkRecord> records = new ArrayList<>();
        char[] text = new char[1_000];
        for (int i = from; i < to; i++) {
            for (int c = 0; c < text.length; c++) {
                text[c] = (char) ('a' + random.nextInt(26));
            }
            records.add(h.record(topic, null, null, TEXT_ROW,
                    new Struct(TEXT_ROW).put("seq", (long) i).put("text", new String(text))));
        }
        return records;
    }
}

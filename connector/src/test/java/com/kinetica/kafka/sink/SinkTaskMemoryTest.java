package com.kinetica.kafka.sink;

import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many tables, a long linger and a slow Kinetica: the task holds no more than its caps and one
 * put, writes the fullest tables when past them, asks Connect to pause when writing for its budget
 * is not enough, and every record ends in its table once.
 */
class SinkTaskMemoryTest {
    static final Schema ROW = SchemaBuilder.struct().field("seq", Schema.INT64_SCHEMA)
            .field("text", Schema.STRING_SCHEMA).build();
    static final int TOPICS = 60;
    static final int PER_TOPIC = 100;
    /** Records a poll hands at most (Connect's max.poll.records). */
    static final int POLL = 500;
    static final int CAP = 600;

    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.start(0);

    @Test
    void aSlowKineticaWithManyTablesKeepsTheTaskWithinItsCaps() {
        List<String> topics = new ArrayList<>();
        for (int t = 0; t < TOPICS; t++) {
            topics.add("mem" + t);
        }
        Map<String, String> props = new HashMap<>(Map.of(
                "kinetica.url", emu.url(),
                "topics", String.join(",", topics),
                "kinetica.tables.single_table_per_topic", "true",
                "kinetica.tables.create_table", "true",
                "kinetica.linger_ms", "10000",
                "kinetica.max_buffered_records", String.valueOf(CAP),
                "kinetica.write_budget_ms", "100"));
        emu.faults().latency(Duration.ofMillis(20));
        int[] next = new int[TOPICS];
        long taken = 0;
        long mostHeld = 0;
        try (TaskHarness h = new TaskHarness(props, false)) {
            for (int round = 0; round < 1_000 && taken < (long) TOPICS * PER_TOPIC; round++) {
                List<SinkRecord> poll = new ArrayList<>();
                for (int t = 0; t < TOPICS && poll.size() < POLL; t++) {
                    if (h.paused.contains(new TopicPartition(topics.get(t), 0))) {
                        continue;
                    }
                    for (int i = 0; i < 10 && next[t] < PER_TOPIC; i++, next[t]++) {
                        String text = "x".repeat(200);
                        poll.add(h.record(topics.get(t), null, null, ROW,
                                new Struct(ROW).put("seq", (long) next[t]).put("text", text)));
                    }
                }
                h.put(poll);
                taken += poll.size();
                mostHeld = Math.max(mostHeld, taken - written(topics));
            }
            emu.faults().reset();
            for (int i = 0; i < 100 && written(topics) < taken; i++) {
                h.put(List.of());
            }
            assertEquals((long) TOPICS * PER_TOPIC, taken, "every record handed to the task");
            assertTrue(mostHeld <= CAP + POLL, "held at most the cap and one put: " + mostHeld);
            assertTrue(h.pauses > 0, "writing for 100 ms a put is not enough: the task paused");
            assertEquals(Map.of(), h.paused.isEmpty() ? Map.of() : Map.of("still paused", h.paused));
            for (String topic : topics) {
                List<Long> seqs = new ArrayList<>();
                emu.rows(topic).forEach(r -> seqs.add((Long) r.get("seq")));
                seqs.sort(null);
                List<Long> expected = new ArrayList<>();
                for (long i = 0; i < PER_TOPIC; i++) {
                    expected.add(i);
                }
                assertEquals(expected, seqs, "table " + topic + ": every record once");
            }
            System.out.printf("%d records over %d tables, cap %d: held at most %d, paused %d times%n", taken,
                    TOPICS, CAP, mostHeld, h.pauses);
        } finally {
            emu.faults().reset();
        }
    }

    static long written(List<String> tables) {
        long n = 0;
        for (String t : tables) {
            n += emu.hasTable(t) ? emu.rowCount(t) : 0;
        }
        return n;
    }
}

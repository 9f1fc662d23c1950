package com.kinetica.kafka.sink;

import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.KineticaUnderTest;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many changes of few keys, in one batch and across the partitions of one table: each key ends as
 * its last change says, and Kinetica gets one delete call and one upsert call per batch, never two
 * changes of one key in a call (whatever order it would apply them in).
 */
@Tag("kinetica")
class SinkTaskChangeOrderTest {
    @AutoClose
    static final KineticaUnderTest kinetica = KineticaUnderTest.start();

    static Map<String, String> props(String topic) {
        Map<String, String> p = new HashMap<>(kinetica.connection());
        p.putAll(Map.of("kinetica.tables.schema_name", kinetica.schema(), "topics", topic,
                "kinetica.retry_backoff_ms", "0", "kinetica.batch_size", "100000", "kinetica.linger_ms", "600000"));
        return p;
    }

    @Test
    void aBatchOfManyChangesOfFewKeysIsOneDeleteAndOneUpsertCall() {
        String topic = DebeziumStream.PREFIX + "_reduced";
        DebeziumStream s = DebeziumStream.generate(11, 1_000, 1_500, 400, 12);
        List<SinkRecord> records = s.records(topic, true);
        try (TaskHarness h = new TaskHarness(props(topic), false)) {
            h.put(records.subList(0, 1)); // the table is created from the first row
            h.commit();
            // calls are counted only by an emulator of the test's own: against a server, the rows alone are checked
            Optional<KineticaEmulator> emu = kinetica.emulator();
            long inserts = emu.map(e -> e.calls("/insert/records")).orElse(0L);
            long deletes = emu.map(e -> e.calls("/delete/records")).orElse(0L);
            h.put(records.subList(1, records.size()));
            assertEquals(h.consumed, h.commit());
            emu.ifPresent(e -> {
                assertEquals(1, e.calls("/insert/records") - inserts, "one upsert call for " + records.size());
                assertTrue(e.calls("/delete/records") - deletes <= 1, "at most one delete call");
            });
        }
        assertEquals(s.expectedRows(), DebeziumStream.rowsOf(kinetica, topic.replace('.', '_')));
    }

    @Test
    void keysSpreadOverPartitionsEndAsTheirLastChangeSays() {
        String topic = DebeziumStream.PREFIX + "_partitioned";
        DebeziumStream s = DebeziumStream.generate(12, 600, 900, 300, 40);
        DebeziumStream.Converters c = new DebeziumStream.Converters(false);
        // a key's events stay on one partition (Debezium keys by the row key): even ids on 0, odd on 1
        long[] next = new long[2];
        List<SinkRecord> records = new ArrayList<>();
        for (DebeziumStream.Event e : s.events) {
            int p = (int) (e.id() % 2);
            SinkRecord r = c.record(topic, new Struct(DebeziumStream.KEY).put("id", e.id()),
                    e.op() == null ? null : DebeziumStream.envelope(e.op(), e.before(), e.after()), next[p]++);
            records.add(new SinkRecord(topic, p, r.keySchema(), r.key(), r.valueSchema(), r.value(),
                    r.kafkaOffset()));
        }
        try (TaskHarness h = new TaskHarness(props(topic), false)) {
            for (int i = 0; i < records.size(); i += 97) {
                h.put(records.subList(i, Math.min(records.size(), i + 97)));
                if (i % 5 == 0) {
                    h.commit();
                }
            }
            assertEquals(h.consumed, h.commit());
        }
        assertEquals(s.expectedRows(), DebeziumStream.rowsOf(kinetica, topic.replace('.', '_')));
    }
}

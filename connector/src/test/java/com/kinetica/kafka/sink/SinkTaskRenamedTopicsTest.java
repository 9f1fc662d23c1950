package com.kinetica.kafka.sink;

import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Records whose topic a transform renamed, as a Connect worker before 3.6 hands them: without the
 * partition they were read from (KIP-793). Two topics routed to one name share offsets; none of
 * them may be skipped, and no offset may be committed past one still unwritten.
 */
class SinkTaskRenamedTopicsTest {
    static final Schema ROW = SchemaBuilder.struct().field("seq", Schema.INT64_SCHEMA).build();
    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.start(0);

    @AfterEach
    void heal() {
        emu.faults().reset();
    }

    static Map<String, String> props(String table) {
        Map<String, String> p = new HashMap<>();
        p.put("kinetica.url", emu.url());
        p.put("topics", "a_" + table + ",b_" + table);
        p.put("kinetica.tables.single_table_per_topic", "true");
        p.put("kinetica.tables.create_table", "true");
        p.put("kinetica.batch_size", "10");
        p.put("kinetica.retry_backoff_ms", "50");
        p.put("kinetica.retry_backoff_max_ms", "50");
        p.put("transforms", "route");
        p.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
        p.put("transforms.route.regex", "[ab]_(.*)");
        p.put("transforms.route.replacement", "$1");
        return p;
    }

    /** {@code count} records of each of the two topics, a's then b's, each routed into {@code table}. */
    static List<SinkRecord> routed(TaskHarness h, String table, int from, int count) {
        List<SinkRecord> records = new ArrayList<>();
        for (String topic : List.of("a_" + table, "b_" + table)) {
            for (int i = from; i < from + count; i++) {
                long seq = topic.startsWith("a") ? i : 1_000 + i;
                records.add(h.renamed(topic, table, ROW, new Struct(ROW).put("seq", seq)));
            }
        }
        return records;
    }

    static List<Long> expected(int count) {
        List<Long> all = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            all.add(i);
        }
        for (long i = 0; i < count; i++) {
            all.add(1_000 + i);
        }
        return all;
    }

    static List<Long> seqs(String table) {
        List<Long> seqs = new ArrayList<>();
        emu.rows(table).forEach(r -> seqs.add((Long) r.get("seq")));
        seqs.sort(null);
        return seqs;
    }

    /** Puts as Connect does after a RetriableException: the same records again, until they are taken. */
    static void putUntilTaken(TaskHarness h, List<SinkRecord> records) {
        for (int failures = 0; failures < 200; failures++) {
            try {
                h.put(records);
                return;
            } catch (RetriableException e) {
                // Connect waits and hands the same records again
            }
        }
        throw new AssertionError("still failing after 200 attempts");
    }

    @Test
    void twoTopicsRoutedToOneTableAreBothWrittenThroughAnOutage() {
        String table = "merged";
        try (TaskHarness h = new TaskHarness(props(table), false)) {
            h.putAndWrite(routed(h, table, 0, 15));
            assertEquals(expected(15), seqs(table), "records at the same offsets of two topics");

            emu.faults().down();
            List<SinkRecord> during = routed(h, table, 15, 15);
            assertThrows(RetriableException.class, () -> {
                h.put(during);
                h.put(List.of());
            });
            emu.faults().reset();
            putUntilTaken(h, during); // the same records again, as Connect redelivers them
            h.put(List.of());
            assertEquals(expected(30), seqs(table), "each record once");
        }
    }

    @Test
    void nothingIsCommittedWhileARenamedRecordIsUnwritten() {
        String table = "renamed";
        try (TaskHarness h = new TaskHarness(props(table), false)) {
            h.putAndWrite(routed(h, table, 0, 5));
            Map<TopicPartition, OffsetAndMetadata> all = Map.of(
                    new TopicPartition("a_" + table, 0), new OffsetAndMetadata(5),
                    new TopicPartition("b_" + table, 0), new OffsetAndMetadata(5));
            assertEquals(all, h.commit(), "everything written: everything consumed is committed");

            emu.faults().down();
            h.put(routed(h, table, 5, 3)); // buffered, less than a batch
            assertEquals(Map.of(), h.commit(), "which partition the unwritten records came from is unknown");

            emu.faults().reset();
            assertEquals(Map.of(
                    new TopicPartition("a_" + table, 0), new OffsetAndMetadata(8),
                    new TopicPartition("b_" + table, 0), new OffsetAndMetadata(8)), h.commit());
            assertEquals(16, seqs(table).size());
        }
    }

    @Test
    void aRebalanceKeepsRenamedRecordsOfPartitionsThatStayAndDropsThemWhenAllGo() {
        String table = "rebalanced";
        try (TaskHarness h = new TaskHarness(props(table), false)) {
            h.putAndWrite(routed(h, table, 0, 2));
            emu.faults().down();
            h.put(routed(h, table, 2, 3));
            assertEquals(Map.of(), h.commit());
            TopicPartition a = new TopicPartition("a_" + table, 0);
            h.task.close(List.of(a)); // b stays: the buffered records may be b's, so they stay too
            emu.faults().reset();
            h.put(List.of());
            assertEquals(10, seqs(table).size(), "kept and written");

            emu.faults().down();
            h.put(routed(h, table, 5, 3));
            h.task.close(List.copyOf(h.consumed.keySet())); // every partition goes: their next owner reads them again
            emu.faults().reset();
            h.put(List.of());
            assertEquals(10, seqs(table).size(), "dropped, not written");
        }
    }
}

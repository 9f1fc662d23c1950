package com.kinetica.kafka.bench;

import com.sun.management.OperatingSystemMXBean;
import com.kinetica.kafka.sink.DebeziumStream;
import com.kinetica.kafka.sink.TaskHarness;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Not a test: change events per second of one sink task applying a Debezium stream (30% creates,
 * 60% updates, 10% deletes, each delete followed by its tombstone) next to the same task inserting
 * the same rows as plain records into a table of the same key (so both ask the server to find
 * rows by key; a delete's row is inserted too). Arguments: events (300,000) and keys
 * the stream spreads over (100,000: few repeats within a batch; fewer keys, more repeats, which
 * the task reduces). How to run it, and its numbers: connector/BENCHMARKS.md.
 */
public final class ChangeStreamBenchmark {
    private static final int POLL = 500;
    private static final int BATCH = 10_000;

    /**
     * Records per second of the clock, per second of the process's CPU (task and emulator), and
     * per second of the task's own threads' CPU (the one that puts, and its background writer).
     */
    private record Rate(double wall, double cpu, double taskCpu) {
        @Override
        public String toString() {
            return String.format("%,.0f/s (%,.0f per CPU s, %,.0f per task CPU s)", wall, cpu, taskCpu);
        }
    }

    /** One change of the stream: op c, u or d, and the row it carries (before, for a delete). */
    private record Change(String op, long id, Struct before, Struct after) {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Map<Long, Struct> state = new HashMap<>();
        List<Change> stream = stream(events, keys, state);
        try (KineticaEmulator emu = KineticaEmulator.start(0)) {
            cdc(emu, "warm_cdc", stream.subList(0, Math.min(stream.size(), 50_000)));
            inserts(emu, "warm_rows", stream.subList(0, Math.min(stream.size(), 50_000)));
            int rounds = 3;
            Rate[] cdcRates = new Rate[rounds];
            Rate[] insertRates = new Rate[rounds];
            for (int round = 0; round < rounds; round++) {
                // the machine is shared: alternate the order, and report medians
                if (round % 2 == 0) {
                    cdcRates[round] = cdc(emu, "cdc" + round, stream);
                    insertRates[round] = inserts(emu, "rows" + round, stream);
                } else {
                    insertRates[round] = inserts(emu, "rows" + round, stream);
                    cdcRates[round] = cdc(emu, "cdc" + round, stream);
                }
                System.out.printf("round %d: change events %s; plain inserts %s%n", round + 1, cdcRates[round],
                        insertRates[round]);
                long ids = stream.stream().mapToLong(Change::id).distinct().count();
                if (emu.rowCount("cdc" + round) != state.size() || emu.rowCount("rows" + round) != ids) {
                    throw new IllegalStateException("cdc" + round + " holds " + emu.rowCount("cdc" + round)
                            + " rows, not " + state.size() + "; rows" + round + " " + emu.rowCount("rows" + round));
                }
            }
            double cdcWall = median(cdcRates, Rate::wall);
            double rowsWall = median(insertRates, Rate::wall);
            double cdcCpu = median(cdcRates, Rate::cpu);
            double rowsCpu = median(insertRates, Rate::cpu);
            double cdcTask = median(cdcRates, Rate::taskCpu);
            double rowsTask = median(insertRates, Rate::taskCpu);
            System.out.printf("median of %d rounds, %,d change events over %,d keys (%,d rows at the end), "
                    + "polls of %d, batch %,d:%n", rounds, stream.size(), keys, state.size(), POLL, BATCH);
            System.out.printf("  change events applied: %,.0f events/s, %,.0f per CPU second, %,.0f per task CPU second%n",
                    cdcWall, cdcCpu, cdcTask);
            System.out.printf("  plain inserts:         %,.0f rows/s, %,.0f per CPU second, %,.0f per task CPU second%n",
                    rowsWall, rowsCpu, rowsTask);
            System.out.printf("  ratio: %.2f by the clock, %.2f per CPU second, %.2f per task CPU second%n",
                    cdcWall / rowsWall, cdcCpu / rowsCpu, cdcTask / rowsTask);
        }
    }

    /** 30% creates (of ids not in the table), 60% updates and 10% deletes (of ids in it). */
    private static List<Change> stream(int events, int keys, Map<Long, Struct> state) {
        Random random = new Random(29);
        List<Long> present = new ArrayList<>();
        List<Long> absent = new ArrayList<>();
        for (long id = 0; id < keys; id++) {
            absent.add(id);
        }
        List<Change> stream = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            double r = random.nextDouble();
            String op = present.isEmpty() || r < 0.3 && !absent.isEmpty() ? "c" : r < 0.9 ? "u" : "d";
            List<Long> from = op.equals("c") ? absent : present;
            int at = random.nextInt(from.size());
            long id = from.get(at);
            Struct before = state.get(id);
            Struct after = op.equals("d") ? null : row(id, i);
            if (!op.equals("u")) {
                from.set(at, from.get(from.size() - 1)); // moves to the other list
                from.remove(from.size() - 1);
                (op.equals("c") ? present : absent).add(id);
            }
            if (after == null) {
                state.remove(id);
            } else {
                state.put(id, after);
            }
            stream.add(new Change(op, id, before, after));
        }
        return stream;
    }

    private static Struct row(long id, int version) {
        return new Struct(DebeziumStream.ROW).put("id", id).put("name", "name-" + version).put("qty", version % 1000)
                .put("price", version * 0.25).put("note", version % 3 == 0 ? null : "note-" + version);
    }

    /** Envelopes keyed by id, each delete followed by its tombstone; events/s, tombstones not counted. */
    private static Rate cdc(KineticaEmulator emu, String topic, List<Change> stream) {
        try (TaskHarness h = new TaskHarness(props(emu, topic), false)) {
            List<SinkRecord> records = new ArrayList<>(stream.size() * 11 / 10);
            for (Change c : stream) {
                Struct key = new Struct(DebeziumStream.KEY).put("id", c.id());
                records.add(h.record(topic, DebeziumStream.KEY, key, DebeziumStream.ENVELOPE,
                        DebeziumStream.envelope(c.op(), c.before(), c.after())));
                if (c.op().equals("d")) {
                    records.add(h.record(topic, DebeziumStream.KEY, key, null, null));
                }
            }
            return measure(h, records, stream.size());
        }
    }

    /** The same rows (a delete's row before) as plain records of a table keyed by id; rows/s. */
    private static Rate inserts(KineticaEmulator emu, String topic, List<Change> stream) {
        Map<String, String> props = props(emu, topic);
        props.put("kinetica.tables.primary_keys", "id");
        try (TaskHarness h = new TaskHarness(props, false)) {
            List<SinkRecord> records = new ArrayList<>(stream.size());
            for (Change c : stream) {
                records.add(h.record(topic, null, null, DebeziumStream.ROW, c.after() != null ? c.after() : c.before()));
            }
            return measure(h, records, stream.size());
        }
    }

    /** Puts the records in polls as a worker does and commits; the table is made by the first, unmeasured. */
    private static Rate measure(TaskHarness h, List<SinkRecord> records, int counted) {
        h.put(records.subList(0, 1));
        h.commit();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long task = taskCpu();
        long start = System.nanoTime();
        for (int i = 1; i < records.size(); i += POLL) {
            h.put(records.subList(i, Math.min(records.size(), i + POLL)));
        }
        h.commit();
        return new Rate(counted / ((System.nanoTime() - start) / 1e9), counted / ((os.getProcessCpuTime() - cpu) / 1e9),
                counted / ((taskCpu() - task) / 1e9));
    }

    /** CPU time of this thread, which puts, and of the task's background writer ({@code SinkWriter}). */
    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19 on
    private static long taskCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("kinetica-sink-writer")) {
                cpu += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return cpu;
    }

    private static Map<String, String> props(KineticaEmulator emu, String topic) {
        return new HashMap<>(Map.of("kinetica.url", emu.url(), "topics", topic,
                "kinetica.tables.single_table_per_topic", "true", "kinetica.batch_size", Integer.toString(BATCH)));
    }

    private static double median(Rate[] rates, ToDoubleFunction<Rate> which) {
        double[] sorted = Arrays.stream(rates).mapToDouble(which).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}

package com.kinetica.kafka.bench;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.GetRecordsResponse;
import com.kinetica.kafka.SourceTaskHarness;
import com.kinetica.kafka.config.KineticaSourceConfig;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Not a test: rows/s one source task reads from a 1,000,000-row emulator table into
 * SourceRecords, next to the raw ceiling of gpudb-api getRecords paging the same way
 * (filter past the last id, sorted by id, 10,000 rows a call) and decoding into records.
 * How to run it, and its numbers: connector/BENCHMARKS.md.
 */
public final class SourceReadBenchmark {
    static final Type ROWS = new Type("bench_rows",
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP),
            new Type.Column("i", Integer.class),
            new Type.Column("small", Integer.class, ColumnProperty.INT16),
            new Type.Column("amount", Double.class),
            new Type.Column("ratio", Float.class),
            new Type.Column("flag", Integer.class, ColumnProperty.BOOLEAN),
            new Type.Column("code", String.class, ColumnProperty.CHAR16),
            new Type.Column("note", String.class),
            new Type.Column("day", String.class, ColumnProperty.DATE));
    static final int BATCH = 10_000;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (KineticaEmulator emulator = KineticaEmulator.builder().port(0).start()) {
            GPUdb db = new GPUdb(emulator.url(), new GPUdbBase.Options().setDisableAutoDiscovery(true).setDisableFailover(true));
            db.createTable("bench", ROWS.create(db), Map.of());
            fill(db, rows);
            System.out.printf("table bench: %,d rows, %d columns, batch %,d%n", rows, ROWS.getColumnCount(), BATCH);
            Rate bestRaw = Rate.NONE;
            Rate bestTask = Rate.NONE;
            Rate bestPolling = Rate.NONE;
            for (int round = 1; round <= 3; round++) {
                Rate raw = measure(() -> raw(db, rows), rows);
                Rate task = measure(() -> task(emulator.url(), rows, true), rows);
                Rate polling = measure(() -> task(emulator.url(), rows, false), rows);
                bestRaw = bestRaw.best(raw);
                bestTask = bestTask.best(task);
                bestPolling = bestPolling.best(polling);
                System.out.printf("round %d: raw getRecords %s; source task %s; the task without table monitor %s%n",
                        round, raw, task, polling);
            }
            System.out.printf("best: raw getRecords paging %s; source task into SourceRecords %s; "
                    + "ratio %.1f%% (wall clock), %.1f%% (per CPU second); without table monitor %s%n", bestRaw, bestTask,
                    100 * bestTask.wall() / bestRaw.wall(), 100 * bestTask.cpu() / bestRaw.cpu(), bestPolling);
        }
    }

    /**
     * Rows per wall-clock second and per second of this process's CPU (client and emulator: the
     * steadier figure on a shared machine), and the calling thread's CPU per row: where gpudb-api
     * sends, receives and decodes, and where the task polls (the task's reader thread fetches and
     * decodes the next page beside it, so there only the process's CPU compares the two).
     */
    record Rate(double wall, double cpu, double clientNsPerRow) {
        static final Rate NONE = new Rate(0, 0, Double.MAX_VALUE);

        Rate best(Rate other) {
            return new Rate(Math.max(wall, other.wall), Math.max(cpu, other.cpu),
                    Math.min(clientNsPerRow, other.clientNsPerRow));
        }

        @Override
        public String toString() {
            return String.format("%,.0f rows/s (%,.0f rows per CPU s, client CPU %.2f us/row)",
                    wall, cpu, clientNsPerRow / 1000);
        }
    }

    interface Run {
        void run() throws Exception;
    }

    static Rate measure(Run run, int rows) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = os.getProcessCpuTime();
        long client = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        return new Rate(rows / seconds, rows / cpuSeconds, (double) (threads.getCurrentThreadCpuTime() - client) / rows);
    }

    static void fill(GPUdb db, int rows) throws Exception {
        for (int from = 0; from < rows; from += BATCH) {
            List<GenericRecord> batch = new ArrayList<>(BATCH);
            for (long id = from; id < Math.min(rows, from + BATCH); id++) {
                GenericRecord row = new GenericRecord(ROWS);
                row.put("id", id);
                row.put("ts", 1_700_000_000_000L + id);
                row.put("i", (int) id * 7);
                row.put("small", (int) (id % 30000));
                row.put("amount", id * 0.25);
                row.put("ratio", (float) (id % 100) / 100f);
                row.put("flag", (int) (id & 1));
                row.put("code", "C" + (id % 1000));
                row.put("note", "row number " + id);
                row.put("day", "2024-01-" + String.format("%02d", 1 + id % 28));
                batch.add(row);
            }
            db.insertRecords("bench", batch, Map.of());
        }
    }

    /** The ceiling: the same /get/records calls as the connector, decoded by gpudb-api, nothing more. */
    static void raw(GPUdb db, int rows) throws Exception {
        long read = 0;
        Long last = null;
        while (true) {
            Map<String, String> options = new HashMap<>();
            if (last != null) {
                options.put("expression", "id > " + last);
            }
            options.put("sort_by", "id");
            options.put("sort_order", "ascending");
            GetRecordsResponse<GenericRecord> response = db.getRecords(ROWS, "bench", 0, BATCH, options);
            List<GenericRecord> data = response.getData();
            if (data.isEmpty()) {
                break;
            }
            read += data.size();
            last = (Long) data.get(data.size() - 1).get(0);
        }
        check(read, rows);
    }

    /**
     * One real source task from its first poll until it has produced every row as a SourceRecord;
     * with its table monitor (the default) or without (reads alone, as before issue #33).
     */
    static void task(String url, int rows, boolean monitor) throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("kinetica.url", url);
        props.put("kinetica.table_names", "bench");
        props.put(KineticaSourceConfig.BATCH_SIZE, Integer.toString(BATCH));
        props.put(KineticaSourceConfig.POLL_INTERVAL_MS, "10");
        props.put(KineticaSourceConfig.TABLE_MONITOR, Boolean.toString(monitor));
        SourceTaskHarness harness = new SourceTaskHarness();
        harness.start(props);
        long read = 0;
        List<SourceRecord> records;
        do {
            records = harness.pollOnce();
            read += records.size();
        } while (read < rows);
        harness.stop();
        check(read, rows);
    }

    private static void check(long read, int rows) {
        if (read != rows) {
            throw new IllegalStateException("read " + read + " rows, expected " + rows);
        }
    }
}

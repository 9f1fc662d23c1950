package com.kinetica.kafka.bench;

import com.gpudb.BulkInserter;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.kinetica.kafka.convert.KindMapping;
import com.kinetica.kafka.sink.TaskHarness;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Not a test: records/s of one sink task writing 10-column structs (batch 10000) into the
 * emulator, next to gpudb-api's BulkInserter alone writing the same rows pre-built.
 * How to run it, and its numbers: connector/BENCHMARKS.md.
 */
public final class SinkBenchmark {
    private static final int BATCH = 10_000;
    private static final Schema SCHEMA = SchemaBuilder.struct().name("bench.Row")
            .field("id", Schema.INT64_SCHEMA)
            .field("i32", Schema.INT32_SCHEMA)
            .field("i64", Schema.INT64_SCHEMA)
            .field("f32", Schema.FLOAT32_SCHEMA)
            .field("f64", Schema.FLOAT64_SCHEMA)
            .field("flag", Schema.BOOLEAN_SCHEMA)
            .field("s1", Schema.STRING_SCHEMA)
            .field("s2", Schema.STRING_SCHEMA)
            .field("opt", Schema.OPTIONAL_STRING_SCHEMA)
            .field("i16", Schema.INT16_SCHEMA)
            .build();

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        try (KineticaEmulator emu = KineticaEmulator.start(0)) {
            GPUdb gpudb = new GPUdb(emu.url(), new GPUdbBase.Options()
                    .setDisableAutoDiscovery(true).setDisableFailover(true).setUseSnappy(true));
            List<Struct> structs = structs(records);
            // warm up both paths, then measure
            raw(gpudb, "warm_raw", structs.subList(0, Math.min(records, 100_000)));
            sink(emu, "warm_sink", structs.subList(0, Math.min(records, 100_000)));
            // the machine is shared: alternate the order, and report medians
            int rounds = 5;
            double[] rawRates = new double[rounds];
            double[] sinkRates = new double[rounds];
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                double r;
                double s;
                if (round % 2 == 0) {
                    r = raw(gpudb, "raw" + round, structs);
                    s = sink(emu, "sink" + round, structs);
                } else {
                    s = sink(emu, "sink" + round, structs);
                    r = raw(gpudb, "raw" + round, structs);
                }
                System.out.printf("round %d: BulkInserter alone %,.0f records/s, sink task %,.0f records/s (%.0f%%)%n",
                        round + 1, r, s, 100 * s / r);
                rawRates[round] = r;
                sinkRates[round] = s;
                ratios[round] = s / r;
                if (emu.rowCount("raw" + round) != records || emu.rowCount("sink" + round) != records) {
                    throw new IllegalStateException("row counts differ from " + records);
                }
            }
            double rawRate = median(rawRates);
            double sinkRate = median(sinkRates);
            System.out.printf("median of %d rounds, %,d records of 10 columns, batch %,d:%n", rounds, records, BATCH);
            System.out.printf("  raw BulkInserter (pre-built GenericRecords): %,.0f records/s (%.2f us/record)%n",
                    rawRate, 1e6 / rawRate);
            System.out.printf("  KineticaSinkTask (Struct SinkRecords):       %,.0f records/s (%.2f us/record)%n",
                    sinkRate, 1e6 / sinkRate);
            System.out.printf("  ratio of medians: %.1f%%, median of round ratios: %.1f%%%n", 100 * sinkRate / rawRate,
                    100 * median(ratios));
            System.out.printf("  connector's own conversion (Struct -> GenericRecord): %.2f us/record%n",
                    conversionMicros(gpudb, structs));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<Struct> structs(int n) {
        List<Struct> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Struct(SCHEMA).put("id", (long) i).put("i32", i).put("i64", i * 31L).put("f32", i * 0.5f)
                    .put("f64", i * 0.25).put("flag", (i & 1) == 0).put("s1", "name-" + (i % 1000))
                    .put("s2", "some longer text value " + i).put("opt", (i % 3 == 0) ? null : "x")
                    .put("i16", (short) (i % 30000)));
        }
        return out;
    }

    /** CPU cost of the connector's per-record work alone: one struct to one row, best of 5 passes. */
    private static double conversionMicros(GPUdb gpudb, List<Struct> structs) throws Exception {
        com.kinetica.kafka.convert.StructRows rows = com.kinetica.kafka.convert.StructRows.plan(
                com.kinetica.kafka.convert.TableLayout.of(Type.fromTable(gpudb, "raw0")), SCHEMA);
        double best = Double.MAX_VALUE;
        long sink = 0;
        for (int pass = 0; pass < 5; pass++) {
            long start = System.nanoTime();
            for (Struct s : structs) {
                sink += rows.convert(s).hashCode() & 1;
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e3 / structs.size());
        }
        return sink < 0 ? -1 : best;
    }

    /** gpudb-api alone: rows already built, inserted in batches, flushed at the end. */
    private static double raw(GPUdb gpudb, String table, List<Struct> structs) throws Exception {
        List<Type.Column> columns = new ArrayList<>();
        for (Field f : SCHEMA.fields()) {
            columns.add(KindMapping.forSchema(f.schema()).column(f.name(), f.schema().isOptional(), false));
        }
        Type type = new Type(table, columns);
        gpudb.createTable(table, type.create(gpudb), Map.of());
        List<GenericRecord> rows = new ArrayList<>(structs.size());
        for (Struct s : structs) {
            GenericRecord r = new GenericRecord(type);
            for (Field f : SCHEMA.fields()) {
                Object v = s.get(f);
                r.put(f.index(), v instanceof Boolean b ? (b ? 1 : 0) : v instanceof Short sh ? (int) sh : v);
            }
            rows.add(r);
        }
        long start = System.nanoTime();
        try (BulkInserter<GenericRecord> bi = new BulkInserter<>(gpudb, table, type, BATCH, Map.of())) {
            for (int i = 0; i < rows.size(); i += BATCH) {
                bi.insert(rows.subList(i, Math.min(rows.size(), i + BATCH)));
            }
            bi.flush();
        }
        return structs.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** One sink task: SinkRecords of structs, put in batches of 10000 as a worker would, then committed. */
    private static double sink(KineticaEmulator emu, String topic, List<Struct> structs) {
        Map<String, String> props = new HashMap<>();
        props.put("kinetica.url", emu.url());
        props.put("topics", topic);
        props.put("kinetica.tables.single_table_per_topic", "true");
        props.put("kinetica.batch_size", Integer.toString(BATCH));
        try (TaskHarness h = new TaskHarness(props, false)) {
            List<List<SinkRecord>> batches = new ArrayList<>();
            for (int i = 0; i < structs.size(); i += BATCH) {
                List<SinkRecord> batch = new ArrayList<>(BATCH);
                for (Struct s : structs.subList(i, Math.min(structs.size(), i + BATCH))) {
                    batch.add(h.record(topic, null, null, SCHEMA, s));
                }
                batches.add(batch);
            }
            // the table is created by the first record; keep that out of the measurement
            h.put(batches.get(0).subList(0, 1));
            h.commit();
            batches.set(0, batches.get(0).subList(1, batches.get(0).size()));
            long start = System.nanoTime();
            for (List<SinkRecord> batch : batches) {
                h.put(batch);
            }
            h.commit();
            return (structs.size() - 1) / ((System.nanoTime() - start) / 1e9);
        }
    }
}

package dev.kconnect.runtime.bench;

import com.gpudb.BulkInserter;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.WorkerList;
import com.sun.management.OperatingSystemMXBean;
import dev.kconnect.runtime.worker.WorkerProcess;
import dev.kconnect.runtime.worker.WorkerSettings;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.util.FutureCallback;

import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * End-to-end throughput through one in-process standalone worker (not a test): topic -> one sink
 * task -> emulator, for JSON with schemas (Struct) and schemaless JSON (Map), and emulator -> one
 * source task -> topic, each beside its ceiling in the same worker: a null sink that only counts
 * what Connect hands it, and a null source that emits the same records from memory.
 *
 * <p>One worker runs every round, as a worker runs for days: each run creates a connector under a
 * name of its own (its own consumer group, table or topic) and deletes it when all records
 * arrived. The first round is reported apart as cold (the worker loads each plugin's classes then,
 * the Kinetica plugin's in its own class loader, and starts compiling them); the JIT goes on
 * compiling for a round or two more, so the first {@code -Dbench.warmup} rounds (2) are left out
 * of the warm medians, which are those of the later rounds. In each round a connector runs beside
 * its ceiling, first in one round and second in the next. Each run prints the JIT's compile time,
 * which shows whether a round was still warming up.
 *
 * <pre>mvn -q -pl runtime -am package -DskipTests
 * java -cp "runtime/target/test-classes:runtime/target/lib/*" -Dkconnect.plugins=runtime/target/plugins \
 *     dev.kconnect.runtime.bench.PipelineBenchmark [records] [rounds]</pre>
 * <p>{@code -Dbench.only=TEXT} runs the pipelines whose name contains TEXT, each with its ceiling;
 * {@code -Dbench.threads=true} prints each run's CPU by thread; {@code -Dbench.trace=true} its progress each second.
 */
public final class PipelineBenchmark {
    static final int COLUMNS = 10;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Reads topics' end offsets, on the main thread only; made on first use. */
    private static Admin admin;

    /** One pipeline: a name, its connector for a round, what it has delivered, and how many records that must reach. */
    private record Pipeline(String name, IntFunction<Map<String, String>> connector, IntFunction<LongSupplier> progress,
                            IntToLongFunction target) {
    }

    /**
     * One run: wall ms from creating the connector until all records arrived, ms until the first
     * arrived (the connector's start), the rate over the second half of the records, the CPU the
     * whole JVM spent meanwhile (broker, worker and emulator share it; unlike wall time it hardly
     * moves with what else runs on the machine), the part of it the emulator's threads spent (the
     * stand-in for a Kinetica server, which would run elsewhere) and the JIT's compile time.
     */
    record Timing(long ms, long firstMs, long secondHalfRate, long cpuNanos, long emulatorCpuNanos, long jitMs) {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmup = Integer.getInteger("bench.warmup", 2);
        if (warmup < 1 || rounds <= warmup) {
            throw new IllegalArgumentException("rounds: more than the " + warmup + " warm-up round(s)");
        }
        Path plugins = Path.of(System.getProperty("kconnect.plugins", "runtime/target/plugins"));
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary(); KineticaEmulator kinetica = KineticaEmulator.start(0)) {
            produce(kafka, "bench_struct", records, true);
            produce(kafka, "bench_map", records, false);
            GPUdb gpudb = new GPUdb(kinetica.url(), new GPUdbBase.Options().setDisableAutoDiscovery(true).setDisableFailover(true));
            fillTable(gpudb, "bench_source", records);
            // each run reads the whole topic again under a connector name (consumer group) of its own
            List<Pipeline> all = List.of(
                    new Pipeline("sink, JSON with schemas (Struct)", r -> sink("bench_struct", "k" + r, kinetica, true),
                            r -> () -> rows(kinetica, "k" + r + "_bench_struct"), r -> records),
                    new Pipeline("null sink, JSON with schemas", r -> nullSink("bench_struct", "n" + r, true),
                            r -> () -> NullSinkConnector.taken("bench_struct"), r -> (long) records * (r + 1)),
                    new Pipeline("sink, schemaless JSON (Map)", r -> sink("bench_map", "k" + r, kinetica, false),
                            r -> () -> rows(kinetica, "k" + r + "_bench_map"), r -> records),
                    new Pipeline("null sink, schemaless JSON", r -> nullSink("bench_map", "n" + r, false),
                            r -> () -> NullSinkConnector.taken("bench_map"), r -> (long) records * (r + 1)),
                    new Pipeline("source, table to topic", r -> source(kinetica, "k" + r),
                            r -> () -> topicSize(kafka, "k" + r + "_bench_source"), r -> records),
                    new Pipeline("null source, memory to topic", r -> nullSource("n" + r, records),
                            r -> () -> topicSize(kafka, "n" + r + "_bench_source"), r -> records));
            // -Dbench.only=TEXT: the pipelines whose name contains TEXT, each with its ceiling
            String only = System.getProperty("bench.only", "");
            List<Pipeline> pipelines = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 2) {
                if (all.get(i).name().contains(only)) {
                    pipelines.addAll(all.subList(i, i + 2));
                }
            }
            Map<String, List<Timing>> times = new LinkedHashMap<>();
            WorkerProcess worker = startWorker(kafka, plugins);
            try {
                for (int round = 0; round < rounds; round++) {
                    // each connector beside its ceiling, first in one round and second in the next: whichever
                    // runs first also gets what the JIT still compiles of the broker and the worker
                    List<Pipeline> order = new ArrayList<>();
                    for (int i = 0; i < pipelines.size(); i += 2) {
                        order.add(pipelines.get(i + round % 2));
                        order.add(pipelines.get(i + 1 - round % 2));
                    }
                    for (Pipeline p : order) {
                        Timing t = run(worker, p.connector().apply(round), p.progress().apply(round),
                                p.target().applyAsLong(round));
                        times.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(t);
                        System.out.printf(Locale.ROOT, "round %d%s: %-36s %,d records in %,6d ms = %,7.0f records/s, "
                                        + "first after %,5d ms, second half %,7d records/s, %.1f us CPU/record "
                                        + "(emulator %.1f), JIT %,d ms%n",
                                round + 1, round == 0 ? " (cold)" : round < warmup ? " (warm-up)" : "", p.name(), records, t.ms(),
                                records * 1000.0 / t.ms(), t.firstMs(), t.secondHalfRate(),
                                t.cpuNanos() / 1000.0 / records, t.emulatorCpuNanos() / 1000.0 / records, t.jitMs());
                    }
                    if (round == 0 && pipelines.contains(all.get(5))) {
                        checkSameRecords(kafka, "k0_bench_source", "n0_bench_source");
                    }
                }
            } finally {
                worker.stop();
                if (admin != null) {
                    admin.close();
                }
            }
            report(pipelines, times, records, warmup);
        }
    }

    /** The cold round, then the medians of the warm ones (after the warm-up), each pipeline beside its ceiling. */
    private static void report(List<Pipeline> pipelines, Map<String, List<Timing>> times, int records, int warmup) {
        int warm = times.values().iterator().next().size() - warmup;
        System.out.printf(Locale.ROOT, "%,d records of %d columns; cold: the first round in a fresh worker; warm: medians "
                + "of the %d interleaved rounds after %d warm-up round(s) (records/s; ms until the first record arrived; "
                + "records/s over the second half; us of CPU per record, of which the emulator's):%n", records, COLUMNS,
                warm, warmup);
        for (int i = 0; i < pipelines.size(); i += 2) {
            List<Timing> connector = times.get(pipelines.get(i).name());
            List<Timing> ceiling = times.get(pipelines.get(i + 1).name());
            line("cold", pipelines.get(i).name(), connector.subList(0, 1), pipelines.get(i + 1).name(),
                    ceiling.subList(0, 1), records);
            line("warm", pipelines.get(i).name(), connector.subList(warmup, connector.size()),
                    pipelines.get(i + 1).name(), ceiling.subList(warmup, ceiling.size()), records);
        }
    }

    private static void line(String label, String name, List<Timing> connector, String ceilingName, List<Timing> ceiling,
                             int records) {
        double rate = records * 1000.0 / median(connector, Timing::ms);
        double ceilingRate = records * 1000.0 / median(ceiling, Timing::ms);
        double cpu = median(connector, Timing::cpuNanos) / 1000.0 / records;
        double emulator = median(connector, Timing::emulatorCpuNanos) / 1000.0 / records;
        double ceilingCpu = median(ceiling, Timing::cpuNanos) / 1000.0 / records;
        long half = median(connector, Timing::secondHalfRate);
        long ceilingHalf = median(ceiling, Timing::secondHalfRate);
        // a round's two runs follow each other: their ratio shares what else the machine did then
        double[] roundRatios = new double[connector.size()];
        for (int i = 0; i < roundRatios.length; i++) {
            roundRatios[i] = (double) ceiling.get(i).ms() / connector.get(i).ms();
        }
        Arrays.sort(roundRatios);
        System.out.printf(Locale.ROOT, "  %s %-34s %,7.0f/s %,5d ms %,7d/s %5.1f us (%4.1f) | %-30s %,7.0f/s %,5d ms "
                        + "%,7d/s %5.1f us | ratio %.2f (median of the rounds' %.2f), second half %.2f, CPU %.2f%n",
                label, name, rate, median(connector, Timing::firstMs), half, cpu, emulator, ceilingName, ceilingRate,
                median(ceiling, Timing::firstMs), ceilingHalf, ceilingCpu, rate / ceilingRate,
                roundRatios[roundRatios.length / 2], (double) half / ceilingHalf, ceilingCpu / cpu);
    }

    private static long median(List<Timing> timings, ToLongFunction<Timing> of) {
        long[] values = timings.stream().mapToLong(of).sorted().toArray();
        return values[values.length / 2];
    }

    static Map<String, String> nullSink(String topic, String prefix, boolean schemas) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", prefix + "-" + topic + "-null-sink");
        c.put("connector.class", NullSinkConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", Boolean.toString(schemas));
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("consumer.override.max.poll.records", "10000");
        return c;
    }

    static Map<String, String> nullSource(String prefix, int records) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", prefix + "-null-source");
        c.put("connector.class", NullSourceConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topic", prefix + "_bench_source");
        c.put("table", "bench_source");
        c.put("records", Integer.toString(records));
        return c;
    }

    static Map<String, String> sink(String topic, String prefix, KineticaEmulator kinetica, boolean schemas) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", prefix + "-" + topic + "-sink");
        c.put("connector.class", "com.kinetica.kafka.KineticaSinkConnector");
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("kinetica.url", kinetica.url());
        c.put("kinetica.batch_size", "10000");
        c.put("kinetica.tables.single_table_per_topic", "true");
        c.put("kinetica.tables.prefix", prefix + "_");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", Boolean.toString(schemas));
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("consumer.override.max.poll.records", "10000");
        return c;
    }

    static Map<String, String> source(KineticaEmulator kinetica, String prefix) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", prefix + "-bench-source");
        c.put("kinetica.topic_prefix", prefix + "_");
        c.put("connector.class", "com.kinetica.kafka.KineticaSourceConnector");
        c.put("tasks.max", "1");
        c.put("kinetica.url", kinetica.url());
        c.put("kinetica.table_names", "bench_source");
        c.put("kinetica.source.batch_size", "10000");
        c.put("kinetica.source.poll_interval_ms", "100");
        return c;
    }

    static WorkerProcess startWorker(EmbeddedKafka kafka, Path plugins) throws Exception {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("listeners", "http://127.0.0.1:" + Ports.free());
        props.put("offset.flush.interval.ms", System.getProperty("flush.ms", "10000"));
        Path offsets = Files.createTempFile("bench", ".offsets");
        WorkerSettings settings = WorkerSettings.build(true, props, Map.of(), plugins, offsets);
        return WorkerProcess.start(true, settings.props(), new PrintWriter(System.out, true));
    }

    /** Creates the connector in the worker, times it until {@code progress} reaches {@code target}, deletes it. */
    static Timing run(WorkerProcess worker, Map<String, String> connector, LongSupplier progress, long target)
            throws Exception {
        long start = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
        long emulatorStart = emulatorCpu();
        long jitStart = JIT.getTotalCompilationTime();
        long first = -1;
        long half = -1;
        long atHalf = 0;
        Map<Long, Long> threadsBefore = threadCpu();
        long gcBefore = gcMillis();
        long before = progress.getAsLong(); // the null connectors count across rounds
        worker.addConnector(connector.get("name"), connector, new PrintWriter(System.err, true));
        try {
            long last = -1;
            long deadline = start + TimeUnit.MINUTES.toNanos(5);
            for (long done = progress.getAsLong(); done < target; done = progress.getAsLong()) {
                if (first < 0 && done > before) {
                    first = System.nanoTime();
                }
                if (half < 0 && done >= (before + target) / 2) {
                    half = System.nanoTime();
                    atHalf = done;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(connector.get("name") + " did not finish in 5 minutes: "
                            + progress.getAsLong() + " of " + target);
                }
                Thread.sleep(20);
                if (Boolean.getBoolean("bench.trace") && (System.nanoTime() - start) / 1_000_000_000 != last) {
                    last = (System.nanoTime() - start) / 1_000_000_000;
                    System.out.println("  " + last + " s: " + progress.getAsLong());
                }
            }
            long end = System.nanoTime();
            if (Boolean.getBoolean("bench.threads")) {
                printThreadCpu(threadsBefore, gcMillis() - gcBefore);
            }
            long secondHalf = half < 0 || end == half ? 0 : (target - atHalf) * 1_000_000_000 / (end - half);
            return new Timing((end - start) / 1_000_000, ((first < 0 ? end : first) - start) / 1_000_000, secondHalf,
                    PROCESS.getProcessCpuTime() - cpuStart, emulatorCpu() - emulatorStart,
                    JIT.getTotalCompilationTime() - jitStart);
        } finally {
            FutureCallback<Herder.Created<ConnectorInfo>> deleted = new FutureCallback<>();
            worker.herder().deleteConnectorConfig(connector.get("name"), deleted);
            deleted.get(1, TimeUnit.MINUTES);
        }
    }

    /** CPU nanoseconds per live thread so far, by thread id. */
    private static Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new LinkedHashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            cpu.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
        return cpu;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    /** -Dbench.threads=true: where a run's CPU went, by thread group (threads that ended meanwhile are missing). */
    private static void printThreadCpu(Map<Long, Long> before, long gcMs) {
        Map<String, Long> byGroup = new LinkedHashMap<>();
        threadCpu().forEach((id, nanos) -> {
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (info != null) {
                byGroup.merge(info.getThreadName().replaceAll("\\d+", "N"),
                        (nanos - before.getOrDefault(id, 0L)) / 1_000_000, Long::sum);
            }
        });
        StringBuilder line = new StringBuilder("  CPU ms by thread: GC pauses " + gcMs + " ms wall");
        byGroup.entrySet().stream().filter(e -> e.getValue() >= 20)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append("; ").append(e.getKey()).append(' ').append(e.getValue()));
        System.out.println(line);
    }

    /** CPU time of the emulator's request threads so far (they live as long as the emulator). */
    private static long emulatorCpu() {
        long total = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("kinetica-emulator-")) {
                total += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return total;
    }

    static void produce(EmbeddedKafka kafka, String topic, int records, boolean schemas) throws Exception {
        StringBuilder schema = new StringBuilder("{\"type\":\"struct\",\"name\":\"row\",\"fields\":[{\"field\":\"id\",\"type\":\"int64\"}");
        for (int c = 1; c < COLUMNS; c++) {
            schema.append(",{\"field\":\"c").append(c).append("\",\"type\":\"").append(c % 2 == 0 ? "double" : "string").append("\"}");
        }
        schema.append("]}");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName(),
                "linger.ms", "20", "batch.size", "262144"))) {
            for (int i = 0; i < records; i++) {
                StringBuilder payload = new StringBuilder("{\"id\":").append(i);
                for (int c = 1; c < COLUMNS; c++) {
                    payload.append(",\"c").append(c).append("\":").append(c % 2 == 0 ? Double.toString(i * 0.5) : "\"v" + (i % 1000) + "\"");
                }
                payload.append('}');
                String value = schemas ? "{\"schema\":" + schema + ",\"payload\":" + payload + "}" : payload.toString();
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), value));
            }
        }
    }

    static void fillTable(GPUdb gpudb, String table, int records) throws Exception {
        List<Type.Column> columns = new ArrayList<>();
        columns.add(new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY));
        for (int c = 1; c < COLUMNS; c++) {
            columns.add(c % 2 == 0 ? new Type.Column("c" + c, Double.class) : new Type.Column("c" + c, String.class));
        }
        Type type = new Type(columns);
        gpudb.createTable(table, type.create(gpudb), GPUdbBase.options());
        try (BulkInserter<GenericRecord> inserter = new BulkInserter<>(gpudb, table, type, 10_000, GPUdbBase.options(), new WorkerList())) {
            for (int i = 0; i < records; i++) {
                GenericRecord r = new GenericRecord(type);
                r.put("id", (long) i);
                for (int c = 1; c < COLUMNS; c++) {
                    r.put("c" + c, c % 2 == 0 ? (Object) (i * 0.5) : "v" + (i % 1000));
                }
                inserter.insert(r);
            }
            inserter.flush();
        }
    }

    static long rows(KineticaEmulator kinetica, String table) {
        return kinetica.hasTable(table) ? kinetica.rowCount(table) : 0;
    }

    /** The records in a one-partition topic: its end offset, read through one admin client kept for the whole run. */
    static long topicSize(EmbeddedKafka kafka, String topic) {
        if (admin == null) {
            admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        }
        TopicPartition partition = new TopicPartition(topic, 0);
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        } catch (ExecutionException e) {
            return 0; // not created yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fails when the null source's records are not the Kinetica source's: the ceiling is only one
     * if Connect converts and sends the same keys and values (schemas included) for both.
     */
    static void checkSameRecords(EmbeddedKafka kafka, String topic, String ceilingTopic) {
        String connector = firstRecord(kafka, topic);
        String ceiling = firstRecord(kafka, ceilingTopic);
        if (!connector.equals(ceiling)) {
            throw new IllegalStateException("the null source's records are not the Kinetica source's, so its rate is no "
                    + "ceiling:\n  " + topic + ": " + connector + "\n  " + ceilingTopic + ": " + ceiling);
        }
    }

    private static String firstRecord(EmbeddedKafka kafka, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(), "max.poll.records", "1"))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            for (int i = 0; i < 30; i++) {
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    return "key " + record.key() + ", value " + record.value();
                }
            }
            throw new IllegalStateException("no record in " + topic);
        }
    }
}

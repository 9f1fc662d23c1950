package dev.kconnect.runtime.chaos;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdbBase;
import com.gpudb.Type;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.ConnectWorker;
import dev.kconnect.testkit.KafkaAndKinetica;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 28, point 3: the worst day, with exact counts. Two {@code kconnect distributed} workers (a
 * third comes and goes) run a sink keyed by Kafka coordinates, a keyless sink of the same topic, and an
 * exactly-once source, while records flow all the time and a seeded driver kills workers with
 * {@code kill -9}, adds and removes one, takes Kinetica down, slows it and makes it answer errors.
 * Then: the keyed table holds every record once, the keyless one every record at least once
 * (duplicates counted), the source's topic every row once, and the dead letter queue nothing.
 * <p>
 * The build runs a bounded round of faults (about two minutes in all); {@code -Pchaos
 * -Dchaos.minutes=30} runs the release check; {@code -Dchaos.seed=N} repeats a run's faults. Each
 * run's logs (workers, faults, summary) stay in {@code cli/target/chaos/seed-N-*}.
 */
class ChaosIT {
    static final String TOPIC = "chaos-orders";
    static final int TOPIC_PARTITIONS = 2;
    static final String DLQ = "chaos-dlq";
    static final String KEYED = "chaos_keyed";
    static final String KEYLESS = "chaos_keyless";
    static final String SOURCE_TABLE = "chaos_source";
    static final String SOURCE_TOPIC = "chaos-src-" + SOURCE_TABLE;
    /** How long complete counts must stay as they are (the keyless table may still grow). */
    static final Duration SETTLED = Duration.ofSeconds(5);
    /** How long incomplete counts may stay as they are before the run stops waiting for them. */
    static final Duration STILL = Duration.ofSeconds(60);

    private final ChaosSettings settings = ChaosSettings.fromSystemProperties();
    private final List<String> log = new ArrayList<>();
    private Path dir;
    private KineticaEmulator kinetica;
    private ChaosCluster cluster;
    private ConnectRest rest;

    @Test
    void everyRecordOnceDespiteKilledWorkersRebalancesAndKineticaTrouble() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chaos")), "seed-" + settings.seed() + "-")
                .toAbsolutePath();
        say("chaos run " + settings.describe() + "; logs in " + dir);
        try (KafkaAndKinetica parts = KafkaAndKinetica.start()) {
            kinetica = parts.kinetica();
            createTopics(parts.kafka().bootstrapServers());
            Type rowType = createSourceTable(parts);
            cluster = cluster(parts.kafka().bootstrapServers());
            rest = new ConnectRest(cluster);
            try {
                for (WorkerNode worker : cluster.workers) {
                    worker.start();
                }
                for (WorkerNode worker : cluster.workers) {
                    worker.awaitUp(ChaosCluster.START_TIMEOUT);
                }
                run(parts.kafka().bootstrapServers(), rowType);
            } finally {
                int before = cluster.findings.size();
                for (WorkerNode worker : cluster.workers) {
                    cluster.stopGracefully(worker);
                }
                cluster.stopGracefully(cluster.extra);
                cluster.findings.subList(before, cluster.findings.size()).forEach(this::say);
            }
        }
    }

    /** Records and rows flow, the faults come, then the counts. */
    private void run(String bootstrapServers, Type rowType) throws Exception {
        try (RecordProducer producer = new RecordProducer(bootstrapServers, TOPIC, 20);
             RowInserter inserter = new RowInserter(kinetica.url(), SOURCE_TABLE, rowType, 10);
             TopicReader sourceTopic = new TopicReader(bootstrapServers, SOURCE_TOPIC, 1);
             TopicReader deadLetters = new TopicReader(bootstrapServers, DLQ, 1)) {
            createConnectors();
            say("connectors running; faults start");
            FaultDriver driver = new FaultDriver(cluster, settings, this::say);
            driver.run();
            cluster.calm();
            long produced = producer.stop();
            long inserted = inserter.stop();
            say("faults over (" + driver.total() + "); records produced: " + produced + ", rows inserted: " + inserted
                    + " (" + inserter.failures() + " inserts tried again)");
            awaitStillness(sourceTopic, produced, inserted);
            checkCounts(driver, produced, inserted, sourceTopic, deadLetters);
        }
    }

    /** Counts every id where it arrived, prints the summary, and fails naming all that is not as promised. */
    private void checkCounts(FaultDriver driver, long produced, long inserted, TopicReader sourceTopic,
                             TopicReader deadLetters) throws IOException {
        IdTally keyed = IdTally.of(produced, ids(KEYED));
        IdTally keyless = IdTally.of(produced, ids(KEYLESS));
        IdTally source = IdTally.of(inserted, sourceTopic.readOn(Duration.ofSeconds(30)).stream().mapToLong(Long::longValue));
        long sourceRows = kinetica.rowCount(SOURCE_TABLE);
        int deadLettered = deadLetters.readOn(Duration.ofSeconds(10)).size();
        // issue 28 point 6, reported here, not asserted: a worker stopped with SIGTERM should log no timeout
        int closeTimeouts = cluster.logLines("Close timed out").size();
        String summary = String.format("chaos summary: seed=%d faults=%d %s | keyed sink (kafka keys): %s"
                        + " | keyless sink: %s | exactly-once source (%d rows in the table): %s | dead letters=%d"
                        + " | SIGTERM stops=%d, \"Close timed out\" logged %d times",
                settings.seed(), driver.total(), driver.injected(), keyed, keyless, sourceRows, source, deadLettered,
                cluster.sigterms, closeTimeouts);
        say(summary);
        Files.writeString(dir.resolve("summary.txt"), summary + "\n");

        List<String> wrong = new ArrayList<>();
        check(wrong, keyed.exactlyOnce(), "the keyed table holds every record exactly once: " + keyed);
        check(wrong, keyless.atLeastOnce(), "the keyless table holds every record at least once: " + keyless);
        check(wrong, sourceRows == inserted, "the source table holds the rows acknowledged: " + sourceRows + " rows, "
                + inserted + " acknowledged");
        check(wrong, source.exactlyOnce(), "the source's topic holds every row exactly once: " + source);
        check(wrong, deadLettered == 0, "nothing in the dead letter queue: " + deadLettered + " records");
        for (String connector : List.of(KEYED, KEYLESS, SOURCE_TABLE)) {
            String failed = rest.failures(connector);
            check(wrong, failed.isEmpty(), connector + failed);
        }
        check(wrong, cluster.findings.isEmpty(), "workers ran and stopped as told: " + cluster.findings);
        if (!wrong.isEmpty()) {
            List<String> errors = cluster.logLines(" ERROR ");
            Files.write(dir.resolve("worker-errors.log"), errors);
            fail(String.join("\n", wrong) + "\n" + summary + "\nrepeat with -Dchaos.seed=" + settings.seed()
                    + "; faults, worker logs and their " + errors.size() + " ERROR lines in " + dir + "\n"
                    + String.join("\n", log));
        }
    }

    /** The sinks, one keyed by Kafka coordinates and one without a key, and the exactly-once source. */
    private void createConnectors() {
        String kineticaUrl = kinetica.url();
        Map<String, String> keyed = sink(kineticaUrl, KEYED);
        keyed.put("kinetica.tables.primary_key_mode", "kafka");
        Map<String, String> keyless = sink(kineticaUrl, KEYLESS);
        Map<String, String> source = new HashMap<>(Map.of(
                "connector.class", "com.kinetica.kafka.KineticaSourceConnector",
                "tasks.max", "1",
                "kinetica.url", kineticaUrl,
                "kinetica.table_names", SOURCE_TABLE,
                "kinetica.topic_prefix", "chaos-src-",
                "kinetica.source.poll_interval_ms", "200",
                "exactly.once.support", "required"));
        Map<String, Map<String, String>> connectors = Map.of(KEYED, keyed, KEYLESS, keyless, SOURCE_TABLE, source);
        connectors.forEach((name, config) ->
                Await.until("connector " + name + " to be created", ChaosCluster.START_TIMEOUT, () -> rest.create(name, config)));
        connectors.forEach((name, config) -> Await.until(name + " and its tasks to run", ChaosCluster.START_TIMEOUT,
                () -> rest.running(name, Integer.parseInt(config.get("tasks.max"))), () -> "; " + rest.status(name)));
    }

    private static Map<String, String> sink(String kineticaUrl, String table) {
        return new HashMap<>(Map.of(
                "connector.class", "com.kinetica.kafka.KineticaSinkConnector",
                "tasks.max", String.valueOf(TOPIC_PARTITIONS),
                "topics", TOPIC,
                "kinetica.url", kineticaUrl,
                "kinetica.tables.destination_name", table,
                // Kinetica back, the sinks notice within 5 s (the default ceiling of their backoff is 30 s)
                "kinetica.retry_backoff_max_ms", "5000",
                "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", DLQ,
                "errors.deadletterqueue.topic.replication.factor", "1"));
    }

    private ChaosCluster cluster(String bootstrapServers) throws IOException {
        Map<String, String> props = new HashMap<>(ConnectWorker.distributed(bootstrapServers, "chaos").properties());
        props.remove("listeners");
        props.put("exactly.once.source.support", "enabled");
        // a killed worker is missed after 6 s, its tasks move 5 s later; its sink consumers likewise
        props.put("session.timeout.ms", "6000");
        props.put("heartbeat.interval.ms", "2000");
        props.put("scheduled.rebalance.max.delay.ms", "5000");
        props.put("consumer.session.timeout.ms", "6000");
        props.put("consumer.heartbeat.interval.ms", "2000");
        // sinks commit every 5 s: what a killed task wrote since then arrives again
        props.put("offset.flush.interval.ms", "5000");
        List<WorkerNode> workers = List.of(new WorkerNode("worker-1", Ports.free(), dir, props),
                new WorkerNode("worker-2", Ports.free(), dir, props));
        return new ChaosCluster(workers, new WorkerNode("worker-3", Ports.free(), dir, props), kinetica.faults(),
                List.of(KEYED, KEYLESS, SOURCE_TABLE));
    }

    private static void createTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, TOPIC_PARTITIONS, (short) 1), new NewTopic(DLQ, 1, (short) 1),
                    new NewTopic(SOURCE_TOPIC, 1, (short) 1))).all().get();
        }
    }

    /** The source's table: an increasing primary key, which the source reads it by (auto mode: incrementing). */
    private static Type createSourceTable(KafkaAndKinetica parts) throws Exception {
        Type type = new Type(new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
                new Type.Column("note", String.class));
        parts.gpudb().createTable(SOURCE_TABLE, type.create(parts.gpudb()), GPUdbBase.options());
        return type;
    }

    /** What has arrived so far: rows in the sinks' tables, records of the source on its topic. */
    record Counts(long keyed, long keyless, long sourceRecords) {
        boolean complete(long produced, long inserted) {
            return keyed >= produced && keyless >= produced && sourceRecords >= inserted;
        }
    }

    /**
     * Waits until the sinks' tables and the source's topic hold at least what was written and have not
     * changed for {@link #SETTLED}, or until nothing has changed for {@link #STILL} (what is missing
     * then is lost), five minutes at most.
     */
    private void awaitStillness(TopicReader sourceTopic, long produced, long inserted) {
        Counts[] last = {null};
        long[] changed = {System.nanoTime()};
        Await.poll(Duration.ofMinutes(5), () -> {
            Counts now = new Counts(rows(KEYED), rows(KEYLESS), sourceTopic.readOn(Duration.ofSeconds(5)).size());
            if (!now.equals(last[0])) {
                last[0] = now;
                changed[0] = System.nanoTime();
            }
            Duration enough = now.complete(produced, inserted) ? SETTLED : STILL;
            return System.nanoTime() - changed[0] > enough.toNanos();
        }, settled -> settled);
        say("counts settled: " + last[0] + " for " + produced + " records and " + inserted + " rows");
    }

    private long rows(String table) {
        return kinetica.hasTable(table) ? kinetica.rowCount(table) : 0;
    }

    private LongStream ids(String table) {
        return kinetica.hasTable(table)
                ? kinetica.rows(table).stream().mapToLong(r -> ((Number) r.get("id")).longValue())
                : LongStream.empty();
    }

    private static void check(List<String> wrong, boolean holds, String what) {
        if (!holds) {
            wrong.add("NOT TRUE: " + what);
        }
    }

    /** Prints with the time of day, and adds the line to the run's log (chaos.log, to follow a long run). */
    private void say(String line) {
        String stamped = LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + line;
        System.out.println(stamped);
        synchronized (log) {
            log.add(stamped);
            try {
                Files.writeString(dir.resolve("chaos.log"), stamped + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

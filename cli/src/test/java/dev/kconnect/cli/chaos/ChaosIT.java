package dev.kconnect.cli.chaos;

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
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final List<String> log = new ArrayList<>();
    private Path dir;

    @Test
    void everyRecordOnceDespiteKilledWorkersRebalancesAndKineticaTrouble() throws Exception {
        ChaosSettings settings = ChaosSettings.fromSystemProperties();
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chaos")), "seed-" + settings.seed() + "-")
                .toAbsolutePath();
        say("chaos run " + settings.describe() + "; logs in " + dir);
        try (KafkaAndKinetica parts = KafkaAndKinetica.start()) {
            createTopics(parts.kafka().bootstrapServers());
            Type rowType = createSourceTable(parts);
            ChaosCluster cluster = cluster(parts);
            ConnectRest rest = new ConnectRest(cluster);
            try {
                for (WorkerNode worker : cluster.workers) {
                    worker.start();
                }
                for (WorkerNode worker : cluster.workers) {
                    worker.awaitUp(ChaosCluster.START_TIMEOUT);
                }
                run(settings, parts, rowType, cluster, rest);
            } finally {
                for (WorkerNode worker : cluster.workers) {
                    cluster.stopGracefully(worker);
                }
                cluster.stopGracefully(cluster.extra);
                Files.write(dir.resolve("chaos.log"), log);
            }
        }
    }

    private void run(ChaosSettings settings, KafkaAndKinetica parts, Type rowType, ChaosCluster cluster, ConnectRest rest)
            throws Exception {
        KineticaEmulator kinetica = parts.kinetica();
        try (RecordProducer producer = new RecordProducer(parts.kafka().bootstrapServers(), TOPIC, 20);
             RowInserter inserter = new RowInserter(kinetica.url(), SOURCE_TABLE, rowType, 10);
             TopicReader sourceTopic = new TopicReader(parts.kafka().bootstrapServers(), SOURCE_TOPIC, 1);
             TopicReader deadLetters = new TopicReader(parts.kafka().bootstrapServers(), DLQ, 1)) {
            createConnectors(rest, kinetica.url());
            say("connectors running; faults start");

            FaultDriver driver = new FaultDriver(cluster, settings, this::say);
            driver.run();
            cluster.calm();
            long produced = producer.stop();
            long inserted = inserter.stop();
            say("faults over (" + driver.total() + "); records produced: " + produced + ", rows inserted: " + inserted
                    + " (" + inserter.failures() + " inserts tried again)");

            awaitStillness(kinetica, sourceTopic, produced, inserted);

            IdTally keyed = IdTally.of(produced, ids(kinetica, KEYED));
            IdTally keyless = IdTally.of(produced, ids(kinetica, KEYLESS));
            IdTally source = IdTally.of(inserted, sourceTopic.readOn(Duration.ofSeconds(30)).stream().mapToLong(Long::longValue));
            long sourceRows = kinetica.rowCount(SOURCE_TABLE);
            int deadLettered = deadLetters.readOn(Duration.ofSeconds(10)).size();

            String summary = String.format("chaos summary: seed=%d faults=%d %s | keyed sink (kafka keys): %s"
                            + " | keyless sink: %s | exactly-once source (%d rows in the table): %s | dead letters=%d",
                    settings.seed(), driver.total(), driver.injected(), keyed, keyless, sourceRows, source, deadLettered);
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
            check(wrong, cluster.slowStops.isEmpty(), "every SIGTERM stopped its worker within a minute: "
                    + cluster.slowStops);
            if (!wrong.isEmpty()) {
                List<String> errors = new ArrayList<>();
                cluster.workers.forEach(w -> errors.addAll(w.errors()));
                errors.addAll(cluster.extra.errors());
                Files.write(dir.resolve("worker-errors.log"), errors);
                fail(String.join("\n", wrong) + "\n" + summary + "\nrepeat with -Dchaos.seed=" + settings.seed()
                        + "; faults, worker logs and their " + errors.size() + " ERROR lines in " + dir + "\n"
                        + String.join("\n", log));
            }
        }
    }

    /** The sinks, one keyed by Kafka coordinates and one without a key, and the exactly-once source. */
    private void createConnectors(ConnectRest rest, String kineticaUrl) {
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
                // Kinetica back, the sinks notice within 5 s rather than Connect's 30 s of backoff
                "kinetica.retry_backoff_max_ms", "5000",
                "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", DLQ,
                "errors.deadletterqueue.topic.replication.factor", "1"));
    }

    private ChaosCluster cluster(KafkaAndKinetica parts) throws IOException {
        Map<String, String> props = new HashMap<>(ConnectWorker.distributed(parts.kafka().bootstrapServers(), "chaos")
                .properties());
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
        return new ChaosCluster(workers, new WorkerNode("worker-3", Ports.free(), dir, props), parts.kinetica().faults());
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
    private void awaitStillness(KineticaEmulator kinetica, TopicReader sourceTopic, long produced, long inserted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Counts last = null;
        long changed = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Counts now = new Counts(rows(kinetica, KEYED), rows(kinetica, KEYLESS),
                    sourceTopic.readOn(Duration.ofSeconds(5)).size());
            if (!now.equals(last)) {
                last = now;
                changed = System.nanoTime();
            }
            Duration enough = now.complete(produced, inserted) ? SETTLED : STILL;
            if (System.nanoTime() - changed > enough.toNanos()) {
                break;
            }
            Thread.sleep(1000);
        }
        say("counts settled: " + last + " for " + produced + " records and " + inserted + " rows");
    }

    private static long rows(KineticaEmulator kinetica, String table) {
        return kinetica.hasTable(table) ? kinetica.rowCount(table) : 0;
    }

    private static LongStream ids(KineticaEmulator kinetica, String table) {
        return kinetica.hasTable(table)
                ? kinetica.rows(table).stream().mapToLong(r -> ((Number) r.get("id")).longValue())
                : LongStream.empty();
    }

    private static void check(List<String> wrong, boolean holds, String what) {
        if (!holds) {
            wrong.add("NOT TRUE: " + what);
        }
    }

    /** Prints with the time of day, and keeps the line for the run's log. */
    private void say(String line) {
        String stamped = LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + line;
        System.out.println(stamped);
        synchronized (log) {
            log.add(stamped);
        }
    }
}

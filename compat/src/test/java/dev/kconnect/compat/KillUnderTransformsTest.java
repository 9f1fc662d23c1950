package dev.kconnect.compat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.KafkaAndKinetica;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worst day of issue #28 on real distributed workers of each release: records arrive while
 * Kinetica is down, a second worker joins (a rebalance while records are buffered), offsets are
 * committed meanwhile, the first worker dies with {@code kill -9}, Kinetica comes back and the
 * second takes over. Three sinks ride it together: one
 * whose topic a RegexRouter renames, one without transforms (both keyed by Kafka coordinates), and
 * one whose router merges two topics into one table (no key). Before Connect 3.6 a renamed record
 * does not say where it was read from (KIP-793): no record may be lost on any release, and what
 * is written twice is counted.
 */
class KillUnderTransformsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int BATCH = 2_000;
    /** Connect commits every two seconds: the outage spans five commits. */
    static final Duration COMMITS_DURING_OUTAGE = Duration.ofSeconds(10);
    static final Map<String, String> WORKER = Map.of(
            "offset.flush.interval.ms", "2000",
            // the killed worker's task gives its partitions up in seconds, not the default 45
            "consumer.session.timeout.ms", "6000",
            "consumer.heartbeat.interval.ms", "2000",
            // the killed worker's tasks go to the new worker at once, not after 5 minutes
            "scheduled.rebalance.max.delay.ms", "0");

    static KafkaAndKinetica parts;

    /** One sink connector: the topics it reads, the table they end in, and whether rows are keyed. */
    record Sink(String name, List<String> topics, String table, boolean keyed, Map<String, String> transforms) {
        long produced() {
            return 2L * BATCH * topics.size();
        }
    }

    @BeforeAll
    static void start() {
        parts = KafkaAndKinetica.start();
    }

    @AfterAll
    static void stop() {
        parts.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.kconnect.compat.CompatibilityMatrixTest#releases")
    void noRecordIsLostWhenTheWorkerDiesWhileKineticaIsDown(ConnectRelease release) throws Exception {
        String tag = release.tag();
        Path dir = Path.of("target/compat-kill", tag);
        String group = "kill-" + tag;
        List<Sink> sinks = List.of(
                new Sink(tag + "-routed", List.of(tag + "_orders"), tag + "_orders_routed", true,
                        router(tag + "_orders", tag + "_orders_routed")),
                new Sink(tag + "-plain", List.of(tag + "_plain"), tag + "_plain", true, Map.of()),
                new Sink(tag + "-merged", List.of(tag + "_m1", tag + "_m2"), tag + "_merged", false,
                        router(tag + "_m[12]", tag + "_merged")));
        Map<String, Long> committedAtKill = new HashMap<>();
        WorkerJvm first = WorkerJvm.start(release, bootstrap(), plugins(), dir.resolve("first"), group, WORKER);
        WorkerJvm second = null;
        try {
            CliRunner cli = new CliRunner(first.url());
            for (Sink sink : sinks) {
                create(cli, sink, dir);
                produce(sink, 0, BATCH);
            }
            for (Sink sink : sinks) {
                Await.until(release + ": " + sink.table() + " written and committed before the outage",
                        Duration.ofSeconds(90), () -> committed(sink) == BATCH * sink.topics().size(), first::logTail);
            }
            parts.kinetica().faults().down();
            sinks.forEach(sink -> produce(sink, BATCH, 2 * BATCH));
            // a second worker joins: tasks move, and the partitions of those that stay are revoked and assigned again
            second = WorkerJvm.start(release, bootstrap(), plugins(), dir.resolve("second"), group, WORKER);
            Thread.sleep(COMMITS_DURING_OUTAGE.toMillis());
            first.kill();
            sinks.forEach(sink -> committedAtKill.put(sink.name(), committed(sink)));
            parts.kinetica().faults().reset();

            WorkerJvm survivor = second;
            for (Sink sink : sinks) {
                Await.until(release + ": every record of " + sink.name() + " committed", Duration.ofSeconds(120),
                        () -> committed(sink) == sink.produced(),
                        () -> "; " + counts(sink, committedAtKill) + "\nworker log:\n" + survivor.logTail());
                System.out.println(release + " " + counts(sink, committedAtKill));
            }
            for (Sink sink : sinks) {
                String counts = counts(sink, committedAtKill);
                assertEquals(sink.produced(), distinct(sink), release + " lost records: " + counts);
                if (sink.keyed()) {
                    assertEquals(sink.produced(), rows(sink), release + " keyed rows: " + counts);
                } else {
                    assertTrue(rows(sink) >= sink.produced(), counts);
                }
            }
            CliRunner survivorCli = new CliRunner(second.url());
            sinks.forEach(sink -> survivorCli.run("delete", sink.name()));
        } finally {
            parts.kinetica().faults().reset();
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    static Map<String, String> router(String regex, String replacement) {
        return Map.of("transforms", "route",
                "transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter",
                "transforms.route.regex", regex,
                "transforms.route.replacement", replacement);
    }

    static void create(CliRunner cli, Sink sink, Path dir) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", CompatibilityMatrixTest.SINK,
                "tasks.max", "2",
                "topics", String.join(",", sink.topics()),
                "kinetica.url", parts.kinetica().url(),
                "kinetica.tables.create_table", "true",
                "kinetica.tables.single_table_per_topic", "true",
                "kinetica.retry_backoff_max_ms", "1000"));
        if (sink.keyed()) {
            config.put("kinetica.tables.primary_key_mode", "kafka");
        }
        config.putAll(sink.transforms());
        Path file = dir.resolve(sink.name() + ".json");
        Files.createDirectories(dir);
        Files.writeString(file, JSON.writeValueAsString(Map.of("name", sink.name(), "config", config)));
        CliRunner.Result created = cli.run("create", "--file", file.toString());
        assertEquals(0, created.code(), created.toString());
    }

    /** Records {@code from} to {@code to} of each topic, with ids unique across the sink's topics. */
    static void produce(Sink sink, int from, int to) {
        for (int t = 0; t < sink.topics().size(); t++) {
            for (int i = from; i < to; i++) {
                long id = (long) t * 1_000_000 + i;
                String value = "{\"schema\":" + CompatibilityMatrixTest.VALUE_SCHEMA + ",\"payload\":{\"id\":" + id
                        + ",\"item\":\"item-" + i % 7 + "\",\"amount\":" + i * 1.25 + "}}";
                parts.producer().send(new ProducerRecord<>(sink.topics().get(t), null, value));
            }
        }
        parts.producer().flush();
    }

    static String counts(Sink sink, Map<String, Long> committedAtKill) {
        long distinct = distinct(sink);
        long rows = rows(sink);
        return String.format("%s: produced %d, committed before the kill %d, rows %d, distinct %d, lost %d, "
                        + "duplicated %d", sink.name(), sink.produced(), committedAtKill.getOrDefault(sink.name(), -1L),
                rows, distinct, sink.produced() - distinct, rows - distinct);
    }

    static long rows(Sink sink) {
        return parts.kinetica().hasTable(sink.table()) ? parts.kinetica().rowCount(sink.table()) : 0;
    }

    static long distinct(Sink sink) {
        if (!parts.kinetica().hasTable(sink.table())) {
            return 0;
        }
        Set<Object> ids = new HashSet<>();
        parts.kinetica().rows(sink.table()).forEach(r -> ids.add(r.get("id")));
        return ids.size();
    }

    /** The offsets the sink's consumer group has committed, summed over its topics' partitions. */
    static long committed(Sink sink) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            return admin.listConsumerGroupOffsets("connect-" + sink.name()).partitionsToOffsetAndMetadata()
                    .get().values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException("reading the committed offsets of " + sink.name(), e);
        }
    }

    static String bootstrap() {
        return parts.kafka().bootstrapServers();
    }

    static Path plugins() {
        return Path.of(System.getProperty("compat.plugins", "../connector/target/plugin"));
    }
}

package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import dev.kconnect.cli.live.TestWorker;
import dev.kconnect.testkit.Await;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.NewTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kconnect migrate} between two real clusters (the module's worker, "east", and a worker of a
 * group of its own, "west", on the same broker) and to a new name on the same worker.
 */
@ExtendWith(LiveWorker.class)
class MigrateTest {
    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";
    static TestWorker west;

    @TempDir
    Path dir;

    @BeforeAll
    static void startWest() {
        west = TestWorker.onLiveBroker(Map.of());
    }

    @AfterAll
    static void stopWest() {
        west.close();
    }

    @BeforeEach
    void contexts() {
        System.setProperty("kconnect.config", dir.resolve("config.json").toString());
        assertEquals(0, Cli.runRaw("context", "add", "east", "--url", LiveWorker.url()).code());
        assertEquals(0, Cli.runRaw("context", "add", "west", "--url", west.url()).code());
    }

    @AfterEach
    void clear() {
        System.clearProperty("kconnect.config");
    }

    @Test
    void aSourceMovesToAnotherClusterAndGoesOnFromItsOffset() throws Exception {
        String json = "{\"name\": \"mig-ticks\", \"connector.class\": \"%s\", \"tasks.max\": \"1\", \"topic\": \"mig-ticks\"}"
                .formatted(TICKS);
        assertEquals(0, Cli.runWithStdinAgainst(LiveWorker.url(), json, "create", "-f", "-", "--wait", "--settle", "1").code());
        Await.until("mig-ticks to commit a few offsets", Duration.ofSeconds(60),
                () -> Rest.json("/connectors/mig-ticks/offsets").path("offsets").path(0).path("offset").path("n").asLong(-1) >= 3);

        Result moved = Cli.runRaw("migrate", "mig-ticks", "--context", "east", "--to-context", "west", "--delete-source");
        assertEquals(0, moved.code(), moved.toString());
        List<String> lines = moved.out().lines().toList();
        assertTrue(lines.get(0).matches("stopped 'mig-ticks' and read its offsets: 1 partition"), moved.out());
        assertEquals(List.of("created 'mig-ticks' STOPPED on the target with the same offsets",
                "'mig-ticks' is RUNNING on the target", "deleted 'mig-ticks' from the source"), lines.subList(1, 4));
        // a deletion reaches the worker's status a moment later
        Await.until("mig-ticks gone from the source", Duration.ofSeconds(30),
                () -> Cli.runAgainst(LiveWorker.url(), "status", "mig-ticks").code() == ExitCode.NOT_FOUND);

        // the target's task goes on from the next tick: every value once, none missing
        List<Long> ticks = Await.value("10 ticks more on mig-ticks", Duration.ofSeconds(60), () -> read("mig-ticks"),
                t -> t.size() >= 15);
        assertEquals(LongStream.range(0, ticks.size()).boxed().toList(), ticks);
        assertEquals(0, Cli.runAgainst(west.url(), "delete", "mig-ticks").code());
    }

    @Test
    void aSinkRenamedTakesItsConsumerGroupsOffsets() throws Exception {
        String bootstrap = LiveWorker.bootstrapServers();
        NewTopics.create(bootstrap, List.of(new NewTopic("mig-orders", 2, (short) 1)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>("mig-orders", i % 2, null, "{\"n\":" + i + "}")).get();
            }
        }
        String json = """
                {"name": "mig-sink", "connector.class": "dev.kconnect.cli.testplugins.DiscardSinkConnector",
                 "tasks.max": "1", "topics": "mig-orders", "value.converter": "org.apache.kafka.connect.storage.StringConverter"}""";
        assertEquals(0, Cli.runWithStdinAgainst(LiveWorker.url(), json, "create", "-f", "-").code());
        Await.until("mig-sink to commit all 50", Duration.ofSeconds(60), () -> committed("connect-mig-sink") == 50);

        Result sameName = Cli.runAgainst(LiveWorker.url(), "migrate", "mig-sink");
        assertEquals(ExitCode.USAGE, sameName.code(), sameName.toString());
        Result moved = Cli.runAgainst(LiveWorker.url(), "migrate", "mig-sink", "--rename", "mig-sink-2", "--delete-source");
        assertEquals(0, moved.code(), moved.toString());
        assertTrue(moved.out().startsWith("stopped 'mig-sink' and read its offsets: 2 partitions\n"), moved.out());
        assertEquals(50, committed("connect-mig-sink-2"));
        JsonNode offsets = Rest.json("/connectors/mig-sink-2/offsets").path("offsets");
        assertEquals(2, offsets.size(), offsets.toString());
        assertEquals(50, offsets.get(0).path("offset").path("kafka_offset").asLong() + offsets.get(1).path("offset").path("kafka_offset").asLong());
        Rest.awaitStatus("mig-sink-2", Rest.all("RUNNING", 1));

        // a name taken on the target is refused before anything changes
        String taken = json.replace("\"mig-sink\"", "\"mig-taken\"");
        assertEquals(0, Cli.runWithStdinAgainst(LiveWorker.url(), taken, "create", "-f", "-").code());
        Result refused = Cli.runAgainst(LiveWorker.url(), "migrate", "mig-taken", "--rename", "mig-sink-2");
        assertEquals(ExitCode.USAGE, refused.code(), refused.toString());
        assertEquals("kconnect: the target already has a connector named 'mig-sink-2'; pick another with --rename NEW, "
                + "or delete it there first\n", refused.err());
        assertTrue(!Rest.json("/connectors/mig-taken/status").path("connector").path("state").asText().equals("STOPPED"));
        assertEquals(0, Cli.runAgainst(LiveWorker.url(), "delete", "mig-taken").code());
        assertEquals(0, Cli.runAgainst(LiveWorker.url(), "delete", "mig-sink-2").code());
    }

    /**
     * A Kinetica sink renamed while records stream in: every record in its table once. The sink's
     * last records before the stop are written and committed as it stops; the new name's group takes
     * those offsets, so it neither skips nor repeats one.
     */
    @Test
    void aKineticaSinkRenamedUnderLoadLosesAndDoublesNothing() throws Exception {
        String bootstrap = LiveWorker.bootstrapServers();
        int total = 3000;
        try (KineticaEmulator kinetica = KineticaEmulator.start(0)) {
            NewTopics.create(bootstrap, List.of(new NewTopic("mig_load", 2, (short) 1)));
            String json = """
                    {"name": "mig-load-sink", "connector.class": "com.kinetica.kafka.KineticaSinkConnector",
                     "tasks.max": "2", "topics": "mig_load", "kinetica.url": "%s",
                     "kinetica.tables.create_table": "true"}""".formatted(kinetica.url());
            assertEquals(0, Cli.runWithStdinAgainst(LiveWorker.url(), json, "create", "-f", "-", "--wait", "--settle", "1").code());
            AtomicInteger sent = new AtomicInteger();
            Thread producing = new Thread(() -> produce(bootstrap, total, sent), "mig-load-producer");
            producing.start();
            Await.until("a third of the records sent", Duration.ofSeconds(60), () -> sent.get() >= total / 3);
            Result moved = Cli.runAgainst(LiveWorker.url(), "migrate", "mig-load-sink", "--rename", "mig-load-sink-2",
                    "--delete-source");
            assertEquals(0, moved.code(), moved.toString());
            producing.join(Duration.ofMinutes(2).toMillis());
            Result status = Cli.runAgainst(LiveWorker.url(), "status", "mig-load-sink-2");
            assertEquals(0, status.code(), status.toString());
            assertEquals(total, sent.get());
            String table = Await.value("the sink's table", Duration.ofSeconds(30), () -> kinetica.tableNames().stream()
                    .filter(t -> t.toLowerCase(java.util.Locale.ROOT).contains("mig")).findFirst().orElse(""), t -> !t.isEmpty());
            List<Object> ids = Await.value("all " + total + " rows", Duration.ofSeconds(90),
                    () -> kinetica.rows(table).stream().map(r -> r.get("id")).toList(), rows -> rows.size() >= total);
            assertEquals(total, ids.stream().distinct().count(), "every record once: none lost");
            assertEquals(total, ids.size(), "none twice");
            assertEquals(0, Cli.runAgainst(LiveWorker.url(), "delete", "mig-load-sink-2").code());
        }
    }

    /** {@code total} records {"id": N} with a schema, as fast as the broker takes them. */
    private static void produce(String bootstrap, int total, AtomicInteger sent) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < total; i++) {
                String value = "{\"schema\": {\"type\": \"struct\", \"name\": \"MigLoad\", \"fields\": "
                        + "[{\"field\": \"id\", \"type\": \"int64\"}]}, \"payload\": {\"id\": " + i + "}}";
                producer.send(new ProducerRecord<>("mig_load", i % 2, null, value)).get();
                sent.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long committed(String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LiveWorker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    /** A tick as the worker's JSON converter wrote it: {"schema": …, "payload": N}. */
    private static long tick(String value) {
        try {
            return new ObjectMapper().readTree(value).path("payload").asLong(-1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Long> read(String topic) {
        List<Long> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LiveWorker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            TopicPartition p = new TopicPartition(topic, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            while (consumer.position(p) < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(tick(r.value()));
                }
            }
        }
        return values;
    }
}

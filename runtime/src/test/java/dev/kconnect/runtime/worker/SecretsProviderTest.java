package dev.kconnect.runtime.worker;

import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.ConnectWorker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recipe of the README's "Secrets in connector configs", end to end: a Kinetica that requires a
 * password, a {@code kconnect distributed} worker with no word about providers in its file, and a sink
 * whose config holds {@code ${file:…}} in place of the password. The sink writes every record (so the
 * worker resolved the right password), while its config, as the REST API answers it, as
 * {@code kconnect config} prints it and as the config topic holds it, has the reference only. A second
 * sink takes the password from the worker's environment ({@code ${env:…}}).
 */
class SecretsProviderTest {
    static final String PASSWORD = "s3cret-4-kinetica";
    static final int RECORDS = 50;
    static final String VALUE_SCHEMA = "{\"type\":\"struct\",\"name\":\"reading\",\"fields\":["
            + "{\"field\":\"id\",\"type\":\"int64\"},{\"field\":\"value\",\"type\":\"double\"}]}";

    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;
    static KineticaEmulator kinetica;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.startTemporary();
        kinetica = KineticaEmulator.builder().port(0).credentials("admin", PASSWORD).start();
    }

    @AfterAll
    static void stop() {
        kinetica.close();
        kafka.close();
    }

    @Test
    void aSinkLogsInWithAPasswordItsConfigOnlyNames() throws Exception {
        String topic = "secret_sink";
        Path secrets = Files.writeString(dir.resolve("secrets.properties"), "kinetica.password=" + PASSWORD + "\n");
        String reference = "${file:" + secrets + ":kinetica.password}";
        int port = Ports.free();
        String group = "secrets-" + port;
        Path workerFile = Files.writeString(dir.resolve("worker.properties"),
                ConnectWorker.distributed(kafka.bootstrapServers(), group).set("listeners", "http://127.0.0.1:" + port)
                        .properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n")));
        Path connector = sinkFile("secret-sink", topic, reference);
        produce(topic);
        // the env provider: a variable of the worker's environment
        Path envConnector = sinkFile("env-sink", "env_sink", "${env:KCONNECT_TEST_KINETICA_PASSWORD}");
        produce("env_sink");

        Process worker = KConnectJvm.start(dir, List.of(), List.of("distributed", workerFile.toString()),
                Map.of("KCONNECT_TEST_KINETICA_PASSWORD", PASSWORD));
        String rest = "http://127.0.0.1:" + port;
        try {
            Result created = Cli.untilSuccess(() -> Cli.runAgainst(rest, "create", "--file", connector.toString()));
            assertEquals("created connector 'secret-sink'\n", created.out(), created::toString);
            assertEquals("", created.err(), "a reference is no literal secret: no warning");
            Await.until("all " + RECORDS + " rows in " + topic, Duration.ofSeconds(120),
                    () -> kinetica.hasTable(topic) && kinetica.rowCount(topic) == RECORDS,
                    () -> "; log:\n" + KConnectJvm.log(dir));
            Result env = Cli.runAgainst(rest, "create", "--file", envConnector.toString());
            assertEquals("", env.err(), env::toString);
            Await.until("all " + RECORDS + " rows in env_sink", Duration.ofSeconds(120),
                    () -> kinetica.hasTable("env_sink") && kinetica.rowCount("env_sink") == RECORDS,
                    () -> "; log:\n" + KConnectJvm.log(dir));

            Result json = Cli.runAgainst(rest, "config", "secret-sink", "-o", "json");
            assertEquals(0, json.code(), json::toString);
            assertTrue(json.out().contains("\"kinetica.password\":\"" + reference.replace("\\", "\\\\") + "\""), json::toString);
            Result table = Cli.runAgainst(rest, "config", "secret-sink");
            assertTrue(table.out().lines().anyMatch(l -> l.matches("kinetica\\.password\\s+\\Q" + reference + "\\E")),
                    table::toString);
            for (Result shown : List.of(json, table)) {
                assertFalse(shown.out().contains(PASSWORD), shown::toString);
            }
            List<String> stored = configTopic(group + "-configs");
            assertTrue(stored.stream().anyMatch(r -> r.startsWith("connector-secret-sink ") && r.contains(reference)),
                    stored::toString);
            assertTrue(stored.stream().anyMatch(r -> r.startsWith("task-secret-sink-0 ") && r.contains(reference)),
                    "the task's config, made by the connector from the resolved one, is stored with the reference: " + stored);
            assertTrue(stored.stream().noneMatch(v -> v.contains(PASSWORD)), "the password in the config topic");
        } finally {
            worker.destroy();
            if (!worker.waitFor(60, TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        }
        String out = Files.readString(dir.resolve("out.txt"));
        assertFalse(out.contains(PASSWORD), "the worker printed the password");
        assertFalse(KConnectJvm.log(dir).contains(PASSWORD), "the worker logged the password");
    }

    private static Path sinkFile(String name, String topic, String password) throws Exception {
        return Files.writeString(dir.resolve(name + ".json"), """
                {"name": "%s", "config": {
                  "connector.class": "com.kinetica.kafka.KineticaSinkConnector", "tasks.max": "1", "topics": "%s",
                  "kinetica.url": "%s", "kinetica.username": "admin", "kinetica.password": "%s",
                  "kinetica.tables.create_table": "true", "kinetica.tables.single_table_per_topic": "true",
                  "kinetica.tables.primary_keys": "id"}}
                """.formatted(name, topic, kinetica.url(), password));
    }

    /** A topic with {@link #RECORDS} records, made before a sink reads it. */
    private static void produce(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()))) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, null, "{\"schema\":" + VALUE_SCHEMA
                        + ",\"payload\":{\"id\":" + i + ",\"value\":" + (i * 1.5) + "}}"));
            }
        }
    }

    /** Every record of the worker's config topic, from its start to its end, as "KEY VALUE". */
    private static List<String> configTopic(String topic) {
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Await.until("the whole of " + topic, Duration.ofSeconds(30), () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(r.key() + " " + r.value());
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records;
    }
}

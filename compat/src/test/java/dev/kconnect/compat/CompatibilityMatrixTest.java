package dev.kconnect.compat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdbBase;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.KafkaAndKinetica;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin and the CLI against a real distributed worker of each Connect release, each in a
 * JVM of its own, on one Kafka 4.3 KRaft broker and one Kinetica emulator. Per release: the sink
 * writes a topic into a table and the source a table into a topic (exact counts), and the CLI's
 * lifecycle commands work, or refuse in one line what the release lacks, leaving states alone.
 */
class CompatibilityMatrixTest {

    static final String SINK = "com.kinetica.kafka.KineticaSinkConnector";
    static final String SOURCE = "com.kinetica.kafka.KineticaSourceConnector";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String VALUE_SCHEMA = "{\"type\":\"struct\",\"name\":\"order\",\"fields\":["
            + "{\"field\":\"id\",\"type\":\"int64\"},{\"field\":\"item\",\"type\":\"string\"},"
            + "{\"field\":\"amount\",\"type\":\"double\"}]}";
    static final int SINK_RECORDS = 100;
    static final int SOURCE_ROWS = 50;

    static KafkaAndKinetica parts;

    /** Every release of the matrix, or those {@code -Dcompat.releases=3.5.2,4.4.0} names. */
    static Stream<ConnectRelease> releases() {
        String only = System.getProperty("compat.releases", "3.0.2,3.5.2,3.6.2,3.7.2,3.9.2,4.0.2,4.4.0");
        return Stream.of(only.split(",")).map(String::trim).map(ConnectRelease::of);
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
    @MethodSource("releases")
    void pluginAndCliWorkOn(ConnectRelease release) throws Exception {
        Path dir = Path.of("target/compat", release.tag());
        Path plugins = Path.of(System.getProperty("compat.plugins", "../connector/target/plugin"));
        long started = System.nanoTime();
        try (WorkerJvm worker = WorkerJvm.start(release, parts.kafka().bootstrapServers(), plugins, dir)) {
            long up = System.nanoTime();
            new Check(release, worker, dir).all();
            System.out.printf("%s: worker up in %.1f s, checks %.1f s%n", release,
                    (up - started) / 1e9, (System.nanoTime() - up) / 1e9);
        }
    }

    /** Every check against one worker, in an order that leaves each step a known state. */
    static final class Check {
        final ConnectRelease release;
        final WorkerJvm worker;
        final Path dir;
        final CliRunner cli;
        final String topic;
        final String table;
        final String sink;
        final String source;

        Check(ConnectRelease release, WorkerJvm worker, Path dir) {
            this.release = release;
            this.worker = worker;
            this.dir = dir;
            this.cli = new CliRunner(worker.url());
            this.topic = release.tag() + "_orders";
            this.table = release.tag() + "_readings";
            this.sink = release.tag() + "-sink";
            this.source = release.tag() + "-source";
        }

        void all() throws Exception {
            CliRunner.Result info = ok("info");
            assertTrue(info.out().contains(release.version()), info.toString());
            sinkWritesTheTopicIntoATable();
            sourceSendsTheTableToATopic();
            listStatusConfig();
            pauseAndResumeKeepTheSinkWriting();
            restart();
            stopAndOffsets();
            pluginOptions();
            clusterLoggers();
            new OperationsCheck(this).all();
            ok("delete", sink);
            ok("delete", source);
        }

        void sinkWritesTheTopicIntoATable() throws Exception {
            produce(0, SINK_RECORDS);
            Path file = write("sink.json", Map.of("name", sink, "config", Map.of(
                    "connector.class", SINK,
                    "tasks.max", "1",
                    "topics", topic,
                    "kinetica.url", parts.kinetica().url(),
                    "kinetica.tables.create_table", "true",
                    "kinetica.tables.single_table_per_topic", "true",
                    "kinetica.batch_size", "50")));
            ok("create", "--file", file.toString());
            awaitRows(SINK_RECORDS);
        }

        void sourceSendsTheTableToATopic() throws Exception {
            Type type = new Type(new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
                    new Type.Column("sensor", String.class), new Type.Column("value", Double.class));
            parts.gpudb().createTable(table, type.create(parts.gpudb()), GPUdbBase.options());
            List<GenericRecord> rows = new ArrayList<>();
            for (int i = 0; i < SOURCE_ROWS; i++) {
                GenericRecord r = new GenericRecord(type);
                r.put("id", (long) i);
                r.put("sensor", "s" + i % 3);
                r.put("value", i * 0.5);
                rows.add(r);
            }
            parts.gpudb().insertRecords(table, rows, GPUdbBase.options());
            Path file = write("source.json", Map.of("name", source, "config", Map.of(
                    "connector.class", SOURCE,
                    "tasks.max", "1",
                    "kinetica.url", parts.kinetica().url(),
                    "kinetica.table_names", table,
                    "kinetica.topic_prefix", release.tag() + "-",
                    "kinetica.source.poll_interval_ms", "200")));
            ok("create", "--file", file.toString());
            awaitTopic(SOURCE_ROWS);
        }

        void listStatusConfig() throws Exception {
            CliRunner.Result list = ok("list", "-o", "name");
            assertEquals(List.of(sink, source), list.out().lines().sorted().toList(), list.toString());
            awaitState(sink, "RUNNING");
            awaitState(source, "RUNNING");
            CliRunner.Result config = ok("config", sink, "-o", "json");
            assertEquals(topic, JSON.readTree(config.out()).path("topics").asText(), config.toString());
            CliRunner.Result tasks = ok("tasks", source, "-o", "json");
            assertEquals(1, JSON.readTree(tasks.out()).size(), tasks.toString());
            // apply reads the plugin's options to mask secrets: config/validate stands in before 3.2
            CliRunner.Result apply = ok("apply", "-f", dir.resolve("sink.json").toString());
            assertTrue(apply.out().contains("unchanged"), apply.toString());
            // GET /health came with 3.9; before it, the states alone say the worker is healthy
            CliRunner.Result health = ok("health");
            boolean before39 = release.version().startsWith("3.") && !release.version().startsWith("3.9");
            assertTrue(health.out().startsWith("healthy: ") && health.out().contains(" 2 connectors, ")
                    && health.out().contains("none FAILED"), health.toString());
            assertEquals(before39, health.out().contains("no /health before Connect 3.9"), health.toString());
        }

        void pauseAndResumeKeepTheSinkWriting() throws Exception {
            ok("pause", sink);
            awaitState(sink, "PAUSED");
            ok("resume", sink);
            awaitState(sink, "RUNNING");
            produce(SINK_RECORDS, 2 * SINK_RECORDS);
            awaitRows(2 * SINK_RECORDS);
        }

        void restart() throws Exception {
            ok("restart", source, "--include-tasks", "--wait");
            awaitState(source, "RUNNING");
        }

        /** stop and reading offsets came with 3.5, changing them with 3.6: older workers refuse before any change. */
        void stopAndOffsets() throws Exception {
            if (!release.atLeast(3, 5)) {
                refused(cli.run("stop", source), "stop", "3.5");
                refused(cli.run("offsets", source), "offsets", "3.5");
                refused(cli.run("offsets", source, "--reset"), "offsets --reset", "3.6");
                assertEquals("RUNNING", state(source), "a refused command leaves the connector as it was");
                return;
            }
            ok("stop", source);
            awaitState(source, "STOPPED");
            CliRunner.Result offsets = ok("offsets", source, "-o", "json");
            assertEquals(1, JSON.readTree(offsets.out()).path("offsets").size(), offsets.toString());
            if (!release.atLeast(3, 6)) {
                refused(cli.run("offsets", source, "--reset"), "offsets --reset", "3.6");
                assertEquals("STOPPED", state(source), "a refused command leaves the connector as it was");
            }
            ok("resume", source);
            awaitState(source, "RUNNING");
            if (release.atLeast(3, 6)) {
                // forgetting the offsets makes the source read the table again: every row twice on the topic
                ok("offsets", source, "--reset");
                awaitState(source, "RUNNING");
                awaitTopic(2 * SOURCE_ROWS);
            }
        }

        /** The options endpoint came with 3.2; older workers describe a plugin through config/validate. */
        void pluginOptions() {
            CliRunner.Result options = ok("plugins", SOURCE);
            assertTrue(options.out().contains("kinetica.table_names"), options.toString());
            CliRunner.Result sinkOptions = ok("plugins", SINK);
            assertTrue(sinkOptions.out().contains("kinetica.tables.schema_name"), sinkOptions.toString());
        }

        /** Cluster-wide log levels came with 3.7: older workers would set it on one worker only. */
        void clusterLoggers() {
            if (release.atLeast(3, 7)) {
                ok("loggers", "com.kinetica", "DEBUG", "--cluster");
            } else {
                refused(cli.run("loggers", "com.kinetica", "DEBUG", "--cluster"), "loggers --cluster", "3.7");
                ok("loggers", "com.kinetica", "DEBUG");
            }
        }

        CliRunner.Result ok(String... args) {
            CliRunner.Result r = cli.run(args);
            assertEquals(0, r.code(), String.join(" ", args) + " on " + release + ": " + r + "\nworker log:\n" + worker.logTail());
            return r;
        }

        void refused(CliRunner.Result r, String command, String since) {
            assertEquals(2, r.code(), r.toString());
            assertEquals("", r.out(), r.toString());
            assertEquals(1, r.err().lines().count(), r.toString());
            assertTrue(r.err().contains("'" + command + "' needs Kafka Connect " + since + "; this worker runs "
                    + release.version()), r.toString());
        }

        String state(String name) {
            CliRunner.Result r = cli.run("status", name, "-o", "json");
            try {
                return r.code() == 0 || r.code() == 5 ? JSON.readTree(r.out()).path("connector").path("state").asText() : "?";
            } catch (Exception e) {
                return "?";
            }
        }

        void awaitState(String name, String wanted) throws Exception {
            await(() -> wanted.equals(state(name)), name + " " + wanted);
        }

        void awaitRows(long wanted) throws Exception {
            await(() -> rows() >= wanted, wanted + " rows in table " + topic);
            assertEquals(wanted, rows(), "rows in table " + topic);
        }

        long rows() {
            return parts.kinetica().hasTable(topic) ? parts.kinetica().rowCount(topic) : 0;
        }

        void awaitTopic(long wanted) throws Exception {
            String sourceTopic = release.tag() + "-" + table;
            await(() -> topicSize(sourceTopic) >= wanted, wanted + " records on topic " + sourceTopic);
            assertEquals(wanted, topicSize(sourceTopic), "records on topic " + sourceTopic);
        }

        void await(BooleanSupplier condition, String what) {
            Await.until(release + ": " + what, Duration.ofSeconds(90), condition, () -> "; status: "
                    + cli.run("status", sink) + cli.run("status", source) + "\nworker log:\n" + worker.logTail());
        }

        void produce(int from, int to) {
            for (int i = from; i < to; i++) {
                String value = "{\"schema\":" + VALUE_SCHEMA + ",\"payload\":{\"id\":" + i + ",\"item\":\"item-" + i % 7
                        + "\",\"amount\":" + i * 1.25 + "}}";
                parts.producer().send(new ProducerRecord<>(topic, null, value));
            }
            parts.producer().flush();
        }

        Path write(String name, Object json) throws Exception {
            Path file = dir.resolve(name);
            Files.writeString(file, JSON.writeValueAsString(json));
            return file;
        }
    }

    static long topicSize(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", parts.kafka().bootstrapServers(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}

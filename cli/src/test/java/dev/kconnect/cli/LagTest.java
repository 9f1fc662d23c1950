package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import dev.kconnect.testkit.Await;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumer lag of a real sink on the live worker: it reads a two-partition topic to its end, is
 * paused, and then 3 records go to partition 0 and 1 to partition 1, so it is exactly 4 behind.
 */
@ExtendWith(LiveWorker.class)
class LagTest {

    static final String SINK = "lag-sink";
    static final String TOPIC = "lag-orders";

    @TempDir
    Path dir;

    @BeforeAll
    static void aPausedSinkFourRecordsBehind() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LiveWorker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        }
        send(0, 0, 2);
        send(1, 0, 1);
        assertEquals(0, Cli.runWithStdin("""
                {"name": "%s", "connector.class": "dev.kconnect.cli.testplugins.DiscardSinkConnector",
                 "tasks.max": "1", "topics": "%s", "value.converter": "org.apache.kafka.connect.storage.StringConverter"}""".formatted(SINK, TOPIC), "create", "--file", "-").code());
        Rest.awaitStatus(SINK, Rest.all("RUNNING", 1));
        awaitStatusOut("Lag:        0 records behind");
        assertEquals(0, Cli.run("pause", SINK).code());
        Rest.awaitStatus(SINK, Rest.all("PAUSED", 1));
        send(0, 2, 5);
        send(1, 1, 2);
    }

    /** Records {@code from} to {@code to} (exclusive) into {@code partition}. */
    private static void send(int partition, int from, int to) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LiveWorker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(TOPIC, partition, null, "{\"n\":" + i + "}")).get();
            }
        }
    }

    /** The sink's offsets are committed at the worker's next flush (every 500 ms here): wait for that. */
    private static void awaitStatusOut(String expected) {
        Result r = Await.poll(Duration.ofSeconds(60), LagTest::status, s -> s.out().contains(expected));
        assertTrue(r.out().contains(expected), r::toString);
    }

    private static Result status(String... more) {
        List<String> args = new ArrayList<>(List.of("status", SINK, "--bootstrap-server",
                LiveWorker.bootstrapServers(), "--rate-over", "0"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @AfterEach
    void clear() {
        System.clearProperty("kconnect.config");
    }

    @Test
    void statusShowsTheLagInTotalPerTaskAndPerPartition() {
        Result r = status();
        assertEquals(0, r.code(), r::toString);
        // the lag as time: the age of the oldest record waiting (WaitLagTest checks its value)
        assertTrue(r.out().contains("\nBehind:     the oldest record not committed is "), r.out());
        assertEquals("""
                Connector:  lag-sink (sink)
                State:      PAUSED
                Worker:     %1$s
                Lag:        4 records behind (consumer group connect-lag-sink)

                TASK  STATE   WORKER%2$sLAG
                0     PAUSED  %1$s  4

                TASK  PARTITION     COMMITTED  END  LAG
                0     lag-orders-0  2          5    3
                0     lag-orders-1  1          2    1
                """.formatted(worker(), " ".repeat(worker().length() - 4)), r.out().replaceAll("Behind: [^\n]*\n", ""));
    }

    @Test
    void aRateWindowGivesTheRateOfAPausedSinkAsZero() throws Exception {
        Result r = Cli.run("status", SINK, "--bootstrap-server", LiveWorker.bootstrapServers(), "--rate-over", "1",
                "-o", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode status = new ObjectMapper().readTree(r.out());
        assertEquals(0.0, status.path("rate").path("records_per_second").asDouble(-1));
        assertEquals(4, status.path("lag").path("total").asLong());
    }

    @Test
    void jsonAndYamlCarryTheSameFieldsBesideTheWorkersAnswer() throws Exception {
        Result json = status("-o", "json");
        assertEquals(0, json.code(), json::toString);
        JsonNode status = new ObjectMapper().readTree(json.out());
        assertEquals("PAUSED", status.path("connector").path("state").asText());
        assertEquals("""
                {"group":"connect-lag-sink","total":4,"partitions":[\
                {"topic":"lag-orders","partition":0,"task":0,"committed":2,"end":5,"lag":3},\
                {"topic":"lag-orders","partition":1,"task":0,"committed":1,"end":2,"lag":1}]}""",
                status.path("lag").toString());
        JsonNode yaml = new YAMLMapper().readTree(status("-o", "yaml").out());
        assertEquals("PAUSED", yaml.path("connector").path("state").asText());
        assertEquals("4", yaml.path("lag").path("total").asText());
        assertEquals("3", yaml.path("lag").path("partitions").path(0).path("lag").asText());
    }

    @Test
    void listHasALagColumnForSinks() {
        Result r = Cli.run("list", "--bootstrap-server", LiveWorker.bootstrapServers());
        assertEquals(0, r.code(), r::toString);
        String row = r.out().lines().filter(l -> l.startsWith(SINK + " ")).findFirst().orElseThrow();
        assertTrue(row.matches(SINK + "\\s+sink\\s+PAUSED\\s+0:PAUSED\\s+4\\s+.*DiscardSinkConnector"), r::toString);
        assertTrue(r.out().startsWith("NAME") && r.out().lines().findFirst().orElseThrow().contains(" LAG "), r::toString);
    }

    @Test
    void withoutABootstrapStatusSaysHowToGetTheLag() {
        Result r = Cli.run("status", SINK);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("\nLag:        unknown; give --bootstrap-server HOST:PORT (or set "
                + "KCONNECT_BOOTSTRAP_SERVERS, or kconnect context add … --bootstrap-server)\n"), r::toString);
        assertTrue(Cli.run("list").out().lines().findFirst().orElseThrow().matches("NAME\\s+TYPE\\s+STATE\\s+TASKS\\s+CLASS"));
    }

    @Test
    void theContextsBootstrapServesWhenNoneIsGiven() {
        System.setProperty("kconnect.config", dir.resolve("config.json").toString());
        assertEquals(0, Cli.runRaw("context", "add", "lag", "--url", LiveWorker.url(),
                "--bootstrap-server", LiveWorker.bootstrapServers()).code());
        Result r = Cli.runRaw("status", SINK, "--context", "lag", "--rate-over", "0");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Lag:        4 records behind (consumer group connect-lag-sink)"), r::toString);
    }

    @Test
    void anUnreachableBrokerExits4NamingIt() {
        Result r = Cli.run("status", SINK, "--bootstrap-server", "127.0.0.1:9", "--request-timeout", "2");
        assertEquals(ExitCode.UNREACHABLE, r.code(), r::toString);
        assertEquals("kconnect: no answer from the Kafka brokers at 127.0.0.1:9 within 2 s; check --bootstrap-server "
                + "(or KCONNECT_BOOTSTRAP_SERVERS, or the context's)\n", r.err());
    }

    /** A sink on an empty topic has committed nothing: its partitions have no committed offset to take a rate from. */
    @Test
    void aSinkThatCommittedNothingShowsNoLagAndARateOfZero() throws Exception {
        String sink = "lag-idle-sink";
        String topic = "lag-idle";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LiveWorker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        assertEquals(0, Cli.runWithStdin("""
                {"name": "%s", "connector.class": "dev.kconnect.cli.testplugins.DiscardSinkConnector",
                 "tasks.max": "1", "topics": "%s"}""".formatted(sink, topic), "create", "--file", "-").code());
        Rest.awaitStatus(sink, Rest.all("RUNNING", 1));
        Result r = Cli.run("status", sink, "--bootstrap-server", LiveWorker.bootstrapServers(), "--rate-over", "1",
                "-o", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode status = new ObjectMapper().readTree(r.out());
        assertEquals(0, status.path("lag").path("total").asLong(-1), r::toString);
        JsonNode committed = status.path("lag").path("partitions").path(0).path("committed");
        assertTrue(committed.isNull() || committed.isMissingNode(), r::toString);
        assertEquals(0.0, status.path("rate").path("records_per_second").asDouble(-1), r::toString);
        assertEquals(0, Cli.run("delete", sink).code());
    }

    private static String worker() {
        return Rest.json("/connectors/" + SINK + "/status").path("tasks").path(0).path("worker_id").asText();
    }
}

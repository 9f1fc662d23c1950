package dev.kconnect.cli.lag;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import dev.kconnect.cli.live.TestWorker;
import dev.kconnect.cli.output.Style;
import dev.kconnect.cli.output.TopView.Frame;
import dev.kconnect.cli.output.TopView;
import dev.kconnect.cli.testplugins.GateSourceConnector;
import dev.kconnect.testkit.Await;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source's rate is the growth of its topics' end offsets between two samples. A real source on
 * the live worker writes exactly as many records as the test lets it ({@link GateSourceConnector}),
 * so the counts sampled are known; times never are, and are never asserted.
 */
@ExtendWith(LiveWorker.class)
class SourceRateTest {

    static final String SOURCE = "rate-source";
    static final String TOPIC = "rate-ticks";

    static LagReader reader;

    @BeforeAll
    static void aSourceThatHasWrittenThreeRecords() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LiveWorker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        assertEquals(0, Cli.runWithStdin(gateSource(SOURCE, TOPIC), "create", "--file", "-").code());
        Rest.awaitStatus(SOURCE, Rest.all("RUNNING", 1));
        reader = LagReader.connect(LiveWorker.bootstrapServers(), Duration.ofSeconds(30));
        GateSourceConnector.open(TOPIC, 3);
        awaitWritten(3);
        // Connect records a topic as active when the first record to it is acknowledged
        Rest.jsonWhen("/connectors/" + SOURCE + "/topics", t -> t.path(SOURCE).path("topics").size() == 1);
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    private static String gateSource(String name, String topic) {
        return """
                {"name": "%s", "connector.class": "dev.kconnect.cli.testplugins.GateSourceConnector", "topic": "%s"}"""
                .formatted(name, topic);
    }

    /** Records in the topic, over all its partitions. */
    private static long written() {
        return reader.ends(List.of(TOPIC)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits (up to a minute) until the topic holds {@code records} records. */
    private static void awaitWritten(long records) {
        Await.until("the topic to hold " + records + " records", Duration.ofSeconds(60), () -> written() >= records);
        assertEquals(records, written());
    }

    @Test
    void theRateCountsExactlyTheRecordsWrittenBetweenTheTwoSamples() {
        long before = written();
        Rate rate = Sampler.source(reader, List.of(TOPIC), () -> {
            GateSourceConnector.open(TOPIC, 5);
            awaitWritten(before + 5);
            return true;
        });
        assertEquals(5, rate.records());
        assertEquals(List.of(TOPIC), rate.topics());
    }

    @Test
    void otherProducersOfItsTopicsCountToo() throws Exception {
        long before = written();
        Rate rate = Sampler.source(reader, List.of(TOPIC), () -> {
            GateSourceConnector.open(TOPIC, 4);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LiveWorker.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                producer.send(new ProducerRecord<>(TOPIC, "not the source's")).get();
                producer.send(new ProducerRecord<>(TOPIC, "nor this one")).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            awaitWritten(before + 6);
            return true;
        });
        assertEquals(6, rate.records());
    }

    @Test
    void statusShowsAnIdleSourcesRateAsZeroNamingTheTopicsItCounts() throws Exception {
        Result json = Cli.run("status", SOURCE, "--bootstrap-server", LiveWorker.bootstrapServers(), "--rate-over", "1",
                "-o", "json");
        assertEquals(0, json.code(), json::toString);
        JsonNode rate = Json.MAPPER.readTree(json.out()).path("rate");
        assertEquals(0, rate.path("records").asLong(-1), json::toString);
        assertEquals(0.0, rate.path("records_per_second").asDouble(-1), json::toString);
        assertEquals("[\"" + TOPIC + "\"]", rate.path("topics").toString(), json::toString);

        Result text = Cli.run("status", SOURCE, "--bootstrap-server", LiveWorker.bootstrapServers(), "--rate-over", "1");
        assertEquals(0, text.code(), text::toString);
        assertTrue(text.out().contains("\nRate:       0 records/s over 1 s into topic " + TOPIC
                + " (their end offsets: other producers of them count too)\n"), text::toString);
    }

    @Test
    void topShowsTheSourcesRateOnItsOwnLineAndNoneForItsTasks() throws Exception {
        Map<String, ConnectorEntry> connectors = Json.MAPPER.readValue(Rest.get("/connectors?expand=status&expand=info"),
                new TypeReference<>() { });
        long before = written();
        Frame first = new Frame(connectors, Map.of(), Map.of(SOURCE, new TopicEnds(List.of(TOPIC), reader.ends(List.of(TOPIC)))), 0);
        GateSourceConnector.open(TOPIC, 4);
        awaitWritten(before + 4);
        // frames two seconds apart by their own clock: 4 records make 2 records/s
        Frame second = new Frame(connectors, Map.of(), Map.of(SOURCE, new TopicEnds(List.of(TOPIC), reader.ends(List.of(TOPIC)))),
                2_000_000_000L);
        StringWriter out = new StringWriter();
        TopView.print(second, first, new PrintWriter(out), Style.PLAIN);
        List<String> rows = out.toString().lines().filter(l -> l.startsWith(SOURCE + " ")).toList();
        assertEquals(2, rows.size(), out::toString);
        assertTrue(rows.get(0).matches(SOURCE + "\\s+-\\s+RUNNING\\s+\\S+\\s+-\\s+2/s"), out::toString);
        assertTrue(rows.get(1).matches(SOURCE + "\\s+0\\s+RUNNING\\s+\\S+\\s+-\\s+-"), out::toString);
    }

    @Test
    void aWorkerThatDoesNotTrackTopicsLeavesTheRateUnknownAndSaysWhy() throws Exception {
        try (TestWorker untracked = TestWorker.onLiveBroker(Map.of("topic.tracking.enable", "false"))) {
            assertEquals(0, Cli.runWithStdinAgainst(untracked.url(), gateSource("untracked-source", "untracked-ticks"),
                    "create", "--file", "-").code());
            Result r = Cli.untilSuccess(() -> Cli.runAgainst(untracked.url(), "status", "untracked-source",
                    "--bootstrap-server", untracked.bootstrapServers()));
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().contains("\nRate:       unknown; this worker does not track the topics connectors write to "
                    + "(topic.tracking.enable=false)\n"), r::toString);
        }
    }
}

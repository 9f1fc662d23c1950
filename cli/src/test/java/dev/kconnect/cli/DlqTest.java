package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.NewTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kconnect dlq against a real worker (4.3): a sink with errors.tolerance=all sends records its
 * converter cannot read (stage VALUE_CONVERTER) and records its transform refuses (TRANSFORMATION)
 * to its dead-letter queue; dlq reads Connect's own headers back, replay writes the records back,
 * and those that fail again are never replayed a second time.
 */
@ExtendWith(LiveWorker.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DlqTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SINK = "dlq-orders";
    static final String TOPIC = "dlq-orders-in";
    static final String DLQ = "dlq-orders-dlq";
    static final String FIXED = "dlq-orders-fixed";
    /** Offsets 1, 4, 7 are no JSON; 3 and 6 are arrays, which ExtractField refuses; the rest are good. */
    static final List<String> VALUES = List.of("{\"id\":1}", "not json A", "{\"id\":2}", "[1,2]", "not json B",
            "{\"id\":3}", "[3]", "not json C", "{\"id\":4}", "{\"id\":5}");

    @BeforeAll
    static void aSinkWithFailingRecords() throws Exception {
        NewTopics.create(LiveWorker.bootstrapServers(), List.of(new NewTopic(TOPIC, 1, (short) 1),
                new NewTopic(FIXED, 1, (short) 1)));
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < VALUES.size(); i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("trace-id", ("t" + i).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(TOPIC, null, "k" + i, VALUES.get(i), headers));
            }
        }
        create(SINK, DLQ, true);
        awaitSize(DLQ, 5);
    }

    /** The worker is shared with the module's other test classes: leave it as found. */
    @org.junit.jupiter.api.AfterAll
    static void deleteConnectorsLeft() {
        for (com.fasterxml.jackson.databind.JsonNode name : Rest.json("/connectors")) {
            Cli.run("delete", name.asText(), "--yes");
        }
    }

    static void create(String name, String dlq, boolean contextHeaders) {
        String json = JSON.createObjectNode().put("name", name).set("config", JSON.valueToTree(Map.ofEntries(
                Map.entry("connector.class", "dev.kconnect.cli.testplugins.DiscardSinkConnector"),
                Map.entry("tasks.max", "1"),
                Map.entry("topics", TOPIC),
                Map.entry("key.converter", "org.apache.kafka.connect.storage.StringConverter"),
                Map.entry("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
                Map.entry("value.converter.schemas.enable", "false"),
                Map.entry("transforms", "id"),
                Map.entry("transforms.id.type", "org.apache.kafka.connect.transforms.ExtractField$Value"),
                Map.entry("transforms.id.field", "id"),
                Map.entry("errors.tolerance", "all"),
                Map.entry("errors.deadletterqueue.topic.name", dlq),
                Map.entry("errors.deadletterqueue.topic.replication.factor", "1"),
                Map.entry("errors.deadletterqueue.context.headers.enable", Boolean.toString(contextHeaders))))).toString();
        Result r = Cli.runWithStdin(json, "create", "--file", "-");
        assertEquals(0, r.code(), r::toString);
    }

    @Test
    @Order(1)
    void readsConnectsHeadersBack() throws Exception {
        Result r = Cli.run("dlq", SINK, "--bootstrap-server", LiveWorker.bootstrapServers(), "-o", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode dlq = JSON.readTree(r.out());
        assertEquals(5, dlq.path("total").asInt());
        assertEquals(DLQ, dlq.path("topic").asText());
        List<Long> offsets = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        for (JsonNode record : dlq.path("records")) {
            offsets.add(record.path("offset").asLong());
            stages.add(record.path("stage").asText());
            assertEquals(TOPIC, record.path("topic").asText());
            assertEquals(0, record.path("partition").asInt());
            assertEquals(SINK, record.path("connector").asText());
            assertEquals(0, record.path("task").asInt());
            assertEquals("org.apache.kafka.connect.errors.DataException", record.path("exception").asText());
            assertTrue(record.path("stacktrace").asText().startsWith("org.apache.kafka.connect.errors.DataException"));
            assertEquals(VALUES.get((int) record.path("offset").asLong()), record.path("value").asText());
            assertEquals("k" + record.path("offset").asLong(), record.path("key").asText());
        }
        assertEquals(List.of(1L, 3L, 4L, 6L, 7L), offsets);
        assertEquals(List.of("VALUE_CONVERTER", "TRANSFORMATION", "VALUE_CONVERTER", "TRANSFORMATION", "VALUE_CONVERTER"), stages);
        assertEquals("org.apache.kafka.connect.json.JsonConverter", dlq.path("records").path(0).path("class").asText());
        assertEquals("org.apache.kafka.connect.transforms.ExtractField$Value", dlq.path("records").path(1).path("class").asText());
        assertEquals(List.of(3, 2), dlq.path("summary").findValues("count").stream().map(JsonNode::asInt).toList());

        Result byStage = Cli.run("dlq", SINK, "--bootstrap-server", LiveWorker.bootstrapServers(), "--group-by", "stage");
        assertEquals(0, byStage.code(), byStage::toString);
        assertTrue(byStage.out().startsWith("dead-letter queue '" + DLQ + "' of connector '" + SINK + "': 5 record(s)\n"),
                byStage::toString);
        assertTrue(byStage.out().contains("\n3      VALUE_CONVERTER\n2      TRANSFORMATION\n"), byStage::toString);
        assertTrue(byStage.out().lines().anyMatch(l -> l.matches("0@0 +dlq-orders-in-0@1 +VALUE_CONVERTER +DataException +not json A")),
                byStage::toString);
        assertEquals("", byStage.err());
    }

    @Test
    @Order(2)
    void replayWritesChosenRecordsBackAndNeverLoops() throws Exception {
        String bootstrap = LiveWorker.bootstrapServers();
        Result toFixed = Cli.run("dlq", "replay", SINK, "--bootstrap-server", bootstrap, "--where", "stage=TRANSFORMATION",
                "--to", FIXED);
        assertEquals(0, toFixed.code(), toFixed::toString);
        assertEquals("replayed 2 of 2 chosen record(s) (5 read) from '" + DLQ + "', 2 to " + FIXED + "\n", toFixed.out());
        List<ConsumerRecord<String, String>> fixed = readAll(FIXED, 2);
        assertEquals(List.of("[1,2]", "[3]"), fixed.stream().map(ConsumerRecord::value).toList());
        assertEquals(List.of("k3", "k6"), fixed.stream().map(ConsumerRecord::key).toList());
        assertEquals(List.of(DLQ + "/0/1", DLQ + "/0/3"), fixed.stream().map(c -> header(c, "kconnect.replayed.from")).toList());
        assertEquals(List.of("t3", "t6"), fixed.stream().map(c -> header(c, "trace-id")).toList());
        assertTrue(fixed.stream().allMatch(c -> !c.headers().iterator().hasNext()
                || java.util.stream.StreamSupport.stream(c.headers().spliterator(), false)
                        .noneMatch(h -> h.key().startsWith("__connect.errors."))), "Connect's error headers are dropped");

        // back to their own topic: the sink fails them again, and they come back to the queue marked
        Result back = Cli.run("dlq", "replay", SINK, "--bootstrap-server", bootstrap, "--where", "stage=VALUE_CONVERTER");
        assertEquals(0, back.code(), back::toString);
        assertEquals("replayed 3 of 3 chosen record(s) (5 read) from '" + DLQ + "', 3 to " + TOPIC + "\n", back.out());
        awaitSize(DLQ, 8);
        JsonNode dlq = JSON.readTree(Cli.run("dlq", SINK, "--bootstrap-server", bootstrap, "-o", "json").out());
        assertEquals(8, dlq.path("total").asInt());
        List<String> replayed = new ArrayList<>();
        List<Long> newOffsets = new ArrayList<>();
        for (int i = 5; i < 8; i++) {
            replayed.add(dlq.path("records").path(i).path("replayed_from").asText());
            newOffsets.add(dlq.path("records").path(i).path("offset").asLong());
        }
        assertEquals(List.of(DLQ + "/0/0", DLQ + "/0/2", DLQ + "/0/4"), replayed);
        assertEquals(List.of(10L, 11L, 12L), newOffsets, "written after the ten records of the topic");
        assertTrue(dlq.path("records").path(0).path("replayed_from").isNull());

        Result again = Cli.run("dlq", "replay", SINK, "--bootstrap-server", bootstrap, "--where", "stage=VALUE_CONVERTER",
                "--dry-run", "-o", "json");
        assertEquals(0, again.code(), again::toString);
        JsonNode plan = JSON.readTree(again.out());
        assertEquals(6, plan.path("chosen").asInt());
        assertEquals(3, plan.path("written").path(TOPIC).asInt(), "the first three, which were never replayed");
        assertEquals(3, plan.path("skipped_replayed_before").asInt(), "those that failed after their replay");
        awaitSize(DLQ, 8); // nothing written by the dry run
    }

    @Test
    @Order(3)
    void withoutAQueueOrItsContextTheCommandSaysWhatToDo() {
        Result none = Cli.run("dlq", "no-such-sink", "--bootstrap-server", LiveWorker.bootstrapServers());
        assertEquals(ExitCode.NOT_FOUND, none.code(), none::toString);
        create("dlq-bare", "dlq-bare-dlq", false);
        awaitSize("dlq-bare-dlq", 8); // the topic's five failing records, and the three replayed into it
        Result bare = Cli.run("dlq", "dlq-bare", "--bootstrap-server", LiveWorker.bootstrapServers(), "--group-by", "stage");
        assertEquals(0, bare.code(), bare::toString);
        assertTrue(bare.out().contains("\n8      (no error context)\n"), bare::toString);
        assertEquals(1, bare.err().lines().count(), bare::toString);
        assertTrue(bare.err().contains("errors.deadletterqueue.context.headers.enable=true"), bare::toString);
        // the three replayed before carry kconnect.replayed.from: they would be skipped, whatever their topic
        Result replay = Cli.run("dlq", "replay", "dlq-bare", "--bootstrap-server", LiveWorker.bootstrapServers());
        assertEquals(ExitCode.USAGE, replay.code(), replay::toString);
        assertTrue(replay.err().startsWith("kconnect: 5 chosen record(s) do not say which topic they came from; give --to TOPIC"),
                replay::toString);
        Result where = Cli.run("dlq", "replay", SINK, "--bootstrap-server", LiveWorker.bootstrapServers(), "--where", "colour=red");
        assertEquals(ExitCode.USAGE, where.code(), where::toString);
        assertEquals(1, where.err().lines().count(), where::toString);
        assertEquals(0, Cli.run("delete", "dlq-bare", "--yes").code());
        Rest.json("/connectors");
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", LiveWorker.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }

    static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", LiveWorker.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer());
    }

    static void awaitSize(String topic, long records) {
        Await.until(records + " records on " + topic, Duration.ofSeconds(60), () -> size(topic) == records,
                () -> "; there are " + size(topic));
    }

    static long size(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static List<ConsumerRecord<String, String>> readAll(String topic, int count) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Await.until(count + " records read from " + topic, Duration.ofSeconds(30), () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
            assertEquals(count, records.size());
            return records;
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        assertTrue(h != null, name + " missing");
        return new String(h.value(), StandardCharsets.UTF_8);
    }

}

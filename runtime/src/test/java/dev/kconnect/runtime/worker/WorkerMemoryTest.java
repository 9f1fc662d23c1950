package dev.kconnect.runtime.worker;

import dev.kconnect.sandbox.Ports;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.KafkaAndKinetica;
import dev.kconnect.testkit.NewTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A standalone worker with a 256 MB heap, one sink reading 300 topics into 300 tables, records
 * lingering 10 s, Kinetica slowed: the task stays within its cap of buffered records (pausing its
 * partitions when writing does not free it), never runs out of memory, stays RUNNING, and writes
 * every record once.
 */
class WorkerMemoryTest {
    static final int TOPICS = 300;
    static final int PER_TOPIC = 100;
    static final int CAP = 1_500;
    /**
     * The consumer's max.poll.records: what one put may bring past the cap. Above the cap, so the
     * first poll (every topic is full before the worker starts) passes it whatever the timing.
     */
    static final int POLL = 2_000;
    static final Pattern HOLDING = Pattern.compile("Holding (\\d+) records \\(");

    static KafkaAndKinetica parts;

    @BeforeAll
    static void start() {
        parts = KafkaAndKinetica.start();
    }

    @AfterAll
    static void stop() {
        parts.close();
    }

    @Test
    void aSmallHeapManyTablesAndASlowKineticaKeepTheTaskWithinItsCap() throws Exception {
        List<String> topics = new ArrayList<>();
        for (int t = 0; t < TOPICS; t++) {
            topics.add("mem_" + t);
        }
        NewTopics.create(parts.kafka().bootstrapServers(), topics.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList());
        produce(topics);
        Path dir = Files.createTempDirectory("worker-memory");
        int port = Ports.free();
        Path sink = Files.writeString(dir.resolve("sink.properties"), Map.of(
                        "name", "mem",
                        "connector.class", "com.kinetica.kafka.KineticaSinkConnector",
                        "tasks.max", "1",
                        "topics.regex", "mem_.*",
                        "kinetica.url", parts.kinetica().url(),
                        "kinetica.tables.single_table_per_topic", "true",
                        "kinetica.linger_ms", "10000",
                        "kinetica.max_buffered_records", String.valueOf(CAP),
                        // writing the fullest tables for this long a put does not free the cap: the task pauses
                        "kinetica.write_budget_ms", "200")
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
        parts.kinetica().faults().latency(Duration.ofMillis(30));
        Process worker = KConnectJvm.start(dir, List.of("-Xmx256m", "-Xlog:gc:file=" + dir.resolve("gc.log")),
                List.of("standalone", sink.toString(),
                        "-D", "bootstrap.servers=" + parts.kafka().bootstrapServers(),
                        "-D", "listeners=http://127.0.0.1:" + port,
                        "-D", "consumer.max.poll.records=" + POLL));
        try {
            Await.until("every record in its table", Duration.ofSeconds(150), () -> written(topics) == TOPICS * PER_TOPIC,
                    () -> "; " + written(topics) + " rows; tables short of " + PER_TOPIC + ": " + topics.stream()
                            .filter(t -> !parts.kinetica().hasTable(t) || parts.kinetica().rowCount(t) != PER_TOPIC)
                            .map(t -> t + "=" + (parts.kinetica().hasTable(t) ? parts.kinetica().rowCount(t) : 0))
                            .toList());
            String log = KConnectJvm.log(dir);
            assertFalse(log.contains("OutOfMemoryError"), tail(log));
            assertTrue(status(port).contains("\"state\":\"RUNNING\""), status(port));
            List<Long> held = HOLDING.matcher(log).results().map(m -> Long.parseLong(m.group(1))).toList();
            assertFalse(held.isEmpty(), "the cap was reached");
            assertTrue(held.stream().allMatch(n -> n <= CAP + POLL), "held at most the cap and one poll: " + held);
            for (String topic : topics) {
                Set<Object> ids = new HashSet<>();
                parts.kinetica().rows(topic).forEach(r -> ids.add(r.get("id")));
                assertEquals(PER_TOPIC, ids.size(), topic);
                assertEquals(PER_TOPIC, parts.kinetica().rowCount(topic), topic + ": every record once");
            }
            System.out.printf("%d records over %d tables, -Xmx256m, cap %d: paused %d times, held at most %d; "
                    + "heap after GC at most %s%n", TOPICS * PER_TOPIC, TOPICS, CAP, held.size(),
                    held.stream().mapToLong(Long::longValue).max().orElse(0), mostAfterGc(dir.resolve("gc.log")));
        } finally {
            parts.kinetica().faults().reset();
            worker.destroy();
            worker.waitFor();
        }
    }

    /** 100 records of about 1.1 KB for each topic, with ids unique across topics; each one acknowledged. */
    static void produce(List<String> topics) throws Exception {
        Random random = new Random(7);
        char[] text = new char[1_000];
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        // one request in flight: no batch overtakes an earlier one of its partition (the loss NewTopics
        // guards against); batches of a whole topic keep it to a few dozen requests
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", parts.kafka().bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName(),
                "acks", "all", "max.in.flight.requests.per.connection", "1",
                "batch.size", "262144", "linger.ms", "5", "buffer.memory", "67108864"))) {
            for (int t = 0; t < topics.size(); t++) {
                for (int i = 0; i < PER_TOPIC; i++) {
                    for (int c = 0; c < text.length; c++) {
                        text[c] = (char) ('a' + random.nextInt(26));
                    }
                    sent.add(producer.send(new ProducerRecord<>(topics.get(t), null, "{\"schema\":{\"type\":\"struct\","
                            + "\"name\":\"reading\",\"fields\":[{\"field\":\"id\",\"type\":\"int64\"},"
                            + "{\"field\":\"text\",\"type\":\"string\"}]},\"payload\":{\"id\":" + (t * PER_TOPIC + i)
                            + ",\"text\":\"" + new String(text) + "\"}}")));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(); // a record the broker did not take fails the test here, not as a short table later
            }
        }
    }

    static long written(List<String> tables) {
        long n = 0;
        for (String t : tables) {
            n += parts.kinetica().hasTable(t) ? parts.kinetica().rowCount(t) : 0;
        }
        return n;
    }

    static String status(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/connectors/mem/status")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The most heap in use after a collection, as the JVM's GC log says ("...->41M(256M)"). */
    static String mostAfterGc(Path gcLog) throws Exception {
        Matcher m = Pattern.compile("->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long most = 0;
        while (m.find()) {
            most = Math.max(most, Long.parseLong(m.group(1)));
        }
        return most + " MB";
    }

    static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}

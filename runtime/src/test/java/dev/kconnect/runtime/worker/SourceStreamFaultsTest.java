package dev.kconnect.runtime.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import com.gpudb.Type;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.KafkaAndKinetica;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.EOFException;
import java.io.ObjectInputStream;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The source with table monitors on (its default) while rows stream into Kinetica one insert at a
 * time, and its worker is killed or its group rebalances: real {@code kconnect} worker processes,
 * one real broker and one emulator for the class. Every row inserted must be on the topic: once
 * with exactly-once (read_committed), at least once without, the rows sent twice counted.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("PipelinesTest")   // worker processes: one such test at a time in the module
class SourceStreamFaultsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path PLUGINS = Path.of("target/plugins").toAbsolutePath();
    static final Type TYPE = new Type(new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP));

    static KafkaAndKinetica parts;

    @BeforeAll
    static void start() {
        parts = KafkaAndKinetica.start();
    }

    @AfterAll
    static void stop() {
        parts.close();
    }

    /**
     * A standalone worker (offsets flushed every 100 ms, kconnect's default) killed with -9 while 100
     * rows a second stream in: none lost, and the rows sent twice are exactly those on the topic past
     * the offset last flushed.
     */
    @Test
    void aStandaloneWorkerKilledWhileRowsStreamInResendsOnlyRowsPastItsLastFlush() throws Exception {
        String table = "stream_kill_" + shortId();
        int rows = 1500;
        createTable(table);
        Path state = Files.createTempDirectory("state");
        Path offsets = state.resolve("standalone").resolve(table + "-source.offsets");
        Path source = write("source.properties", String.join("\n", "name=" + table + "-source",
                "connector.class=com.kinetica.kafka.KineticaSourceConnector", "tasks.max=1",
                "kinetica.url=" + parts.kinetica().url(), "kinetica.table_names=" + table));
        try (StreamedRows stream = new StreamedRows(parts.gpudb(), table, TYPE, rows, 10)) {
            try (StreamWorker first = StreamWorker.standalone(parts.kafka().bootstrapServers(), state, source)) {
                await(() -> topicSize(table) >= 300, "300 rows on " + table, first);
                first.kill();
            }
            long committed = committedIncrementing(offsets);
            List<Long> atKill = read(table, -1);
            long lastAtKill = atKill.get(atKill.size() - 1);
            assertEquals(LongStream.rangeClosed(1, lastAtKill).boxed().toList(), atKill,
                    "the rows on the topic at the kill: each once, in order, none left out");
            try (StreamWorker second = StreamWorker.standalone(parts.kafka().bootstrapServers(), state, source)) {
                stream.awaitEnd();
                List<Long> ids = read(table, rows);
                assertEquals(rows, new HashSet<>(ids).size(), "every row inserted is on the topic");
                Set<Long> seen = new HashSet<>();
                List<Long> twice = ids.stream().filter(id -> !seen.add(id)).toList();
                assertEquals(LongStream.rangeClosed(committed + 1, lastAtKill).boxed().toList(), twice,
                        "rows sent twice: those past the offset last flushed, up to the last on the topic at the kill");
                System.out.printf("standalone, table monitor on, kill -9 with %d of %d streamed rows on the topic, offset "
                        + "flushed up to id %d: %d records, %d distinct, %d sent twice%n", atKill.size(), rows, committed,
                        ids.size(), new HashSet<>(ids).size(), ids.size() - rows);
            }
        }
    }

    /**
     * Two distributed workers with exactly-once source support; rows stream in while the worker
     * running the task is killed with -9, then a third worker joins and the group rebalances:
     * a read_committed consumer sees every row exactly once.
     */
    @Test
    void exactlyOnceHoldsWhileRowsStreamInThroughAKillAndARebalance() throws Exception {
        String table = "stream_eos_" + shortId();
        int rows = 2000;
        createTable(table);
        String group = "eos-" + shortId();
        try (StreamWorker a = StreamWorker.distributed(parts.kafka().bootstrapServers(), group, "exactly.once.source.support=enabled");
             StreamWorker b = StreamWorker.distributed(parts.kafka().bootstrapServers(), group, "exactly.once.source.support=enabled");
             StreamedRows stream = new StreamedRows(parts.gpudb(), table, TYPE, rows, 10)) {
            createConnector(a, table, ",\"exactly.once.support\":\"required\"");
            await(() -> topicSize(table) >= 300, "300 rows on " + table, a);
            StreamWorker victim = a.runsTaskOf(table) ? a : b;
            victim.kill();
            int atKill = read(table, -1).size();
            try (StreamWorker c = StreamWorker.distributed(parts.kafka().bootstrapServers(), group, "exactly.once.source.support=enabled")) {
                await(() -> topicSize(table) >= atKill + 300, "rows after the kill on " + table, c);
                stream.awaitEnd();
                List<Long> ids = read(table, rows);
                assertEquals(rows, new HashSet<>(ids).size(), "every row inserted is on the topic");
                assertEquals(rows, ids.size(), "none twice");
                System.out.printf("distributed, exactly-once, table monitor on: kill -9 with %d of %d rows committed, "
                        + "then a worker joined: %d records, %d distinct%n", atKill, rows, ids.size(), new HashSet<>(ids).size());
            }
        }
    }

    /**
     * Two distributed workers without exactly-once, offsets committed every second: rows stream in
     * while a third worker joins and then the one running the task stops: every row is on the
     * topic, and the test prints how many came twice.
     */
    @Test
    void atLeastOnceHoldsWhileRowsStreamInThroughRebalances() throws Exception {
        String table = "stream_rebalance_" + shortId();
        int rows = 2000;
        createTable(table);
        String group = "alo-" + shortId();
        try (StreamWorker a = StreamWorker.distributed(parts.kafka().bootstrapServers(), group);
             StreamWorker b = StreamWorker.distributed(parts.kafka().bootstrapServers(), group);
             StreamedRows stream = new StreamedRows(parts.gpudb(), table, TYPE, rows, 10)) {
            createConnector(a, table, "");
            await(() -> topicSize(table) >= 300, "300 rows on " + table, a);
            try (StreamWorker c = StreamWorker.distributed(parts.kafka().bootstrapServers(), group)) {
                long joined = topicSize(table);
                await(() -> topicSize(table) >= joined + 300, "rows after the join on " + table, c);
                StreamWorker running = a.runsTaskOf(table) ? a : b.runsTaskOf(table) ? b : c;
                running.close();
                long stopped = topicSize(table);
                await(() -> topicSize(table) >= stopped + 300, "rows after the stop on " + table, a == running ? b : a);
                stream.awaitEnd();
                List<Long> ids = read(table, rows);
                assertEquals(rows, new HashSet<>(ids).size(), "every row inserted is on the topic");
                System.out.printf("distributed, at least once, table monitor on: a worker joined, the task's worker "
                        + "stopped: %d records, %d distinct, %d sent twice%n", ids.size(), new HashSet<>(ids).size(),
                        ids.size() - rows);
            }
        }
    }

    static void createConnector(StreamWorker worker, String table, String more) {
        String connector = "{\"name\":\"" + table + "\",\"config\":{"
                + "\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":\"1\","
                + "\"kinetica.url\":\"" + parts.kinetica().url() + "\",\"kinetica.table_names\":\"" + table + "\"" + more + "}}";
        await(() -> post(worker.restUrl + "/connectors", connector) == 201, "the connector created", worker);
    }

    static void createTable(String table) throws GPUdbException {
        parts.gpudb().createTable(table, TYPE.create(parts.gpudb()), GPUdbBase.options());
    }

    private static long idOf(String value) {
        try {
            return JSON.readTree(value).path("payload").path("id").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ids on {@code topic} from its start, read committed, once {@code count} distinct came; with -1, what is there now. */
    static List<Long> read(String topic, long count) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            Await.until("reading " + topic, Duration.ofSeconds(120), () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(idOf(r.value()));
                }
                return count >= 0 ? new HashSet<>(ids).size() >= count : consumer.position(partition) >= end;
            }, () -> ": " + new HashSet<>(ids).size() + " distinct");
            // and what follows: a repeated row would show here
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(1500))) {
                ids.add(JSON.readTree(r.value()).path("payload").path("id").asLong());
            }
        }
        return ids;
    }

    static long topicSize(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", parts.kafka().bootstrapServers(), "group.id", "t-" + shortId(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()));
    }

    /**
     * The incrementing offset a standalone worker flushed to its offsets file (Connect's format); 0
     * for none. Connect rewrites the file in place, so a kill can leave it empty or cut short, which
     * Connect then reads as no offsets at all (FileOffsetBackingStore.load ignores an EOFException).
     */
    static long committedIncrementing(Path offsetsFile) throws Exception {
        if (!Files.exists(offsetsFile)) {
            return 0;
        }
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(offsetsFile))) {
            long committed = 0;
            for (Object value : ((Map<?, ?>) in.readObject()).values()) {
                committed = JSON.readTree((byte[]) value).path("incrementing").asLong(0);
            }
            return committed;
        } catch (EOFException e) {
            System.out.println("the kill cut the offsets file short: the next worker starts with no offsets");
            return 0;
        }
    }

    static int post(String url, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1; // not up yet
        }
    }

    static void await(java.util.function.BooleanSupplier condition, String what, StreamWorker worker) {
        Await.until(what, Duration.ofSeconds(120), condition, () -> "; worker output:\n" + worker.output());
    }

    static Path write(String name, String content) throws Exception {
        Path p = Files.createTempDirectory("kconnect-stream").resolve(name);
        Files.writeString(p, content + "\n");
        return p;
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

package dev.kconnect.runtime.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.VirtualMachine;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.KafkaAndKinetica;
import dev.kconnect.testkit.NewTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The heap a sink task's buffered record costs on a real worker (a benchmark, not in the default
 * build: {@code mvn -pl cli -am verify -DskipITs -Dtest=BufferedHeapBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}). A standalone worker in a JVM of its own runs one
 * Kinetica sink; with Kinetica down it takes N records of JSON with schema and holds them (they
 * linger for an hour, so no write is tried). Its live heap (jcmd's class histogram, after a full
 * GC) less the same worker's holding none, over N, is printed with the classes that grew.
 *
 * <p>The last record is written once the others are taken, so that the consumer keeps no fetch
 * response of theirs: it keeps the last one it took, consumed or not, until records come again,
 * and while a failed write is retried Connect pauses the partition, so it keeps it then (at most
 * max.partition.fetch.bytes of a partition, 1 MB by default). A cost of the consumer, not of each
 * record held, left out here.
 *
 * <p>{@code -Dbench.records=N} (3,000), {@code -Dbench.text=CHARS} (750: the free-text field, which
 * makes records of about 1.2 KB), {@code -Dbench.plugins=DIR} (the worker's plugin.path, a
 * directory holding the plugin's directory: measures another build; default this build's),
 * {@code -Dbench.dump=DIR} (also writes heap dumps of both states there, before.hprof and after.hprof).
 */
class BufferedHeapBenchmark {
    static final String TOPIC = "held";

    @Test
    void heapPerBufferedRecord() throws Exception {
        int n = Integer.getInteger("bench.records", 3_000);
        int textChars = Integer.getInteger("bench.text", 750);
        String plugins = System.getProperty("bench.plugins", "");
        try (KafkaAndKinetica parts = KafkaAndKinetica.start()) {
            NewTopics.create(parts.kafka().bootstrapServers(), List.of(new NewTopic(TOPIC, 1, (short) 1)));
            Random random = new Random(11);
            // a first record makes the table, so that taking the others needs no Kinetica
            parts.producer().send(new ProducerRecord<>(TOPIC, null, record(0, random, textChars))).get();
            Path dir = Files.createTempDirectory("buffered-heap");
            int port = Ports.free();
            Process worker = KConnectJvm.start(dir, List.of("-Xmx1g"), workerArgs(dir, parts, port, n, plugins),
                    plugins.isBlank() ? PipelinesTest.PLUGINS : Path.of(plugins).toAbsolutePath());
            try {
                Await.until("the task RUNNING", Duration.ofSeconds(60), () -> tasksIn(port, "RUNNING"),
                        () -> "; worker log:\n" + WorkerMemoryTest.tail(KConnectJvm.log(dir)));
                try (TaskMetrics metrics = TaskMetrics.of(worker.pid())) { // its JMX agent is in both measurements
                    Await.until("the first record taken", Duration.ofSeconds(60),
                            () -> metrics.sent() == 1 && parts.kinetica().hasTable(TOPIC),
                            () -> "; worker log:\n" + WorkerMemoryTest.tail(KConnectJvm.log(dir)));
                    // the baseline: the same worker, paused, Kinetica down, holding nothing more
                    rest(port, "PUT", "/connectors/bench/pause");
                    Await.until("the task PAUSED", Duration.ofSeconds(30), () -> tasksIn(port, "PAUSED"));
                    parts.kinetica().faults().down();
                    long usedBefore = HeapHistogram.usedAfterGc(worker.pid());
                    HeapHistogram before = HeapHistogram.of(worker.pid());
                    HeapHistogram.dumpIfAsked(worker.pid(), "before");

                    long jsonBytes = produce(parts, 1, n - 1, random, textChars);
                    rest(port, "PUT", "/connectors/bench/resume");
                    awaitTaken(metrics, n, dir);
                    jsonBytes += produce(parts, n, n, random, textChars);
                    awaitTaken(metrics, 1 + n, dir);
                    Thread.sleep(1_000); // then no more comes: each record taken once
                    assertEquals(1 + n, metrics.sent(), "every record taken once");
                    long usedAfter = HeapHistogram.usedAfterGc(worker.pid());
                    HeapHistogram after = HeapHistogram.of(worker.pid());
                    HeapHistogram.dumpIfAsked(worker.pid(), "after");
                    assertTrue(tasksIn(port, "RUNNING"), rest(port, "GET", "/connectors/bench/status"));
                    // pausing hands the task an empty put, which may write the first record, before the baseline
                    assertTrue(parts.kinetica().rowCount(TOPIC) <= 1, "none of the N written");
                    System.out.printf("%nheap per buffered record (plugins: %s)%n", plugins.isBlank() ? "this build" : plugins);
                    print(n, jsonBytes, (long) n * (VALUE_BYTES_BESIDE_TEXT + textChars), before, after, usedAfter - usedBefore);
                }
            } finally {
                parts.kinetica().faults().reset();
                worker.destroy();
                worker.waitFor();
            }
        }
    }

    /** Waits until puts that returned have taken {@code sent} records, the first one included. */
    private static void awaitTaken(TaskMetrics metrics, int sent, Path dir) {
        Await.until(sent + " records taken in puts that returned", Duration.ofSeconds(60), () -> metrics.sent() >= sent,
                () -> "; taken " + metrics.sent() + "; worker log:\n" + WorkerMemoryTest.tail(KConnectJvm.log(dir)));
    }

    /** Writes records {@code from} to {@code to}, each acknowledged; returns their bytes of JSON. */
    private static long produce(KafkaAndKinetica parts, int from, int to, Random random, int textChars) throws Exception {
        long jsonBytes = 0;
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String json = record(i, random, textChars);
            jsonBytes += json.getBytes(StandardCharsets.UTF_8).length;
            sent.add(parts.producer().send(new ProducerRecord<>(TOPIC, null, json)));
        }
        for (Future<RecordMetadata> f : sent) {
            f.get();
        }
        return jsonBytes;
    }

    private static List<String> workerArgs(Path dir, KafkaAndKinetica parts, int port, int n, String plugins)
            throws Exception {
        Map<String, String> sink = new LinkedHashMap<>();
        sink.put("name", "bench");
        sink.put("connector.class", "com.kinetica.kafka.KineticaSinkConnector");
        sink.put("tasks.max", "1");
        sink.put("topics", TOPIC);
        sink.put("kinetica.url", parts.kinetica().url());
        sink.put("kinetica.tables.single_table_per_topic", "true");
        // nothing written: no full batch, no cap, an hour's linger (and Kinetica down), never giving up
        sink.put("kinetica.batch_size", String.valueOf(Math.max(10_000, 2 * n)));
        sink.put("kinetica.linger_ms", "3600000");
        sink.put("kinetica.max_buffered_records", String.valueOf(Math.max(50_000, 2 * n)));
        sink.put("kinetica.max_buffered_bytes", String.valueOf(1L << 30));
        sink.put("kinetica.retry_timeout_ms", "3600000");
        Path file = Files.writeString(dir.resolve("sink.properties"), sink.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
        List<String> args = new ArrayList<>(List.of("standalone", file.toString(),
                "-D", "bootstrap.servers=" + parts.kafka().bootstrapServers(),
                "-D", "listeners=http://127.0.0.1:" + port,
                "-D", "offset.flush.interval.ms=3600000",
                // one record a put: a put smaller than half the largest would start writing in the background
                "-D", "consumer.max.poll.records=1"));
        if (!plugins.isBlank()) {
            args.addAll(List.of("-D", "plugin.discovery=hybrid_warn")); // another build may declare no services
        }
        return args;
    }

    /** Bytes of a record's values other than its text, as the caps count them: 8 for each number and boolean. */
    static final int VALUE_BYTES_BESIDE_TEXT = 8 + 10 + 16 + 8 + 8 + 8 + 8;

    /** A reading of JSON with schema: an id, a sensor and a site, a time, two figures, a flag and a note of {@code textChars}. */
    static String record(long id, Random random, int textChars) {
        return "{\"schema\":{\"type\":\"struct\",\"name\":\"reading\",\"fields\":["
                + "{\"field\":\"id\",\"type\":\"int64\"},{\"field\":\"sensor\",\"type\":\"string\"},"
                + "{\"field\":\"site\",\"type\":\"string\"},{\"field\":\"ts\",\"type\":\"int64\"},"
                + "{\"field\":\"temperature\",\"type\":\"double\"},{\"field\":\"humidity\",\"type\":\"double\"},"
                + "{\"field\":\"ok\",\"type\":\"boolean\"},{\"field\":\"note\",\"type\":\"string\"}]},"
                + "\"payload\":{\"id\":" + id + ",\"sensor\":\"" + String.format("sensor-%03d", id % 1000)
                + "\",\"site\":\"" + letters(random, 16) + "\",\"ts\":" + (1_765_000_000_000L + id)
                + ",\"temperature\":" + (random.nextInt(4000) / 100.0) + ",\"humidity\":" + (random.nextInt(10000) / 100.0)
                + ",\"ok\":" + random.nextBoolean() + ",\"note\":\"" + letters(random, textChars) + "\"}}";
    }

    private static String letters(Random random, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(text);
    }

    private static void print(int n, long jsonBytes, long valueBytes, HeapHistogram before, HeapHistogram after,
                              long usedGrowth) {
        long live = after.bytes() - before.bytes();
        System.out.printf("  %,d records of %,d bytes of JSON with schema (average), %,d bytes of values as the caps count%n",
                n, jsonBytes / n, valueBytes / n);
        System.out.printf("  live objects: %,d bytes more, %,d a record (%.2f x the JSON, %.2f x the values)%n",
                live, live / n, (double) live / jsonBytes, (double) live / valueBytes);
        System.out.printf("  heap used after a full GC (GC.heap_info): %,d bytes more, %,d a record%n", usedGrowth, usedGrowth / n);
        System.out.printf("  %-62s %12s %10s %12s%n", "what grew", "bytes", "objects", "bytes/record");
        for (HeapHistogram.Change c : after.grownSince(before, 16)) {
            System.out.printf("  %-62s %,12d %,10d %12.1f  (%.2f a record)%n", c.type(), c.bytes(), c.instances(),
                    (double) c.bytes() / n, (double) c.instances() / n);
        }
    }

    private static boolean tasksIn(int port, String state) {
        try {
            return state.equals(new ObjectMapper().readTree(rest(port, "GET", "/connectors/bench/status"))
                    .path("tasks").path(0).path("state").asText());
        } catch (Exception e) {
            return false; // not up yet
        }
    }

    private static String rest(int port, String method, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "(no answer: " + e + ")";
        }
    }

    /**
     * The worker's Connect metrics, read over JMX from its local agent: {@code sink-record-send-total}
     * counts records in puts that returned, whichever build of the connector it runs.
     */
    private record TaskMetrics(JMXConnector jmx, MBeanServerConnection server, ObjectName task) implements AutoCloseable {
        static TaskMetrics of(long pid) throws Exception {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return new TaskMetrics(jmx, jmx.getMBeanServerConnection(),
                    new ObjectName("kafka.connect:type=sink-task-metrics,connector=bench,task=0"));
        }

        long sent() {
            try {
                return ((Number) server.getAttribute(task, "sink-record-send-total")).longValue();
            } catch (Exception e) {
                return -1;
            }
        }

        @Override
        public void close() throws Exception {
            jmx.close();
        }
    }
}

package com.kinetica.kafka.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.ConnectWorker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Not a test: how long a row takes from its insert into Kinetica to Kafka, through the source
 * connector in a real Connect worker (in this JVM) and a real KRaft broker, against the emulator.
 * A table {@code (id long primary key, ts long)} gets {@code rows} rows, one per insert call,
 * {@code rate} a second, ts = the inserting clock just before the call; the connector runs with its
 * defaults (incrementing mode on id, poll interval 1 s), once with table monitors off (polling alone,
 * as before issue #33) and once on (the default). Latency = the Kafka record's timestamp (set by
 * Connect's producer when the task hands the record over) - ts. Prints p50, p99 and max of each.
 * How to run it, and its numbers: connector/BENCHMARKS.md.
 */
public final class SourceLatencyBenchmark {
    static final Type TABLE = new Type("latency_rows",
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("ts", Long.class));
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (KineticaEmulator emulator = KineticaEmulator.builder().port(0).start();
             EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
             ConnectWorker worker = ConnectWorker.distributed(kafka.bootstrapServers(), "latency").start()) {
            GPUdb db = emulator.client();
            for (String monitor : List.of("false", "true")) {
                String table = "latency_" + ("true".equals(monitor) ? "push" : "poll");
                db.createTable(table, TABLE.create(db), Map.of());
                String name = "latency-" + table;
                post(worker.url() + "/connectors", "{\"name\":\"" + name + "\",\"config\":{"
                        + "\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":\"1\","
                        + "\"kinetica.url\":\"" + emulator.url() + "\",\"kinetica.table_names\":\"" + table + "\","
                        + "\"kinetica.source.table_monitor\":\"" + monitor + "\"}}");
                Await.until("the task of " + name + " to run", Duration.ofSeconds(60),
                        () -> get(worker.url() + "/connectors/" + name + "/status").contains("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\""));
                if ("true".equals(monitor)) {
                    Await.until("the table monitor", Duration.ofSeconds(60), () -> !emulator.tableMonitorIds().isEmpty());
                }
                Thread.sleep(2000);   // the task has read the empty table and waits
                List<Long> latencies = measure(db, kafka, table, rate, rows);
                System.out.printf("table monitor %-5s: %d rows at %d/s: p50 %d ms, p99 %d ms, max %d ms%n",
                        monitor, rows, rate, percentile(latencies, 50), percentile(latencies, 99),
                        latencies.get(latencies.size() - 1));
            }
        }
    }

    static List<Long> measure(GPUdb db, EmbeddedKafka kafka, String table, int rate, int rows) throws Exception {
        long pauseNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int id = 1; id <= rows; id++) {
            long due = start + (id - 1) * pauseNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            GenericRecord row = new GenericRecord(TABLE);
            row.put("id", (long) id);
            row.put("ts", System.currentTimeMillis());
            db.insertRecords(table, List.of(row), Map.of());
        }
        List<Long> latencies = new ArrayList<>(rows);
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition(table, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (latencies.size() < rows && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    long ts = JSON.readTree(record.value()).get("payload").get("ts").asLong();
                    latencies.add(record.timestamp() - ts);
                }
            }
        }
        if (latencies.size() != rows) {
            throw new IllegalStateException(latencies.size() + " of " + rows + " rows reached Kafka");
        }
        Collections.sort(latencies);
        return latencies;
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void post(String url, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + ": " + response.statusCode() + " " + response.body());
        }
    }

    static String get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.toString();
        }
    }
}

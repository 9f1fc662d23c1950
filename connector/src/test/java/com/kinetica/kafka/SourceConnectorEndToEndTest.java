package com.kinetica.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gpudb.GPUdb;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.ConnectWorker;
import dev.kconnect.testkit.KineticaUnderTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static com.kinetica.kafka.EventsTable.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The source through a real KRaft broker and a real distributed Connect worker, driven by the
 * REST calls of the user guide: rows inserted into the Kinetica under test show up on the topic,
 * including rows inserted while the connector was stopped, and a reconfiguration spreads more
 * tables over more tasks, each table resuming where it was.
 */
@Tag("kinetica")
class SourceConnectorEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String NAME = "kinetica-source-connector";

    static KineticaUnderTest kinetica;
    static GPUdb db;
    static EmbeddedKafka kafka;
    static ConnectWorker worker;
    static String rest;

    @BeforeAll
    static void start() throws Exception {
        kinetica = KineticaUnderTest.start();
        db = kinetica.gpudb();
        kafka = EmbeddedKafka.startTemporary();
        worker = ConnectWorker.distributed(kafka.bootstrapServers(), "source-e2e").start();
        rest = worker.url();
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (kinetica != null) {
            kinetica.close();
        }
    }

    @Test
    void theGuidesConnectorStreamsRowsAndResumesAfterStopAndReconfiguration() throws Exception {
        // the guide's tables, in the schema of the test; each one's topic is its name
        String table = kinetica.table("KafkaConnectorTest");
        String table2 = kinetica.table("KafkaConnectorTest2");
        EventsTable.create(db, table);
        EventsTable.insert(db, table, 1, 10, id -> 1000 + id);

        String create = "{\"name\":\"" + NAME + "\", \"config\": {\"name\":\"" + NAME + "\","
                + "\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":\"3\","
                + connection() + ",\"kinetica.table_names\":\"" + table + "\"}}";
        assertEquals(201, send("POST", "/connectors", create).statusCode());
        awaitTasks(1, "RUNNING");

        JsonNode tasks = JSON.readTree(send("GET", "/connectors/" + NAME + "/tasks", null).body());
        assertEquals(1, tasks.size());
        Set<String> keys = new TreeSet<>();
        tasks.get(0).get("config").fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(List.of("kinetica.timeout", "kinetica.password", "task.class", "kinetica.url",
                "kinetica.kafka_schema_version", "kinetica.table_names", "kinetica.topic_prefix", "kinetica.username")), keys);
        assertEquals(table, tasks.get(0).get("config").get("kinetica.table_names").asText());

        assertEquals(range(1, 10), awaitIds(table, 10));

        assertEquals(2, send("PUT", "/connectors/" + NAME + "/stop", null).statusCode() / 100);
        await(() -> state().get("connector").get("state").asText().equals("STOPPED"), "the connector to stop");
        EventsTable.insert(db, table, 11, 15, id -> 1000 + id);
        assertEquals(2, send("PUT", "/connectors/" + NAME + "/resume", null).statusCode() / 100);
        assertEquals(range(1, 15), awaitIds(table, 15));

        // the guide's reconfiguration: a second table and more tasks
        EventsTable.create(db, table2);
        EventsTable.insert(db, table2, 1, 4, id -> 1000 + id);
        String put = "{\"name\":\"" + NAME + "\",\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\","
                + "\"tasks.max\":\"10\"," + connection() + ","
                + "\"kinetica.table_names\":\"" + table + "," + table2 + "\"}";
        assertEquals(200, send("PUT", "/connectors/" + NAME + "/config", put).statusCode());
        awaitTasks(2, "RUNNING");
        EventsTable.insert(db, table, 16, 17, id -> 1000 + id);
        assertEquals(range(1, 4), awaitIds(table2, 4));
        assertEquals(range(1, 17), awaitIds(table, 17));
        JsonNode split = JSON.readTree(send("GET", "/connectors/" + NAME + "/tasks", null).body());
        assertEquals(List.of(table, table2),
                List.of(split.get(0).get("config").get("kinetica.table_names").asText(),
                        split.get(1).get("config").get("kinetica.table_names").asText()));
    }

    @Test
    void aMissingTableShowsInTheTaskStatus() throws Exception {
        String name = "missing-table";
        String missing = kinetica.table("NoSuchTable");
        String create = "{\"name\":\"" + name + "\", \"config\": {"
                + "\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":\"1\","
                + connection() + ",\"kinetica.table_names\":\"" + missing + "\"}}";
        assertEquals(201, send("POST", "/connectors", create).statusCode());
        await(() -> {
            JsonNode tasks = status(name).get("tasks");
            return tasks.size() == 1 && tasks.get(0).get("state").asText().equals("FAILED");
        }, "the task to fail");
        String trace = status(name).get("tasks").get(0).get("trace").asText();
        assertEquals(true, trace.contains("Table '" + missing + "' does not exist in Kinetica at " + kinetica.url()
                + ": create it, or remove it from kinetica.table_names"), trace);
        send("DELETE", "/connectors/" + name, null);
    }

    @Test
    @Tag("emulator-only")
    void refusedCredentialsShowInTheTaskStatusAtOnce() throws Exception {
        try (KineticaEmulator secured = KineticaEmulator.builder().port(0).credentials("alice", "right").start()) {
            String firstLine = failedTaskFirstLine("refused", "\"kinetica.url\":\"" + secured.url() + "\","
                    + "\"kinetica.username\":\"alice\",\"kinetica.password\":\"wrong-secret\","
                    + "\"kinetica.table_names\":\"KafkaConnectorTest\"");
            assertEquals("org.apache.kafka.connect.errors.ConnectException: Kinetica at " + secured.url()
                    + " refused user 'alice': check kinetica.username and kinetica.password", firstLine);
        }
    }

    @Test
    void anUnreachableKineticaFailsTheTaskOnceTheRetriesRunOut() throws Exception {
        String firstLine = failedTaskFirstLine("unreachable", "\"kinetica.url\":\"http://127.0.0.1:1\","
                + "\"kinetica.table_names\":\"KafkaConnectorTest\",\"kinetica.source.max_retries\":\"2\","
                + "\"kinetica.source.retry_backoff_ms\":\"10\"");
        assertEquals(true, firstLine.startsWith("org.apache.kafka.connect.errors.ConnectException: Reading Kinetica at "
                + "http://127.0.0.1:1 failed 3 times in a row (kinetica.source.max_retries=2), giving up: Kinetica at "
                + "http://127.0.0.1:1 did not answer"), firstLine);
    }

    /** Creates a one-task connector with {@code settings}, waits for its task to fail, deletes it. */
    static String failedTaskFirstLine(String name, String settings) throws Exception {
        String create = "{\"name\":\"" + name + "\", \"config\": {"
                + "\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":\"1\"," + settings + "}}";
        assertEquals(201, send("POST", "/connectors", create).statusCode());
        await(() -> {
            JsonNode tasks = status(name).get("tasks");
            return tasks.size() == 1 && tasks.get(0).get("state").asText().equals("FAILED");
        }, "the task of " + name + " to fail");
        String trace = status(name).get("tasks").get(0).get("trace").asText();
        send("DELETE", "/connectors/" + name, null);
        return trace.lines().findFirst().orElse("");
    }

    @Test
    void validateRejectsSinkOptions() throws Exception {
        String body = "{\"name\":\"v\",\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\","
                + connection() + ",\"kinetica.table_names\":\"t\",\"kinetica.batch_size\":\"5\"}";
        JsonNode result = JSON.readTree(send("PUT", "/connector-plugins/KineticaSourceConnector/config/validate", body).body());
        assertEquals(1, result.get("error_count").asInt());
        for (JsonNode config : result.get("configs")) {
            if (config.get("value").get("name").asText().equals("kinetica.batch_size")) {
                assertEquals(1, config.get("value").get("errors").size());
                return;
            }
        }
        fail("no entry for kinetica.batch_size in " + result);
    }

    /** The connection settings of the Kinetica under test, as the members of a JSON object. */
    static String connection() throws Exception {
        String object = JSON.writeValueAsString(kinetica.connection());
        return object.substring(1, object.length() - 1);
    }

    static List<Long> awaitIds(String topic, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            await(() -> !consumer.partitionsFor(topic).isEmpty(), "topic " + topic);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Await.poll(Duration.ofSeconds(60), () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(idOf(record.value()));
                }
                return ids.size();
            }, n -> n >= count);
            // and nothing more: a repeated row would show here
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(1500))) {
                ids.add(JSON.readTree(record.value()).get("payload").get("id").asLong());
            }
        }
        return ids;
    }

    private static long idOf(String value) {
        try {
            return JSON.readTree(value).get("payload").get("id").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void awaitTasks(int count, String state) throws Exception {
        await(() -> {
            JsonNode tasks = state().get("tasks");
            if (tasks.size() != count) {
                return false;
            }
            for (JsonNode task : tasks) {
                if (!task.get("state").asText().equals(state)) {
                    return false;
                }
            }
            return true;
        }, count + " tasks " + state);
    }

    static JsonNode state() {
        return status(NAME);
    }

    static JsonNode status(String name) {
        try {
            HttpResponse<String> response = send("GET", "/connectors/" + name + "/status", null);
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.readTree("{\"tasks\":[],\"connector\":{\"state\":\"\"}}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(Supplier<Boolean> condition, String what) {
        Await.until(what, Duration.ofSeconds(60), condition::get, () -> "; status: " + state());
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rest + path))
                .header("Accept", "application/json").header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

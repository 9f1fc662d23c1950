package dev.kconnect.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kconnect.cli.KConnect;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.NewTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kconnect.compat.CompatibilityMatrixTest.JSON;
import static dev.kconnect.compat.CompatibilityMatrixTest.SINK;
import static dev.kconnect.compat.CompatibilityMatrixTest.VALUE_SCHEMA;
import static dev.kconnect.compat.CompatibilityMatrixTest.parts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations commands of #32 on one release: heal restarts a sink task that fails on a bad record
 * exactly --max-restarts times and gives up (the worker's log counts the task's starts), dlq reads
 * Connect's headers and replay writes the record back, create --state/--offsets (3.7+),
 * --plugin-version (4.1+) and patch (PATCH on 3.8+, read-merge-PUT before) work or refuse in one line.
 */
final class OperationsCheck {
    private final CompatibilityMatrixTest.Check c;
    private final String tag;

    OperationsCheck(CompatibilityMatrixTest.Check check) {
        this.c = check;
        this.tag = check.release.tag();
    }

    void all() throws Exception {
        healAndDeadLetters();
        createInAStateAndFromOffsets();
        pluginVersion();
        patch();
    }

    /** Two sinks on a topic holding one record the JsonConverter cannot read: one fails on it, one sends it to its queue. */
    void healAndDeadLetters() throws Exception {
        String topic = tag + "_bad";
        NewTopics.create(parts.kafka().bootstrapServers(), List.of(new NewTopic(topic, 1, (short) 1),
                new NewTopic(topic + "_retry", 1, (short) 1)));
        parts.producer().send(new ProducerRecord<>(topic, null, order(0)));
        parts.producer().send(new ProducerRecord<>(topic, null, "not json"));
        parts.producer().flush();
        String failing = tag + "-failing";
        c.ok("create", "--file", write("failing.json", sink(failing, topic, Map.of())).toString());
        Await.until(failing + " task FAILED", Duration.ofSeconds(90),
                () -> "FAILED".equals(status(failing).path("tasks").path(0).path("state").asText()));

        Background heal = new Background("heal", failing, "--interval", "200ms", "--backoff", "500ms", "--max-restarts", "2");
        Await.until(release() + ": heal gives up", Duration.ofSeconds(90), () -> heal.out().contains(" give-up "),
                () -> "; output: " + heal.out());
        CliRunner.Result r = heal.stop();
        assertEquals(130, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.toString());
        assertTrue(lines.get(0).contains(" restart task " + failing + "/0 attempt 1/2: "), r.toString());
        assertTrue(lines.get(1).contains(" restart task " + failing + "/0 attempt 2/2: "), r.toString());
        assertTrue(lines.get(2).contains(" give-up task " + failing + "/0 gave up after 2 restarts"), r.toString());
        String log = Files.readString(c.dir.resolve("worker.log"));
        assertEquals(3, log.split("Creating task " + failing + "-0", -1).length - 1, "the first start and two restarts");
        c.ok("delete", failing);

        String withQueue = tag + "-dlq";
        c.ok("create", "--file", write("dlq.json", sink(withQueue, topic, Map.of("errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", topic + "_dlq", "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true"))).toString());
        String bootstrap = parts.kafka().bootstrapServers();
        JsonNode dlq = Await.value(release() + ": one record in the dead-letter queue", Duration.ofSeconds(90),
                () -> json(c.cli.run("dlq", withQueue, "--bootstrap-server", bootstrap, "-o", "json")),
                d -> d.path("total").asInt() == 1);
        JsonNode record = dlq.path("records").path(0);
        assertEquals(List.of(topic, "1", "VALUE_CONVERTER", "org.apache.kafka.connect.json.JsonConverter",
                "org.apache.kafka.connect.errors.DataException", "not json"), List.of(record.path("topic").asText(),
                record.path("offset").asText(), record.path("stage").asText(), record.path("class").asText(),
                record.path("exception").asText(), record.path("value").asText()), dlq.toString());
        CliRunner.Result replay = c.ok("dlq", "replay", withQueue, "--bootstrap-server", bootstrap, "--to", topic + "_retry");
        assertEquals("replayed 1 of 1 chosen record(s) (1 read) from '" + topic + "_dlq', 1 to " + topic + "_retry\n",
                replay.out());
        assertEquals(1, CompatibilityMatrixTest.topicSize(topic + "_retry"));
        c.ok("delete", withQueue);
    }

    /** KIP-980 came with 3.7: before it, neither a state nor offsets at creation, and nothing is created. */
    void createInAStateAndFromOffsets() throws Exception {
        String topic = tag + "_offsets";
        NewTopics.create(parts.kafka().bootstrapServers(), List.of(new NewTopic(topic, 1, (short) 1)));
        for (int i = 0; i < 60; i++) {
            parts.producer().send(new ProducerRecord<>(topic, null, order(i)));
        }
        parts.producer().flush();
        String stopped = tag + "-born-stopped";
        Path stoppedFile = write("born-stopped.json", sink(stopped, topic, Map.of()));
        Path offsets = c.dir.resolve("offsets.json");
        Files.writeString(offsets, "{\"offsets\": [{\"partition\": {\"kafka_topic\": \"" + topic
                + "\", \"kafka_partition\": 0}, \"offset\": {\"kafka_offset\": 40}}]}");
        String fromOffsets = tag + "-from-offsets";
        Path offsetsFile = write("from-offsets.json", sink(fromOffsets, topic, Map.of()));
        if (!c.release.atLeast(3, 7)) {
            c.refused(c.cli.run("create", "--file", stoppedFile.toString(), "--state", "stopped"), "create --state", "3.7");
            c.refused(c.cli.run("create", "--file", offsetsFile.toString(), "--offsets", offsets.toString()),
                    "create --offsets", "3.7");
            c.refused(c.cli.run("apply", "-f", stoppedFile.toString(), "--state", "stopped"), "apply --state", "3.7");
            assertEquals(3, c.cli.run("status", stopped).code(), "nothing created");
            assertEquals(3, c.cli.run("status", fromOffsets).code(), "nothing created");
            return;
        }
        c.ok("create", "--file", stoppedFile.toString(), "--state", "stopped");
        c.awaitState(stopped, "STOPPED");
        c.ok("delete", stopped);
        c.ok("apply", "-f", stoppedFile.toString(), "--state", "paused");
        c.awaitState(stopped, "PAUSED");
        c.ok("delete", stopped);
        c.ok("create", "--file", offsetsFile.toString(), "--offsets", offsets.toString());
        // the sink starts at offset 40 of 60: exactly 20 rows
        Await.until(release() + ": 20 rows from offset 40", Duration.ofSeconds(90),
                () -> parts.kinetica().hasTable(topic) && parts.kinetica().rowCount(topic) >= 20);
        assertEquals(20, parts.kinetica().rowCount(topic));
        c.ok("delete", fromOffsets);
    }

    /** connector.plugin.version came with 4.1 (KIP-891). */
    void pluginVersion() throws Exception {
        String name = tag + "-versioned";
        Path file = write("versioned.json", sink(name, c.topic, Map.of()));
        JsonNode plugins = json(c.ok("plugins", "-o", "json"));
        String version = null;
        for (JsonNode p : plugins) {
            if (SINK.equals(p.path("class").asText())) {
                version = p.path("version").asText();
            }
        }
        if (!c.release.atLeast(4, 1)) {
            c.refused(c.cli.run("create", "--file", file.toString(), "--plugin-version", version), "create --plugin-version", "4.1");
            assertEquals(3, c.cli.run("status", name).code(), "nothing created");
            return;
        }
        c.ok("create", "--file", file.toString(), "--plugin-version", version);
        assertEquals(version, json(c.ok("config", name, "-o", "json")).path("connector.plugin.version").asText());
        c.awaitState(name, "RUNNING");
        c.ok("delete", name);
    }

    /** PATCH …/config came with 3.8; before, the config is read, merged and put back, other keys unchanged. */
    void patch() throws Exception {
        Map<String, String> before = JSON.convertValue(json(c.ok("config", c.sink, "-o", "json")), Map.class);
        CliRunner.Result r = c.ok("patch", c.sink, "kinetica.batch_size=25", "--unset", "kinetica.tables.create_table");
        assertTrue(r.out().endsWith(c.release.atLeast(3, 8) ? "(PATCH …/config)\n"
                : "(read, merged and PUT back: Connect " + c.release.version() + " has no PATCH …/config (3.8))\n"), r.toString());
        Map<String, String> wanted = new LinkedHashMap<>(before);
        wanted.put("kinetica.batch_size", "25");
        wanted.remove("kinetica.tables.create_table");
        Await.until(release() + ": the patched config", Duration.ofSeconds(60),
                () -> wanted.equals(JSON.convertValue(json(c.cli.run("config", c.sink, "-o", "json")), Map.class)));
    }

    private Map<String, Object> sink(String name, String topic, Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>(Map.of(
                "connector.class", SINK,
                "tasks.max", "1",
                "topics", topic,
                "kinetica.url", parts.kinetica().url(),
                "kinetica.tables.create_table", "true",
                "kinetica.tables.single_table_per_topic", "true"));
        config.putAll(extra);
        return Map.of("name", name, "config", config);
    }

    private static String order(int i) {
        return "{\"schema\":" + VALUE_SCHEMA + ",\"payload\":{\"id\":" + i + ",\"item\":\"item-" + i + "\",\"amount\":" + i + ".5}}";
    }

    private Path write(String name, Object json) throws Exception {
        return c.write(name, json);
    }

    private JsonNode status(String name) {
        return json(c.cli.run("status", name, "-o", "json"));
    }

    private String release() {
        return c.release.toString();
    }

    private static JsonNode json(CliRunner.Result r) {
        try {
            return JSON.readTree(r.out());
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }

    /** A command that runs until interrupted (heal), in a thread, its output readable meanwhile. */
    private final class Background {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final AtomicInteger code = new AtomicInteger(Integer.MIN_VALUE);
        private final Thread thread;

        Background(String... args) {
            List<String> all = new java.util.ArrayList<>(List.of(args));
            all.add("--url");
            all.add(c.worker.url());
            thread = new Thread(() -> code.set(KConnect.commandLine().setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true)).execute(all.toArray(String[]::new))), "kconnect-" + args[0]);
            thread.start();
        }

        String out() {
            return out.toString();
        }

        CliRunner.Result stop() throws InterruptedException {
            thread.interrupt();
            thread.join(60_000);
            return new CliRunner.Result(code.get(), out.toString(), err.toString());
        }
    }
}

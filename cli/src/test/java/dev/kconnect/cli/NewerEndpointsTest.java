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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The features of Connect 3.7+ against a real 4.3 worker: create in a state (KIP-980), create from
 * offsets, patch (KIP-477) and plugin versions (KIP-891). Their refusals on older releases are in the
 * compatibility matrix.
 */
@ExtendWith(LiveWorker.class)
class NewerEndpointsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";

    @TempDir
    Path dir;

    /** The worker is shared with the module's other test classes: leave it as found. */
    @org.junit.jupiter.api.AfterAll
    static void deleteConnectorsLeft() {
        for (com.fasterxml.jackson.databind.JsonNode name : Rest.json("/connectors")) {
            Cli.run("delete", name.asText(), "--yes");
        }
    }

    @BeforeEach
    void noConnectorsLeft() {
        for (JsonNode name : Rest.json("/connectors")) {
            assertEquals(0, Cli.run("delete", name.asText(), "--yes").code());
        }
    }

    private static String ticks(String name, String extra) {
        return "{\"name\": \"%s\", \"connector.class\": \"%s\", \"tasks.max\": \"1\", \"topic\": \"%s\"%s}"
                .formatted(name, TICKS, name, extra);
    }

    @Test
    void createdInTheStateAskedFor() {
        Result stopped = Cli.runWithStdin(ticks("born-stopped", ""), "create", "--file", "-", "--state", "stopped");
        assertEquals(0, stopped.code(), stopped::toString);
        assertEquals("created connector 'born-stopped' STOPPED\n", stopped.out());
        JsonNode status = Rest.awaitStatus("born-stopped", s -> "STOPPED".equals(s.path("connector").path("state").asText()));
        assertEquals(0, status.path("tasks").size(), "a stopped connector has no tasks");
        assertEquals(0, Cli.runWithStdin(ticks("born-paused", ""), "create", "--file", "-", "--state", "paused").code());
        // a connector born PAUSED on 4.3 has no tasks until it is resumed
        Rest.awaitStatus("born-paused", s -> "PAUSED".equals(s.path("connector").path("state").asText()));

        Result waiting = Cli.runWithStdin(ticks("never", ""), "create", "--file", "-", "--state", "stopped", "--wait");
        assertEquals(ExitCode.USAGE, waiting.code(), waiting::toString);
        assertEquals("kconnect: --wait waits for RUNNING; leave it out with --state stopped (see: kconnect create --help)\n",
                waiting.err());
        assertFalse(Rest.json("/connectors").toString().contains("\"never\""));
    }

    @Test
    void applyCreatesNewConnectorsInTheStateAskedForAndLeavesOthersAsTheyAre() throws Exception {
        assertEquals(0, Cli.runWithStdin(ticks("apply-old", ""), "create", "--file", "-", "--wait").code());
        Path files = Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(files.resolve("old.json"), ticks("apply-old", ", \"start.delay.ms\": \"1\""));
        Files.writeString(files.resolve("new.json"), ticks("apply-new", ""));
        Result r = Cli.run("apply", "-f", files.toString(), "--state", "stopped");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("connector 'apply-new' created") && r.out().contains("connector 'apply-old' updated"), r::toString);
        Rest.awaitStatus("apply-new", s -> "STOPPED".equals(s.path("connector").path("state").asText()));
        Rest.awaitStatus("apply-old", Rest.all("RUNNING", 1));
    }

    @Test
    void createFromOffsetsStartsWhereTheFileSays() throws Exception {
        NewTopics.create(LiveWorker.bootstrapServers(), List.of(new NewTopic("from-offsets", 1, (short) 1)));
        Path offsets = dir.resolve("offsets.json");
        Files.writeString(offsets, "{\"offsets\": [{\"partition\": {\"source\": \"ticks\"}, \"offset\": {\"n\": 41}}]}");

        Result held = Cli.runWithStdin(ticks("offsets-held", ""), "create", "--file", "-", "--offsets", offsets.toString(),
                "--state", "stopped");
        assertEquals(0, held.code(), held::toString);
        assertEquals("created connector 'offsets-held' STOPPED\n"
                + "The Connect framework-managed offsets for this connector have been altered successfully. However, if "
                + "this connector manages offsets externally, they will need to be manually altered in the system that "
                + "the connector uses.\n"
                + "connector 'offsets-held' stays STOPPED; start it with: kconnect resume offsets-held\n", held.out());
        JsonNode set = Rest.json("/connectors/offsets-held/offsets");
        assertEquals(JSON.readTree(Files.readString(offsets)), set, "the offsets are exactly the file's");

        Result running = Cli.runWithStdin(ticks("from-offsets", ""), "create", "--file", "-", "--offsets", offsets.toString());
        assertEquals(0, running.code(), running::toString);
        assertTrue(running.out().endsWith("resuming connector 'from-offsets'\n"), running::toString);
        Rest.awaitStatus("from-offsets", Rest.all("RUNNING", 1));
        assertEquals(42, firstTick("from-offsets"), "the task went on after the offset of the file");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"offsets\": {}}");
        Result refused = Cli.runWithStdin(ticks("bad-offsets", ""), "create", "--file", "-", "--offsets", bad.toString());
        assertEquals(ExitCode.USAGE, refused.code(), refused::toString);
        assertEquals(1, refused.err().lines().count(), refused::toString);
        assertFalse(Rest.json("/connectors").toString().contains("bad-offsets"), "nothing created");
    }

    @Test
    void patchChangesOnlyTheKeysGivenAndMasksSecrets() {
        assertEquals(0, Cli.runWithStdin(ticks("patched", ", \"secret.password\": \"s3cret\", \"fail.after.ms\": \"-1\""),
                "create", "--file", "-").code());
        Result r = Cli.run("patch", "patched", "tasks.max=2", "auth.phrase=xyzzy", "--unset", "fail.after.ms");
        assertEquals(0, r.code(), r::toString);
        assertEquals("~ connector 'patched'\n"
                + "  + auth.phrase = ********\n"
                + "  - fail.after.ms = -1\n"
                + "  ~ tasks.max: 1 -> 2\n"
                + "patched connector 'patched' (PATCH …/config)\n", r.out());
        JsonNode config = Rest.jsonWhen("/connectors/patched/config", c -> c.path("tasks.max").asText().equals("2"));
        assertEquals("s3cret", config.path("secret.password").asText(), "a key not named stays as it was");
        assertEquals("xyzzy", config.path("auth.phrase").asText());
        assertTrue(config.path("fail.after.ms").isMissingNode());
        assertEquals(Map.of("connector.class", TICKS, "name", "patched", "topic", "patched", "tasks.max", "2",
                "secret.password", "s3cret", "auth.phrase", "xyzzy"), JSON.convertValue(config, Map.class));

        Result dry = Cli.run("patch", "patched", "tasks.max=3", "--dry-run", "-o", "json");
        assertEquals(0, dry.code(), dry::toString);
        assertEquals("{\"connector\":\"patched\",\"changes\":[{\"key\":\"tasks.max\",\"before\":\"2\",\"after\":\"3\"}],"
                + "\"method\":\"PATCH\",\"dry_run\":true}\n", dry.out());
        assertEquals("2", Rest.json("/connectors/patched/config").path("tasks.max").asText());

        Result same = Cli.run("patch", "patched", "tasks.max=2");
        assertEquals("connector 'patched' unchanged\n", same.out(), same::toString);
        Result bad = Cli.run("patch", "patched", "tasks.max");
        assertEquals(ExitCode.USAGE, bad.code(), bad::toString);
        assertEquals(1, bad.err().lines().count(), bad::toString);
        assertEquals(ExitCode.NOT_FOUND, Cli.run("patch", "no-such", "a=b").code());
    }

    @Test
    void pluginVersionIsSetAndShown() {
        Result plugins = Cli.run("plugins", "-o", "json");
        assertTrue(plugins.out().contains("\"version\":\"1.0-test\""), plugins::toString);
        Result r = Cli.runWithStdin(ticks("versioned", ""), "create", "--file", "-", "--plugin-version", "1.0-test", "--wait");
        assertEquals(0, r.code(), r::toString);
        assertEquals("1.0-test", Rest.json("/connectors/versioned/config").path("connector.plugin.version").asText());
        Result missing = Cli.runWithStdin(ticks("versioned-missing", ""), "create", "--file", "-", "--plugin-version", "9.9");
        assertEquals(ExitCode.USAGE, missing.code(), missing::toString);
        assertEquals(1, missing.err().lines().count(), missing::toString);
        assertFalse(Rest.json("/connectors").toString().contains("versioned-missing"), "nothing created");
    }

    private static long firstTick(String topic) throws Exception {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                LiveWorker.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Await.until("a tick on " + topic, Duration.ofSeconds(60), () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
            return JSON.readTree(records.get(0).value()).path("payload").asLong();
        }
    }
}

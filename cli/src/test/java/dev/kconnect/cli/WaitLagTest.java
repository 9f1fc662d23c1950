package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import dev.kconnect.testkit.NewTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sink's lag as time, and {@code kconnect wait NAME --lag 0}: a paused sink 50 records behind, the
 * oldest stamped a minute before it was sent, then resumed.
 */
@ExtendWith(LiveWorker.class)
class WaitLagTest {
    private static final String SINK = "wait-sink";
    private static final String TOPIC = "wait-orders";
    private static final long MINUTE = 60_000;

    @Test
    void waitReturnsOnceTheSinkCommittedWhatWasThereAndStatusSaysHowOldTheLagIs() throws Exception {
        String bootstrap = LiveWorker.bootstrapServers();
        NewTopics.create(bootstrap, List.of(new NewTopic(TOPIC, 2, (short) 1)));
        assertEquals(0, Cli.runWithStdin("""
                {"name": "%s", "connector.class": "dev.kconnect.cli.testplugins.DiscardSinkConnector",
                 "tasks.max": "1", "topics": "%s", "value.converter": "org.apache.kafka.connect.storage.StringConverter"}"""
                .formatted(SINK, TOPIC), "create", "--file", "-").code());
        Rest.awaitStatus(SINK, Rest.all("RUNNING", 1));
        assertEquals(0, Cli.run("pause", SINK).code());
        Rest.awaitStatus(SINK, Rest.all("PAUSED", 1));
        long stamped = System.currentTimeMillis() - MINUTE;
        send(stamped);

        // paused: the oldest record waiting is a minute old plus the time since it was sent
        long before = System.currentTimeMillis();
        Result status = Cli.run("status", SINK, "--bootstrap-server", bootstrap, "--rate-over", "1", "-o", "json");
        long after = System.currentTimeMillis();
        assertEquals(0, status.code(), status.err());
        JsonNode behind = new ObjectMapper().readTree(status.out()).path("behind");
        long age = behind.path("oldest_uncommitted_age_ms").asLong();
        assertTrue(age >= before - stamped && age <= after - stamped, age + " ms: " + status.out());
        assertEquals(0, behind.path("lag_change").asLong(), status.out());
        assertTrue(behind.path("catch_up_ms").isMissingNode(), status.out());
        Result table = Cli.run("status", SINK, "--bootstrap-server", bootstrap, "--rate-over", "1");
        Matcher line = Pattern.compile("Behind: {5}the oldest record not committed is (\\d+) s old; not catching up "
                + "\\(the lag stayed the same over the rate's window\\)").matcher(table.out());
        assertTrue(line.find(), table.out());

        Result stuck = Cli.run("wait", SINK, "--lag", "0", "--timeout", "2", "--bootstrap-server", bootstrap);
        assertEquals(ExitCode.TIMED_OUT, stuck.code(), stuck.toString());
        assertEquals("kconnect: '" + SINK + "' still had 50 of the records present at the start to commit after 2 s "
                + "(--lag 0); see kconnect status " + SINK + " --bootstrap-server " + bootstrap + "\n", stuck.err());
        Result enough = Cli.run("wait", SINK, "--lag", "50", "--timeout", "2", "--bootstrap-server", bootstrap);
        assertEquals(0, enough.code(), enough.toString());

        assertEquals(0, Cli.run("resume", SINK).code());
        Result caughtUp = Cli.run("wait", SINK, "--lag", "0", "--timeout", "120", "--bootstrap-server", bootstrap);
        assertEquals(0, caughtUp.code(), caughtUp.toString());
        assertTrue(caughtUp.out().startsWith(SINK + ": caught up with the end offsets of 2 partitions seen at the start in "),
                caughtUp.out());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<?, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("connect-" + SINK)
                    .partitionsToOffsetAndMetadata().get();
            assertEquals(50, committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum());
        }

        Result source = Cli.run("wait", "no-such-connector", "--bootstrap-server", bootstrap);
        assertEquals(ExitCode.NOT_FOUND, source.code(), source.toString());
    }

    /** 30 records into partition 0, the first stamped {@code stamped}, 20 into partition 1 stamped now. */
    private static void send(long stamped) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LiveWorker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < 50; i++) {
                int partition = i < 30 ? 0 : 1;
                Long timestamp = i == 0 ? stamped : null;
                producer.send(new ProducerRecord<>(TOPIC, partition, timestamp, null, "{\"n\":" + i + "}")).get();
            }
        }
    }
}

package dev.kconnect.runtime.chaos;

import dev.kconnect.cli.live.Cli;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.testkit.Await;
import dev.kconnect.testkit.ConnectWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker killed with {@code kill -9}: Connect goes on reporting its tasks RUNNING until it reassigns
 * them (scheduled.rebalance.max.delay.ms, 5 minutes here as by default); {@code status} and {@code list}
 * ask the workers a status names and show GONE for what ran on one that does not answer.
 */
class GoneWorkerTest {
    private static final String NAME = "gone-ticks";

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static WorkerNode one;
    static WorkerNode two;

    @BeforeAll
    static void twoWorkers() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        Map<String, String> props = new HashMap<>(ConnectWorker.distributed(kafka.bootstrapServers(), "gone").properties());
        props.remove("listeners");
        props.put("scheduled.rebalance.max.delay.ms", "300000");
        one = new WorkerNode("worker-1", Ports.free(), dir, props);
        two = new WorkerNode("worker-2", Ports.free(), dir, props);
        one.start();
        two.start();
        one.awaitUp(Duration.ofMinutes(2));
        two.awaitUp(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws Exception {
        one.kill();
        two.kill();
        kafka.close();
    }

    @Test
    void whatRanOnAKilledWorkerShowsGoneNotRunning() throws Exception {
        Path file = Files.writeString(dir.resolve("ticks.json"), "{\"name\": \"" + NAME + "\", \"config\": {"
                + "\"connector.class\": \"dev.kconnect.cli.testplugins.TickSourceConnector\", \"tasks.max\": \"2\", "
                + "\"topic\": \"gone-ticks\"}}");
        assertEquals(0, Cli.runAgainst(one.restUrl, "create", "--file", file.toString()).code());
        String killed = two.restUrl.substring("http://".length());
        // the two tasks run, one of them on the worker about to be killed
        Await.until("a task of " + NAME + " to run on " + killed, Duration.ofMinutes(2), () -> {
            Cli.Result json = Cli.runAgainst(one.restUrl, "status", NAME, "-o", "json");
            return json.code() == 0 && json.out().contains("\"state\":\"RUNNING\",\"worker_id\":\"" + killed + "\"")
                    && json.out().split("\"RUNNING\"", -1).length - 1 == 3;
        });
        two.kill();

        Cli.Result status = Cli.runAgainst(one.restUrl, "status", NAME);
        assertEquals(0, status.code(), status.err());
        // the task rows: the killed worker's GONE, the other's RUNNING; the connector too, if it ran there
        List<String> taskRows = status.out().lines().filter(l -> l.matches("\\d+ +\\S+ +\\S+.*")).toList();
        assertTrue(taskRows.size() == 2 && taskRows.stream().allMatch(l -> l.contains(killed) == l.contains(" GONE ")),
                status.out());
        assertTrue(taskRows.stream().anyMatch(l -> l.contains(" RUNNING ") && !l.contains(killed)), status.out());
        boolean connectorThere = status.out().contains("Worker:     " + killed + "\n");
        assertTrue(status.out().contains("State:      " + (connectorThere ? "GONE" : "RUNNING") + "\n"), status.out());
        assertEquals("kconnect: worker " + killed + " did not answer: what ran there shows GONE (Connect still reports it "
                + "as it last was, RUNNING, until it reassigns it, within the workers' scheduled.rebalance.max.delay.ms, "
                + "5 minutes by default)\n", status.err());

        Cli.Result list = Cli.runAgainst(one.restUrl, "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(NAME) && l.contains(":GONE")), list.out());

        // scripts get the worker's own answer
        Cli.Result json = Cli.runAgainst(one.restUrl, "status", NAME, "-o", "json");
        assertTrue(json.out().contains("\"worker_id\":\"" + killed + "\"") && !json.out().contains("GONE"), json.out());
        assertEquals("", json.err());
    }
}

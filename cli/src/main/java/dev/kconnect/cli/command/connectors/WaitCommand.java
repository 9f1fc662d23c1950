package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.BootstrapOptions;
import dev.kconnect.cli.command.FailedStateException;
import dev.kconnect.cli.command.TimedOutException;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.lag.LagReader;
import dev.kconnect.cli.lag.PartitionLag;
import dev.kconnect.cli.lag.SinkLag;
import dev.kconnect.cli.output.Printer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@Command(name = "wait", mixinStandardHelpOptions = true,
        description = {"Wait until a sink has caught up: until it has committed, in every partition of its topics,",
            "the end offsets seen when the command started (less --lag records in all), as a CI job does after",
            "producing its test data. Reads the consumer group connect-NAME through Kafka's Admin API.",
            "Exits 0 when caught up, 6 when --timeout runs out (saying how far it got), 5 as soon as the",
            "connector or a task is FAILED."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect wait kinetica-sink-connector --lag 0 --bootstrap-server localhost:9092",
            "  kconnect wait kinetica-sink-connector --lag 0 --timeout 600 && ./check-tables.sh"
        })
public final class WaitCommand extends ApiCommand {
    private static final Duration POLL = Duration.ofSeconds(1);

    @Parameters(paramLabel = "NAME", description = "Sink connector name.")
    String name;

    @Mixin
    BootstrapOptions kafka;

    @Option(names = "--lag", paramLabel = "RECORDS", defaultValue = "0",
            description = "Records of those present at the start that may still be uncommitted (default: ${DEFAULT-VALUE}).")
    long lag;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Give up after this many seconds, exit 6 (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        if (lag < 0 || timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--lag must be 0 or more and --timeout more than 0");
        }
        String bootstrap = kafka.resolve(connection);
        if (bootstrap == null) {
            throw new BadInputException("kconnect wait reads the sink's committed offsets from Kafka: " + BootstrapOptions.HOW);
        }
        ConnectorStatus status = client.status(name).value();
        if (!"sink".equals(status.type())) {
            throw new BadInputException("'" + name + "' is a " + status.type() + " connector; wait --lag follows a sink's "
                    + "consumer group (for a source: kconnect status " + name + " --bootstrap-server …)");
        }
        List<String> topics = LagReader.topics(client.config(name).value());
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(timeoutSeconds).toNanos();
        try (LagReader reader = LagReader.connect(bootstrap, Duration.ofSeconds(connection.requestTimeout))) {
            Map<TopicPartition, Long> target = reader.ends(topics);
            long left = remaining(reader, topics, target);
            while (left > lag) {
                if (System.nanoTime() + POLL.toNanos() > deadline) {
                    throw new TimedOutException("'" + name + "' still had " + left + " of the records present at the start "
                            + "to commit after " + timeoutSeconds + " s (--lag " + lag + "); see kconnect status " + name
                            + " --bootstrap-server " + bootstrap);
                }
                sleep();
                FailedStateException.failIfFailed(client.status(name).value());
                left = remaining(reader, topics, target);
            }
            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            printer.out().println(name + ": caught up with the end offsets of " + target.size() + " partition"
                    + (target.size() == 1 ? "" : "s") + " seen at the start" + (left > 0 ? " (" + left + " records left)" : "")
                    + " in " + ms + " ms");
        }
    }

    /** The records below {@code target} that the sink has not committed, over all its partitions. */
    private long remaining(LagReader reader, List<String> topics, Map<TopicPartition, Long> target) {
        SinkLag now = reader.sinks(Map.of(name, topics)).get(name);
        long left = 0;
        for (PartitionLag p : now.partitions()) {
            Long end = target.get(new TopicPartition(p.topic(), p.partition()));
            if (end != null) {
                long committed = p.end() - p.lag(); // where the sink reads next
                left += Math.max(0, end - committed);
            }
        }
        return left;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimedOutException("interrupted");
        }
    }
}

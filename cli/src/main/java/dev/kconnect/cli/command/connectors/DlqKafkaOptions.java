package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.command.ClusterOptions;
import dev.kconnect.cli.command.ConnectionOptions;
import picocli.CommandLine.Option;

/** Where {@code dlq} reads a dead-letter queue from, and how much of it. */
public final class DlqKafkaOptions {

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Kafka brokers of the worker's cluster (default: $KCONNECT_BOOTSTRAP_SERVERS, else the context's, "
                    + "else " + ClusterOptions.DEFAULT + ").")
    String bootstrapServers;

    @Option(names = "--max", paramLabel = "N", defaultValue = "1000",
            description = "Read at most N records of the queue, from its start (default: ${DEFAULT-VALUE}).")
    long max;

    String bootstrap(ConnectionOptions connection) {
        String named = ClusterOptions.named(bootstrapServers, connection.context);
        return named != null ? named : ClusterOptions.DEFAULT;
    }
}

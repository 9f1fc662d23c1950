package dev.kconnect.cli.command;

import dev.kconnect.cli.config.Context;
import picocli.CommandLine.Option;

/**
 * Where the Kafka cluster of the worker is, for consumer lag: {@code --bootstrap-server}, else
 * $KCONNECT_BOOTSTRAP_SERVERS, else the context's. None is fine: commands then leave lag out.
 */
public final class BootstrapOptions {

    /** What to do when no bootstrap is known, in one line. */
    public static final String HOW = "give --bootstrap-server HOST:PORT (or set KCONNECT_BOOTSTRAP_SERVERS, "
            + "or kconnect context add … --bootstrap-server)";

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Kafka brokers of the worker's cluster, to show sinks' consumer lag "
                    + "(default: $KCONNECT_BOOTSTRAP_SERVERS, else the context's; without one, no lag).")
    public String bootstrapServers;

    /** The brokers, or null when none is given anywhere. Reads the contexts file only when a context is in use. */
    public String resolve(ConnectionOptions connection) {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return bootstrapServers.strip();
        }
        String env = System.getenv("KCONNECT_BOOTSTRAP_SERVERS");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        Context context = connection.context();
        return context == null ? null : context.bootstrapServers();
    }
}

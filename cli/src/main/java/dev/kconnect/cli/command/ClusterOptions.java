package dev.kconnect.cli.command;

import dev.kconnect.cli.config.Context;
import dev.kconnect.cli.config.ContextStore;
import picocli.CommandLine.Option;

/**
 * The Kafka cluster of a command that talks to brokers only ({@code topic read|write}):
 * {@code --bootstrap-server}, else $KCONNECT_BOOTSTRAP_SERVERS, else the context's
 * ({@code --context}, else the current one), else localhost:9092 (the sandbox's).
 */
public final class ClusterOptions {

    public static final String DEFAULT = "localhost:9092";

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Kafka brokers (default: $KCONNECT_BOOTSTRAP_SERVERS, else the context's, else " + DEFAULT + ").")
    public String bootstrapServers;

    @Option(names = "--context", paramLabel = "CONTEXT", description = "Use this context's --bootstrap-server.")
    public String context;

    public String bootstrap() {
        String named = named(bootstrapServers, context);
        return named != null ? named : DEFAULT;
    }

    /**
     * The brokers named by {@code option}, else $KCONNECT_BOOTSTRAP_SERVERS, else the context's
     * ({@code context}, else the current one); null when none names any.
     */
    public static String named(String option, String context) {
        if (option != null && !option.isBlank()) {
            return option.strip();
        }
        String env = System.getenv("KCONNECT_BOOTSTRAP_SERVERS");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        ContextStore store = ContextStore.standard();
        String name = context != null ? context : store.load().current();
        Context ctx = name == null ? null : store.get(name);
        return ctx == null ? null : ctx.bootstrapServers();
    }
}

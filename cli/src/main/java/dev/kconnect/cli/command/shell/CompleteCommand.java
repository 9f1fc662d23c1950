package dev.kconnect.cli.command.shell;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.model.PluginInfo;
import dev.kconnect.cli.command.BootstrapOptions;
import dev.kconnect.cli.command.ClusterOptions;
import dev.kconnect.cli.command.ConnectionOptions;
import dev.kconnect.cli.command.KineticaOptions;
import dev.kconnect.cli.config.ContextStore;
import dev.kconnect.cli.kinetica.KineticaSession;
import dev.kconnect.cli.kinetica.TableInfo;
import dev.kconnect.cli.lag.LagReader;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What the completion script asks of the live worker, the Kafka cluster, Kinetica or the contexts
 * file: one candidate per line, nothing (and exit 0) when none is named or none answers at once,
 * so a shell never shows an error nor waits long.
 */
@Command(name = "__complete", hidden = true,
        description = "Print completion candidates (used by the completion script).")
public final class CompleteCommand implements Callable<Integer> {
    private static final Duration QUICK = Duration.ofMillis(1500);
    /** Kafka's and gpudb-api's clients load many classes on their first call: a little longer, still within the script's 5 s. */
    private static final Duration QUICK_CLIENT = Duration.ofSeconds(3);

    enum Candidates { connectors, plugins, contexts, topics, tables }

    @Parameters(index = "0", paramLabel = "WHAT")
    Candidates what;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    BootstrapOptions kafka;

    @Mixin
    KineticaOptions kinetica;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (what == Candidates.contexts) {
                ContextStore.standard().load().contexts().keySet().forEach(out::println);
            } else if (what == Candidates.topics) {
                topics().forEach(out::println);
            } else if (what == Candidates.tables) {
                tables().forEach(out::println);
            } else {
                // never a password prompt in the middle of a completion
                try (ConnectClient client = new ConnectClient(connection.settings(false).withTimeouts(QUICK, QUICK, Duration.ZERO))) {
                    var names = what == Candidates.connectors
                            ? client.connectorNames().value().stream()
                            : client.plugins(false).value().stream().map(PluginInfo::className);
                    names.sorted().forEach(out::println);
                }
            }
        } catch (RuntimeException e) {
            // nothing named, nothing answering in time, or no contexts file: no candidates
        }
        out.flush();
        return 0;
    }

    /** Topics of the brokers the command line (or the environment, or a context) names; none without one. */
    private List<String> topics() {
        String bootstrap = ClusterOptions.named(kafka.bootstrapServers, connection.context);
        // only named brokers (no sandbox default), and no client for ones that refuse: it would retry until its timeout
        if (bootstrap == null || !anyListening(bootstrap)) {
            return List.of();
        }
        try (LagReader reader = LagReader.connect(bootstrap, QUICK_CLIENT)) {
            return reader.topicNames();
        }
    }

    /** Whether one of the brokers accepts a connection within {@link #QUICK}. */
    private static boolean anyListening(String bootstrap) {
        for (String server : bootstrap.split(",")) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(Utils.getHost(server.strip()), Utils.getPort(server.strip())),
                        (int) QUICK.toMillis());
                return true;
            } catch (IOException | RuntimeException e) {
                // refused, unresolvable or not HOST:PORT: try the next one
            }
        }
        return false;
    }

    /** Tables of the Kinetica the command line (or the environment) names; none without one. */
    private List<String> tables() {
        KineticaSession session = kinetica.namedSession(QUICK_CLIENT);
        return session == null ? List.of() : session.tables().stream().map(TableInfo::name).toList();
    }
}

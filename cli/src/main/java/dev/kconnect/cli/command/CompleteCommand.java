package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.PluginInfo;
import dev.kconnect.cli.config.ContextStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * What the completion script asks of the live worker (or the contexts file): one candidate per
 * line, nothing (and exit 0) when the worker does not answer at once, so a shell never shows an error.
 */
@Command(name = "__complete", hidden = true,
        description = "Print completion candidates (used by the completion script).")
public final class CompleteCommand implements Callable<Integer> {
    private static final Duration QUICK = Duration.ofMillis(1500);

    enum Candidates { connectors, plugins, contexts }

    @Parameters(index = "0", paramLabel = "WHAT")
    Candidates what;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (what == Candidates.contexts) {
                ContextStore.standard().load().contexts().keySet().forEach(out::println);
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
            // no worker or no contexts file, no candidates
        }
        out.flush();
        return 0;
    }
}

package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ClientSettings;
import dev.kconnect.cli.client.ConnectClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What the completion script asks of the live worker: one candidate per line, nothing (and
 * exit 0) when the worker does not answer at once, so a shell never shows an error.
 */
@Command(name = "__complete", hidden = true,
        description = "Print completion candidates (used by the completion script).")
public final class CompleteCommand implements Callable<Integer> {
    private static final Duration QUICK = Duration.ofMillis(1500);

    enum Candidates { connectors }

    @Parameters(index = "0", paramLabel = "WHAT")
    Candidates what;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClientSettings settings = new ClientSettings(connection.workerUrl(), QUICK, QUICK, Duration.ZERO, Map.of());
        try (ConnectClient client = new ConnectClient(settings)) {
            client.connectorNames().value().stream().sorted().forEach(out::println);
        } catch (RuntimeException e) {
            // no worker, no candidates
        }
        out.flush();
        return 0;
    }
}

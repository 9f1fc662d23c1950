package dev.kconnect.cli.command.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.client.model.Message;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.Credentials;
import dev.kconnect.cli.command.TimedOutException;
import dev.kconnect.cli.command.WorkerFeature;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.output.OffsetsView;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

@Command(name = "offsets", mixinStandardHelpOptions = true,
        description = {"Show a connector's committed offsets (Kafka 3.5+), reset them, or set them from a file (3.6+).",
            "Connect changes offsets only while a connector is STOPPED: --reset and --set stop it, change the "
                + "offsets and resume it (a connector that was already STOPPED stays so), reporting each step."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect offsets kinetica-source-connector",
            "      same as: curl http://127.0.0.1:8083/connectors/kinetica-source-connector/offsets",
            "  kconnect offsets kinetica-source-connector -o json > offsets.json",
            "  kconnect offsets kinetica-source-connector --set offsets.json",
            "  kconnect offsets kinetica-source-connector --reset       read everything again"
        })
public final class OffsetsCommand extends ApiCommand {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @ArgGroup(exclusive = true)
    Change change;

    static final class Change {
        @Option(names = "--reset", required = true, description = "Forget the committed offsets.")
        boolean reset;

        @Option(names = "--set", required = true, paramLabel = "FILE",
                description = "Set offsets from a file holding {\"offsets\": […]}, as 'kconnect offsets NAME -o json' prints.")
        String file;
    }

    @Override
    protected void run(ConnectClient client, Printer printer) {
        WorkerFeature feature = change == null ? WorkerFeature.READ_OFFSETS
                : change.reset ? WorkerFeature.RESET_OFFSETS : WorkerFeature.SET_OFFSETS;
        feature.require(client, spec);
        if (change == null) {
            printer.print(client.offsets(name), new OffsetsView(name));
            return;
        }
        String body = change.file == null ? null : readOffsets(change.file);
        PrintWriter out = printer.out();
        String before = client.status(name).value().connectorState();
        if (!"STOPPED".equals(before)) {
            out.println("stopping connector '" + name + "' (it was " + before + ")");
            out.flush();
            client.stop(name);
            awaitStopped(client);
        }
        Supplier<Message> changeOffsets = change.reset
                ? () -> client.resetOffsets(name).value()
                : () -> client.alterOffsets(name, body).value();
        Message message = changeOffsets.get();
        out.println(message == null || message.message() == null ? "offsets changed" : message.message());
        if ("STOPPED".equals(before)) {
            out.println("connector '" + name + "' stays STOPPED, as it was; start it with: kconnect resume " + name);
        } else {
            client.resume(name);
            out.println("resuming connector '" + name + "'");
        }
        out.flush();
    }

    private void awaitStopped(ConnectClient client) {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (true) {
            ConnectorStatus status = client.status(name).value();
            if ("STOPPED".equals(status.connectorState()) && status.tasks().isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimedOutException("connector '" + name + "' did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s; the offsets were not changed");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimedOutException("interrupted while waiting for the connector to stop");
            }
        }
    }

    /** The file must hold {"offsets": [...]}; it is sent as it is. */
    private static String readOffsets(String file) {
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            JsonNode root = Json.MAPPER.readTree(text);
            if (root == null || !root.path("offsets").isArray()) {
                throw new BadInputException(file + ": expected {\"offsets\": [{\"partition\": {…}, \"offset\": {…}}, …]}");
            }
            return text;
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw new BadInputException(file + line + ": not valid JSON; expected {\"offsets\": […]}");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + Credentials.reason(e) + ")");
        }
    }
}

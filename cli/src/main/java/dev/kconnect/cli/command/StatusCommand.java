package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.ConnectorStatus;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.StatusView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.stream.Collectors;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the state of a connector and its tasks, the workers they run on, "
                + "and the trace of whatever failed.",
            "Exits with 5 when the connector or one of its tasks is FAILED, so a deploy script can stop there."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect status kinetica-source-connector",
            "      same as: curl http://127.0.0.1:8083/connectors/kinetica-source-connector/status",
            "  kconnect status kinetica-sink-connector -o name || echo \"the sink failed\""
        })
public final class StatusCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        ApiResponse<ConnectorStatus> response = client.status(name);
        printer.print(response, new StatusView());
        failIfFailed(response.value());
    }

    static void failIfFailed(ConnectorStatus status) {
        if (status == null || !status.anyFailed()) {
            return;
        }
        String failed = status.tasks().stream()
                .filter(t -> ConnectorStatus.FAILED.equals(t.state()))
                .map(t -> Integer.toString(t.id()))
                .collect(Collectors.joining(", "));
        String what = ConnectorStatus.FAILED.equals(status.connectorState())
                ? "connector '" + status.name() + "' is FAILED" + (failed.isEmpty() ? "" : " and so are its tasks " + failed)
                : "connector '" + status.name() + "' has FAILED tasks: " + failed;
        throw new FailedStateException(what + "; fix the cause shown in the trace, then: kconnect restart "
                + status.name() + " --include-tasks --only-failed");
    }
}

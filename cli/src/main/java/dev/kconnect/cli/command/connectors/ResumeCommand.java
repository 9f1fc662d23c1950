package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.WaitOptions;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume a paused or stopped connector.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect resume kinetica-source-connector",
            "      same as: curl -X PUT http://127.0.0.1:8083/connectors/kinetica-source-connector/resume"
        })
public final class ResumeCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Mixin
    WaitOptions waiting;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        waiting.bound(client);
        printer.print(client.resume(name),
                View.message("resuming connector '" + name + "'", name));
        waiting.awaitRunning(client, name, printer);
    }
}

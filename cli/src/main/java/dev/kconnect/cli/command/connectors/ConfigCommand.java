package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.output.ConfigView;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Show a connector's config.",
            "Values of keys that hold secrets (…password, …secret, …token) are masked in the table; "
                + "-o json and -o yaml show what the worker returns."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect config kinetica-source-connector",
            "      same as: curl http://127.0.0.1:8083/connectors/kinetica-source-connector/config",
            "  kconnect config kinetica-source-connector -o json > source-config.json",
            "      edit it, then: kconnect put kinetica-source-connector --file source-config.json"
        })
public final class ConfigCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        printer.print(client.config(name), new ConfigView(name));
    }
}

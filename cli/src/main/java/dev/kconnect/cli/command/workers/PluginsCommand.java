package dev.kconnect.cli.command.workers;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.NewerEndpoints;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.WorkerFeature;
import dev.kconnect.cli.output.PluginConfigView;
import dev.kconnect.cli.output.PluginListView;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List the connector plugins the worker can run, or show the options of one."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect plugins",
            "      same as: curl http://127.0.0.1:8083/connector-plugins",
            "  kconnect plugins com.kinetica.kafka.KineticaSourceConnector",
            "      its options (kinetica.url, kinetica.table_names, …) with type, default, importance and docs",
            "  kconnect plugins --all          converters, transforms and predicates too",
            "  kconnect plugins com.kinetica.kafka.KineticaSinkConnector --plugin-version 7.2.0",
            "      the options of one installed version (Connect 4.1+, KIP-891; plugins lists every version)"
        })
public final class PluginsCommand extends ApiCommand {

    @Parameters(paramLabel = "CLASS", arity = "0..1",
            description = "A plugin class (or alias) whose options to show.")
    String plugin;

    @Option(names = "--all", description = "List converters, transforms and predicates too, not only connectors.")
    boolean all;

    @Option(names = "--plugin-version", paramLabel = "VERSION",
            description = "With CLASS: the options of this installed version (Connect 4.1+).")
    String version;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        if (plugin == null && version != null) {
            throw new ParameterException(spec.commandLine(), "--plugin-version needs a CLASS: kconnect plugins CLASS --plugin-version "
                    + version);
        }
        if (plugin == null) {
            printer.print(client.plugins(all), new PluginListView());
        } else if (version != null) {
            WorkerFeature.PLUGIN_VERSIONS.require(client, spec);
            printer.print(new NewerEndpoints(client).pluginConfig(plugin, version), new PluginConfigView());
        } else {
            printer.print(client.pluginConfig(plugin), new PluginConfigView());
        }
    }
}

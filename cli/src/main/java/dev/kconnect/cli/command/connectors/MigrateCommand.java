package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.WorkerFeature;
import dev.kconnect.cli.config.ContextStore;
import dev.kconnect.cli.migrate.Migration;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.Map;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Move a connector, with its offsets, to another cluster (a context) or another name.",
            "It stops the connector, reads its offsets (a sink's: its consumer group's), creates it STOPPED",
            "on the target, writes the offsets there, checks that the target holds exactly them, then starts it",
            "(or leaves it PAUSED or STOPPED, as the source was). Everything the target lacks is refused before",
            "anything changes: the plugin, a free name, Connect 3.7 (create stopped) on the target and 3.5 on the",
            "source. The source connector stays STOPPED unless --delete-source. Its config goes as it is:",
            "${file:…} references need the same files and providers on the target's workers."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect migrate kinetica-sink-connector --to-context prod-east",
            "  kconnect migrate kinetica-sink-connector --to-context prod-east --delete-source",
            "  kconnect migrate kinetica-source-connector --rename kinetica-source-v2 --delete-source"
        })
public final class MigrateCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector to move.")
    String name;

    @Option(names = "--to-context", paramLabel = "CONTEXT",
            description = "The context of the target cluster (default: the same worker, with --rename).")
    String toContext;

    @Option(names = "--rename", paramLabel = "NEW", description = "The connector's name on the target.")
    String rename;

    @Option(names = "--delete-source", description = "Delete the source connector once the target runs with its offsets.")
    boolean deleteSource;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long each connector may take to stop (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        if (toContext == null && rename == null) {
            throw new ParameterException(spec.commandLine(), "give --to-context CONTEXT, --rename NEW, or both");
        }
        String newName = rename == null ? name : rename;
        try (ConnectClient target = toContext == null ? null
                : new ConnectClient(connection.settingsOf(toContext, ContextStore.standard().get(toContext)))) {
            ConnectClient to = target == null ? client : target;
            if (to.url().equals(client.url()) && newName.equals(name)) {
                throw new ParameterException(spec.commandLine(), "the target is the same worker: give --rename NEW");
            }
            WorkerFeature.MIGRATE_FROM.require(client, spec);
            WorkerFeature.MIGRATE_TO.require(to, spec);
            Migration migration = new Migration(client, to, name, newName, Duration.ofSeconds(timeoutSeconds), printer.out());
            Map<String, String> config = migration.check();
            migration.run(config, deleteSource);
        }
    }
}

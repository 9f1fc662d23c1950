package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.NewerEndpoints;
import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.client.model.ConfigKeyInfo;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.output.ConfigDiff;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.patch.ConfigPatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@Command(name = "patch", mixinStandardHelpOptions = true,
        description = {"Change some keys of a connector's config, leaving the others as they are, and show the diff "
                + "(secret values masked).",
            "Connect 3.8+ does it on the worker (PATCH /connectors/NAME/config, KIP-477); before, the config is read, "
                + "merged and written back (PUT), refused when the worker shows a value masked, which would overwrite "
                + "the secret. -o json|yaml: the changes, masked."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect patch kinetica-sink-connector kinetica.batch_size=5000 tasks.max=4",
            "      same as (3.8+): curl -X PATCH -H 'Content-Type: application/json' \\",
            "        --data '{\"kinetica.batch_size\": \"5000\", \"tasks.max\": \"4\"}' \\",
            "        http://127.0.0.1:8083/connectors/kinetica-sink-connector/config",
            "  kconnect patch kinetica-sink-connector --unset transforms --unset transforms.route.type",
            "  kconnect patch kinetica-sink-connector errors.tolerance=all --dry-run"
        })
public final class PatchCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Connector name.")
    String name;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE", description = "Keys to set.")
    List<String> pairs;

    @Option(names = "--unset", paramLabel = "KEY", description = "A key to remove; repeatable.")
    List<String> unset;

    @Option(names = "--dry-run", description = "Show the diff, change nothing.")
    boolean dryRun;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        ConfigPatch patch = ConfigPatch.parse(pairs, unset);
        Map<String, String> live = client.config(name).value();
        boolean serverSide = client.workerVersion().atLeast(3, 8);
        // before 3.8 the whole config goes back: check for masked values before showing anything as done
        Map<String, String> merged = serverSide ? patch.applyTo(live) : patch.mergeForPut(live);
        ConfigDiff diff = new ConfigDiff(live, merged, secretKeys(client, live.get("connector.class")));
        String how = serverSide ? "PATCH …/config" : "read, merged and PUT back: Connect " + client.workerVersion()
                + " has no PATCH …/config (3.8)";
        if (!diff.changes().isEmpty() && !dryRun) {
            if (serverSide) {
                new NewerEndpoints(client).patchConfig(name, patch.body());
            } else {
                client.putConfig(name, merged);
            }
        }
        PrintWriter out = printer.out();
        switch (printer.format()) {
            case json, yaml -> {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("connector", name);
                report.put("changes", diff.maskedChanges());
                report.put("method", serverSide ? "PATCH" : "PUT");
                report.put("dry_run", dryRun);
                printer.printValue(report);
            }
            case name -> out.println(name);
            case table -> {
                if (diff.changes().isEmpty()) {
                    out.println("connector '" + name + "' unchanged");
                } else {
                    diff.print(name, out, printer.style());
                    out.println(dryRun ? "dry run, nothing changed" : "patched connector '" + name + "' (" + how + ")");
                }
            }
        }
        out.flush();
    }

    /** The plugin's PASSWORD keys, so that their values are masked in the diff; none for an unknown plugin. */
    private static Set<String> secretKeys(ConnectClient client, String plugin) {
        if (plugin == null) {
            return Set.of();
        }
        try {
            return client.pluginConfig(plugin).value().stream().filter(ConfigKeyInfo::secret).map(ConfigKeyInfo::name)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (NotFoundException e) {
            return Set.of();
        }
    }
}

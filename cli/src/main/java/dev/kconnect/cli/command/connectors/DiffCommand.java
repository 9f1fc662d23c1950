package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ConnectionOptions;
import dev.kconnect.cli.command.OutputOptions;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.input.ConnectorFiles;
import dev.kconnect.cli.output.ConfigDiff;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show how the live connectors differ from files: what apply would change.",
            "One line per key: + added, - removed, ~ changed; secret values masked. A connector the worker "
                + "does not have shows all its keys as added.",
            "Like diff(1): exits with 0 when there are no differences, 1 when there are, 2 and up on trouble.",
            "-o json|yaml: one entry per connector (connector, source, action create|update|none, changes "
                + "with key, before, after); -o name: the connectors that differ."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect diff -f connectors/",
            "  kconnect diff -f kinetica-sink.properties || kconnect apply -f kinetica-sink.properties",
            "  kconnect diff -f connectors/ -o json | jq '.[] | select(.action != \"none\")'"
        })
public final class DiffCommand implements Callable<Integer> {

    /** One connector in {@code -o json|yaml}: what apply would do, secrets masked. */
    record Entry(String connector, String source, String action, List<ConfigDiff.Change> changes) {
    }

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE|DIR",
            description = "Connector JSON or .properties file, or a directory of them; repeatable; - reads standard input.")
    List<String> files;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Printer printer = output.printer();
        List<Planner.Plan> plans;
        try (ConnectClient client = connection.client()) {
            plans = new Planner(client).plan(ConnectorFiles.readAll(files, System.in, output::notice));
        }
        List<Planner.Plan> differing = plans.stream().filter(plan -> !plan.diff().isEmpty()).toList();
        switch (printer.format()) {
            case table -> differing.forEach(plan -> plan.diff().print(plan.name(), printer.out(), printer.style()));
            case name -> differing.forEach(plan -> printer.out().println(plan.name()));
            case json, yaml -> printer.printValue(plans.stream().map(DiffCommand::entry).toList());
        }
        printer.out().flush();
        return differing.isEmpty() ? ExitCode.OK : ExitCode.ERROR;
    }

    private static Entry entry(Planner.Plan plan) {
        ConfigDiff diff = plan.diff();
        String action = diff.isNew() ? "create" : diff.isEmpty() ? "none" : "update";
        return new Entry(plan.name(), plan.definition().source(), action, diff.maskedChanges());
    }
}

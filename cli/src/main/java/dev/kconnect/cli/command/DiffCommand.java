package dev.kconnect.cli.command;

import dev.kconnect.cli.ExitCode;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.input.ConnectorFiles;
import dev.kconnect.cli.output.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show how the live connectors differ from files: what apply would change.",
            "One line per key: + added, - removed, ~ changed; secret values masked. A connector the worker "
                + "does not have shows all its keys as added.",
            "Like diff(1): exits with 0 when there are no differences, 1 when there are, 2 and up on trouble."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect diff -f connectors/",
            "  kconnect diff -f kinetica-sink.properties || kconnect apply -f kinetica-sink.properties"
        })
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE|DIR",
            description = "Connector JSON or .properties file, or a directory of them; repeatable; - reads standard input.")
    List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Style style = Style.forTerminal();
        boolean differs = false;
        try (ConnectClient client = connection.client()) {
            for (Planner.Plan plan : new Planner(client).plan(ConnectorFiles.readAll(files, System.in))) {
                if (!plan.diff().isEmpty()) {
                    plan.diff().print(plan.name(), out, style);
                    differs = true;
                }
            }
        }
        out.flush();
        return differs ? ExitCode.ERROR : ExitCode.OK;
    }
}

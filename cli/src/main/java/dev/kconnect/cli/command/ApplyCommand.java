package dev.kconnect.cli.command;

import dev.kconnect.cli.ExitCode;
import dev.kconnect.cli.client.ApiException;
import dev.kconnect.cli.client.ConfigInfos;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.UnauthorizedException;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.input.ConnectorFiles;
import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.Style;
import dev.kconnect.cli.output.ValidationView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Create or update many connectors from files, changing only those that differ.",
            "Each connector is checked with its plugin (config/validate) first; its diff against the live config "
                + "is shown before it is changed, with secret values masked. An invalid connector is not sent.",
            "Exits with 2 when a connector is invalid, 1 when the worker refused one, 0 otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect apply -f connectors/",
            "      every *.json and *.properties file in connectors/, in name order",
            "  kconnect apply -f kinetica-sink.properties -f kinetica-source.json --dry-run",
            "      shows the diffs and the validation errors per key, changes nothing",
            "  kconnect apply -f connectors/ --wait --timeout 120"
        })
public final class ApplyCommand implements Callable<Integer> {

    /** What became of one connector. */
    enum Outcome {
        created("to create"), updated("to update"), unchanged("unchanged"), invalid("invalid"), failed("failed");

        /** The word for a dry run, where nothing is changed. */
        final String planned;

        Outcome(String planned) {
            this.planned = planned;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE|DIR",
            description = "Connector JSON or .properties file, or a directory of them; repeatable; - reads standard input.")
    List<String> files;

    @Option(names = "--dry-run", description = "Show the diffs and validate, change nothing.")
    boolean dryRun;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Printer printer = new Printer(out, Format.table, Style.forTerminal());
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        try (ConnectClient client = connection.client()) {
            List<Planner.Plan> plans = new Planner(client).plan(ConnectorFiles.readAll(files, System.in));
            for (Planner.Plan plan : plans) {
                Outcome outcome = apply(client, plan, printer);
                counts.merge(outcome, 1, Integer::sum);
                if (outcome == Outcome.created || outcome == Outcome.updated) {
                    changed.add(plan.name());
                }
            }
            out.println(summary(counts));
            out.flush();
            if (!dryRun) {
                changed.forEach(name -> waiting.awaitRunning(client, name, printer));
            }
        }
        if (counts.containsKey(Outcome.invalid)) {
            throw new BadInputException(counts.get(Outcome.invalid) + " connector(s) invalid, errors listed above; "
                    + "fix the files and apply again");
        }
        if (counts.containsKey(Outcome.failed)) {
            return ExitCode.ERROR;
        }
        return ExitCode.OK;
    }

    private Outcome apply(ConnectClient client, Planner.Plan plan, Printer printer) {
        PrintWriter out = printer.out();
        String name = plan.name();
        if (plan.diff().isEmpty()) {
            out.println("connector '" + name + "' unchanged");
            return Outcome.unchanged;
        }
        plan.diff().print(name, out, printer.style());
        String source = plan.definition().source();
        if (plan.missingPlugin() != null) {
            // validating would only earn an HTTP 500 from the worker
            out.println("connector '" + name + "' invalid (" + source + ": " + plan.missingPlugin() + ")");
            return Outcome.invalid;
        }
        ConfigInfos validation = client.validate(plan.wanted().get("connector.class"), plan.wanted()).value();
        if (validation.errorCount() > 0) {
            new ValidationView(source).table(validation, printer);
            out.println("connector '" + name + "' invalid (" + source + ": "
                    + validation.errorCount() + " error(s))" + (dryRun ? "" : ", not sent"));
            return Outcome.invalid;
        }
        Outcome outcome = plan.diff().isNew() ? Outcome.created : Outcome.updated;
        if (dryRun) {
            out.println("connector '" + name + "' would be " + outcome + " (dry run)");
            return outcome;
        }
        try {
            int status = client.putConfig(name, plan.wanted()).status();
            outcome = status == 201 ? Outcome.created : Outcome.updated;
            out.println("connector '" + name + "' " + outcome);
        } catch (UnauthorizedException e) {
            throw e; // no use trying the next one
        } catch (ApiException e) {
            out.println("connector '" + name + "' failed: " + e.getMessage());
            outcome = Outcome.failed;
        }
        out.flush();
        return outcome;
    }

    private String summary(Map<Outcome, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            int count = counts.getOrDefault(outcome, 0);
            if (count > 0 || outcome.ordinal() <= Outcome.unchanged.ordinal()) {
                parts.add(count + " " + (dryRun ? outcome.planned : outcome.name()));
            }
        }
        return (dryRun ? "dry run, nothing changed: " : "") + String.join(", ", parts);
    }
}

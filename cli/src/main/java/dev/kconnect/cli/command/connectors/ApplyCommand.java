package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ApiException;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.NewerEndpoints;
import dev.kconnect.cli.client.UnauthorizedException;
import dev.kconnect.cli.client.model.ConfigInfos;
import dev.kconnect.cli.command.ConnectionOptions;
import dev.kconnect.cli.command.OutputOptions;
import dev.kconnect.cli.command.WaitOptions;
import dev.kconnect.cli.command.WorkerFeature;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.input.ConnectorFiles;
import dev.kconnect.cli.output.ConfigDiff;
import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.Style;
import dev.kconnect.cli.output.ValidationView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Create or update many connectors from files, changing only those that differ.",
            "Each connector is checked with its plugin (config/validate) first; its diff against the live config "
                + "is shown before it is changed, with secret values masked. An invalid connector is not sent.",
            "Exits with 2 when a connector is invalid, 1 when the worker refused one, 0 otherwise.",
            "-o json|yaml: at the end, one entry per connector (connector, source, outcome, changes with key, "
                + "before, after, errors); outcomes created, updated, unchanged, invalid, failed, or with "
                + "--dry-run create, update, unchanged, invalid. -o name: the connectors created or updated."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect apply -f connectors/",
            "      every *.json and *.properties file in connectors/, in name order",
            "  kconnect apply -f kinetica-sink.properties -f kinetica-source.json --dry-run",
            "      shows the diffs and the validation errors per key, changes nothing",
            "  kconnect apply -f connectors/ --wait --timeout 120",
            "  kconnect apply -f connectors/ --dry-run -o json",
            "  kconnect apply -f connectors/ --state stopped      new connectors are created STOPPED (3.7+)"
        })
public final class ApplyCommand implements Callable<Integer> {

    /** One connector in {@code -o json|yaml}: what became of it, secrets masked. */
    record Entry(String connector, String source, String outcome, List<ConfigDiff.Change> changes, List<String> errors) {
    }

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

    @Option(names = "--state", paramLabel = "STATE",
            description = "Create new connectors ${COMPLETION-CANDIDATES} (Connect 3.7+); existing ones keep their state.")
    NewerEndpoints.InitialState state;

    @Mixin
    WaitOptions waiting;

    @Mixin
    OutputOptions output;

    @Mixin
    SecretsCheck secrets;

    @Override
    public Integer call() {
        Printer printer = output.printer();
        // in json, yaml and name the report comes once, at the end
        Printer text = printer.format() == Format.table ? printer
                : new Printer(new PrintWriter(Writer.nullWriter()), Format.table, Style.PLAIN);
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        try (ConnectClient client = connection.client()) {
            waiting.bound(client);
            if (state != null) {
                if (waiting.wait && state != NewerEndpoints.InitialState.running) {
                    throw new ParameterException(spec.commandLine(), "--wait waits for RUNNING; leave it out with --state " + state.name());
                }
                WorkerFeature.APPLY_STATE.require(client, spec);
            }
            List<Planner.Plan> plans = new Planner(client).plan(ConnectorFiles.readAll(files, System.in, output::notice));
            Map<String, List<String>> literals = new LinkedHashMap<>();
            plans.forEach(p -> literals.put(p.name(), SecretsCheck.literalKeys(p.wanted(), p.diff().secrets())));
            secrets.check(literals); // with --strict-secrets, before any connector is changed
            for (Planner.Plan plan : plans) {
                List<String> errors = new ArrayList<>();
                Outcome outcome = apply(client, plan, text, errors);
                counts.merge(outcome, 1, Integer::sum);
                if (outcome == Outcome.created || outcome == Outcome.updated) {
                    changed.add(plan.name());
                }
                entries.add(new Entry(plan.name(), plan.definition().source(), outcomeWord(outcome),
                        plan.diff().maskedChanges(), errors));
            }
            text.out().println(summary(counts));
            text.out().flush();
            switch (printer.format()) {
                case json, yaml -> printer.printValue(entries);
                case name -> changed.forEach(printer.out()::println);
                case table -> { }
            }
            printer.out().flush();
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

    /** In a dry run, the verb: what would be done. */
    private String outcomeWord(Outcome outcome) {
        if (dryRun && (outcome == Outcome.created || outcome == Outcome.updated)) {
            return outcome == Outcome.created ? "create" : "update";
        }
        return outcome.name();
    }

    /** Applies one plan, telling people on {@code printer}; {@code errors} gets why it is invalid or failed. */
    private Outcome apply(ConnectClient client, Planner.Plan plan, Printer printer, List<String> errors) {
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
            errors.add(plan.missingPlugin());
            return Outcome.invalid;
        }
        ConfigInfos validation = client.validate(plan.wanted().get("connector.class"), plan.wanted()).value();
        if (validation.errorCount() > 0) {
            new ValidationView(source).table(validation, printer);
            validation.configs().forEach(config -> config.value().errors()
                    .forEach(error -> errors.add(config.value().name() + ": " + error.strip())));
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
            // PUT creates too, but only POST takes initial_state (KIP-980)
            int status = state != null && plan.diff().isNew()
                    ? new NewerEndpoints(client).create(name, plan.wanted(), state, null).status()
                    : client.putConfig(name, plan.wanted()).status();
            outcome = status == 201 ? Outcome.created : Outcome.updated;
            out.println("connector '" + name + "' " + outcome);
        } catch (UnauthorizedException e) {
            throw e; // no use trying the next one
        } catch (ApiException e) {
            out.println("connector '" + name + "' failed: " + e.getMessage());
            errors.add(e.getMessage());
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

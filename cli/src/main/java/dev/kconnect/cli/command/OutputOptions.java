package dev.kconnect.cli.command;

import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.Style;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code -o table|json|yaml|name}. */
public final class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    public CommandSpec mixee;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "json prints the REST API's answer exactly as received.")
    public Format format;

    /** A line for people on stderr, which leaves -o json|yaml|name output clean. */
    public void notice(String line) {
        mixee.commandLine().getErr().println("kconnect: " + line);
        mixee.commandLine().getErr().flush();
    }

    /** Writes to the command's own output writer; colours only on a terminal. */
    public Printer printer() {
        return new Printer(mixee.commandLine().getOut(), format, Style.forTerminal());
    }
}

package dev.kconnect.cli.command.data;

import dev.kconnect.cli.command.KineticaOptions;
import dev.kconnect.cli.kinetica.TableInfo;
import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.Style;
import dev.kconnect.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "List Kinetica's tables with their row counts and columns.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect kinetica tables",
            "  kconnect kinetica tables -o name --kinetica-url http://kinetica.example.com:9191 --kinetica-user admin"
        })
public final class KineticaTablesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KineticaOptions kinetica;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        List<TableInfo> tables = kinetica.session().tables();
        Printer printer = new Printer(spec.commandLine().getOut(), format, Style.forTerminal());
        switch (format) {
            case json, yaml -> printer.printValue(tables);
            case name -> tables.forEach(t -> printer.out().println(t.name()));
            case table -> {
                if (tables.isEmpty()) {
                    printer.out().println("no tables");
                } else {
                    Table table = new Table("TABLE", "ROWS", "COLUMNS");
                    tables.forEach(t -> table.row(t.name(), t.rows(), String.join(", ", t.columns())));
                    table.print(printer.out(), printer.style());
                }
            }
        }
        printer.out().flush();
        return 0;
    }
}

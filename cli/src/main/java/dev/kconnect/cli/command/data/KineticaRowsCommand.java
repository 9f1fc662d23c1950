package dev.kconnect.cli.command.data;

import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.command.KineticaOptions;
import dev.kconnect.cli.kinetica.Rows;
import dev.kconnect.cli.output.Style;
import dev.kconnect.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.Callable;

@Command(name = "rows", mixinStandardHelpOptions = true,
        description = {"Print rows of a Kinetica table: a table of columns, or with -o json one object a line.",
            "--where filters with a Kinetica expression; --count prints only how many rows match."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect kinetica rows ki_home.orders",
            "  kconnect kinetica rows ki_home.orders --where \"product = 'tea'\" -o json",
            "  kconnect kinetica rows KafkaConnectorTest --count"
        })
public final class KineticaRowsCommand implements Callable<Integer> {

    /** How {@code -o} prints the rows. */
    enum RowFormat { table, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TABLE", description = "Table name, with its schema if it has one (ki_home.orders).")
    String table;

    @Option(names = "--where", paramLabel = "EXPR", description = "Only rows matching this expression, e.g. \"id > 10\".")
    String where;

    @Option(names = "--max", paramLabel = "N", defaultValue = "100",
            description = "At most N rows (default: ${DEFAULT-VALUE}).")
    long max;

    @Option(names = "--count", description = "Print only the number of rows that match.")
    boolean count;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    RowFormat format;

    @Mixin
    KineticaOptions kinetica;

    @Override
    public Integer call() {
        if (max < 0) {
            throw new ParameterException(spec.commandLine(), "--max must be 0 or more, not " + max);
        }
        Rows rows = kinetica.session().rows(table, where, count ? 0 : max);
        PrintWriter out = spec.commandLine().getOut();
        if (count) {
            out.println(rows.total());
        } else if (format == RowFormat.json) {
            rows.rows().forEach(row -> out.println(Json.MAPPER.valueToTree(row)));
        } else if (rows.rows().isEmpty()) {
            out.println("no rows" + (where == null ? "" : " where " + where));
        } else {
            Table view = new Table(rows.columns().toArray(String[]::new));
            rows.rows().forEach(row -> view.row(row.values().stream().map(KineticaRowsCommand::text).toArray()));
            view.print(out, Style.forTerminal());
            if (rows.total() > rows.rows().size()) {
                out.println("(" + rows.rows().size() + " of " + rows.total() + " rows; --max N shows more)");
            }
        }
        out.flush();
        return 0;
    }

    private static String text(Object value) {
        if (value instanceof ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.duplicate().get(copy);
            return Base64.getEncoder().encodeToString(copy);
        }
        return String.valueOf(value);
    }
}

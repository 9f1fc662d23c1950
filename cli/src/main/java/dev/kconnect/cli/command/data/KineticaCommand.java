package dev.kconnect.cli.command.data;

import dev.kconnect.cli.command.KineticaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A look into Kinetica's tables, through gpudb-api: what the connectors wrote and will read. */
@Command(name = "kinetica", mixinStandardHelpOptions = true,
        description = {"Look into Kinetica (the sandbox's emulator or a real one) through gpudb-api: its tables and their rows.",
            "Where: --kinetica-url, else $KCONNECT_KINETICA_URL, else " + KineticaOptions.DEFAULT_URL + ". A user's "
                + "password comes from --kinetica-password-file, $KCONNECT_KINETICA_PASSWORD or a prompt."},
        subcommands = {KineticaTablesCommand.class, KineticaRowsCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect kinetica tables",
            "  kconnect kinetica rows ki_home.orders --where 'quantity > 2' --max 5",
            "  kconnect kinetica rows ki_home.orders --count"
        })
public final class KineticaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

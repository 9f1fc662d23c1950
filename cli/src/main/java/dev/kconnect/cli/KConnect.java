package dev.kconnect.cli;

import dev.kconnect.cli.command.CompletionCommand;
import dev.kconnect.cli.command.DistributedCommand;
import dev.kconnect.cli.command.SandboxCommand;
import dev.kconnect.cli.command.StandaloneCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code kconnect} root command: subcommands only, no action of its own. */
@Command(name = "kconnect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run and administer Kafka Connect, with the Kinetica connector built in.",
            ""
        },
        subcommands = {
            SandboxCommand.class,
            StandaloneCommand.class,
            DistributedCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class,
        },
        footer = {"", ExitCode.HELP})
public final class KConnect implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // no subcommand: show what there is
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return new CommandLine(new KConnect());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

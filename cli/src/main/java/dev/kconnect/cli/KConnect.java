package dev.kconnect.cli;

import dev.kconnect.cli.command.CompleteCommand;
import dev.kconnect.cli.command.CompletionCommand;
import dev.kconnect.cli.command.ConfigCommand;
import dev.kconnect.cli.command.CreateCommand;
import dev.kconnect.cli.command.DeleteCommand;
import dev.kconnect.cli.command.DistributedCommand;
import dev.kconnect.cli.command.GetCommand;
import dev.kconnect.cli.command.InfoCommand;
import dev.kconnect.cli.command.ListCommand;
import dev.kconnect.cli.command.PauseCommand;
import dev.kconnect.cli.command.PutCommand;
import dev.kconnect.cli.command.RestartCommand;
import dev.kconnect.cli.command.ResumeCommand;
import dev.kconnect.cli.command.SandboxCommand;
import dev.kconnect.cli.command.StandaloneCommand;
import dev.kconnect.cli.command.StatusCommand;
import dev.kconnect.cli.command.StopCommand;
import dev.kconnect.cli.command.TasksCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
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
            // connectors on a running worker (REST API)
            ListCommand.class,
            GetCommand.class,
            StatusCommand.class,
            ConfigCommand.class,
            TasksCommand.class,
            CreateCommand.class,
            PutCommand.class,
            DeleteCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            StopCommand.class,
            RestartCommand.class,
            InfoCommand.class,
            // workers in this process
            SandboxCommand.class,
            StandaloneCommand.class,
            DistributedCommand.class,
            // the shell
            CompletionCommand.class,
            CompleteCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", ExitCode.HELP})
public final class KConnect implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On errors, print the stack trace after the one-line message.")
    boolean verbose;

    @Override
    public void run() {
        // no subcommand: show what there is
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new KConnect())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

package dev.kconnect.cli;

import dev.kconnect.cli.command.ApplyCommand;
import dev.kconnect.cli.command.CompleteCommand;
import dev.kconnect.cli.command.CompletionCommand;
import dev.kconnect.cli.command.ConfigCommand;
import dev.kconnect.cli.command.ContextCommand;
import dev.kconnect.cli.command.CreateCommand;
import dev.kconnect.cli.command.DeleteCommand;
import dev.kconnect.cli.command.DiffCommand;
import dev.kconnect.cli.command.DistributedCommand;
import dev.kconnect.cli.command.GetCommand;
import dev.kconnect.cli.command.InfoCommand;
import dev.kconnect.cli.command.ListCommand;
import dev.kconnect.cli.command.LoggersCommand;
import dev.kconnect.cli.command.OffsetsCommand;
import dev.kconnect.cli.command.PauseCommand;
import dev.kconnect.cli.command.PluginsCommand;
import dev.kconnect.cli.command.PutCommand;
import dev.kconnect.cli.command.RestartCommand;
import dev.kconnect.cli.command.ResumeCommand;
import dev.kconnect.cli.command.SandboxCommand;
import dev.kconnect.cli.command.StandaloneCommand;
import dev.kconnect.cli.command.StatusCommand;
import dev.kconnect.cli.command.StopCommand;
import dev.kconnect.cli.command.TasksCommand;
import dev.kconnect.cli.command.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.List;

/** The {@code kconnect} root command: subcommands only, no action of its own. */
@Command(name = "kconnect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run and administer Kafka Connect, with the Kinetica connector built in.",
            ""
        },
        subcommandsRepeatable = false,
        footer = {"", ExitCode.HELP})
public final class KConnect implements Runnable {

    /** The subcommands, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
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
            OffsetsCommand.class,
            PluginsCommand.class,
            ValidateCommand.class,
            LoggersCommand.class,
            ApplyCommand.class,
            DiffCommand.class,
            ContextCommand.class,
            // workers in this process
            SandboxCommand.class,
            StandaloneCommand.class,
            DistributedCommand.class,
            // the shell
            CompletionCommand.class,
            CompleteCommand.class,
            CommandLine.HelpCommand.class);

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

    /** The command line with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only the subcommand named {@code only} (all when null). Building
     * picocli's model of every command is the largest part of a short command's start-up, and
     * running one command needs only its own.
     */
    static CommandLine commandLine(String only) {
        CommandLine commandLine = new CommandLine(new KConnect());
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (only == null || only.equals(subcommand.getAnnotation(Command.class).name())) {
                commandLine.addSubcommand(subcommand);
            }
        }
        ErrorHandler errors = new ErrorHandler();
        return commandLine
                // the examples hold whole curl commands: wrapping them mid-URL would break copy and paste
                .setUsageHelpWidth(120)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    public static void main(String[] args) {
        // picocli otherwise looks for Groovy's Closure class when it first loads its factory: on the
        // CLI's classpath of a hundred jars that failed lookup opens every jar, a large part of start-up
        System.setProperty("picocli.disable.closures", "true");
        System.exit(commandLine(subcommandOf(args)).execute(args));
    }

    /**
     * The subcommand the arguments run; "" for {@code --version} alone, which needs none; null for
     * anything else (help, completion, a typo): then all are loaded.
     */
    static String subcommandOf(String[] args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return "";
        }
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                boolean known = SUBCOMMANDS.stream()
                        .map(c -> c.getAnnotation(Command.class).name())
                        .anyMatch(name -> name.equals(arg) && !name.equals("help") && !name.equals("completion"));
                return known ? arg : null;
            }
        }
        return null;
    }
}

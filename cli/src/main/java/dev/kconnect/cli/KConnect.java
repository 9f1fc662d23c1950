package dev.kconnect.cli;

import dev.kconnect.cli.command.connectors.DlqCommand;
import dev.kconnect.cli.command.connectors.HealCommand;
import dev.kconnect.cli.command.connectors.PatchCommand;
import dev.kconnect.cli.command.connectors.ApplyCommand;
import dev.kconnect.cli.command.connectors.ConfigCommand;
import dev.kconnect.cli.command.connectors.CreateCommand;
import dev.kconnect.cli.command.connectors.DeleteCommand;
import dev.kconnect.cli.command.connectors.DiffCommand;
import dev.kconnect.cli.command.connectors.GetCommand;
import dev.kconnect.cli.command.connectors.ListCommand;
import dev.kconnect.cli.command.connectors.MigrateCommand;
import dev.kconnect.cli.command.connectors.OffsetsCommand;
import dev.kconnect.cli.command.connectors.PauseCommand;
import dev.kconnect.cli.command.connectors.PutCommand;
import dev.kconnect.cli.command.connectors.RestartCommand;
import dev.kconnect.cli.command.connectors.ResumeCommand;
import dev.kconnect.cli.command.connectors.StatusCommand;
import dev.kconnect.cli.command.connectors.StopCommand;
import dev.kconnect.cli.command.connectors.TasksCommand;
import dev.kconnect.cli.command.connectors.TopCommand;
import dev.kconnect.cli.command.connectors.ValidateCommand;
import dev.kconnect.cli.command.connectors.WaitCommand;
import dev.kconnect.cli.command.contexts.ContextCommand;
import dev.kconnect.cli.command.data.KineticaCommand;
import dev.kconnect.cli.command.data.TopicCommand;
import dev.kconnect.cli.command.shell.CompleteCommand;
import dev.kconnect.cli.command.shell.CompletionCommand;
import dev.kconnect.cli.command.workers.DistributedCommand;
import dev.kconnect.cli.command.workers.HealthCommand;
import dev.kconnect.cli.command.workers.InfoCommand;
import dev.kconnect.cli.command.workers.LoggersCommand;
import dev.kconnect.cli.command.workers.PluginsCommand;
import dev.kconnect.cli.command.workers.SandboxCommand;
import dev.kconnect.cli.command.workers.StandaloneCommand;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.output.Style;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

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

    /**
     * The subcommands by name, in the order {@code --help} lists them. The names repeat each class's
     * {@code @Command(name)} (a test keeps them equal) so that finding the one to run reads no annotations.
     */
    static final List<Map.Entry<String, Class<?>>> SUBCOMMANDS = List.of(
            // connectors on a running worker (REST API)
            entry("list", ListCommand.class),
            entry("get", GetCommand.class),
            entry("status", StatusCommand.class),
            entry("health", HealthCommand.class),
            entry("heal", HealCommand.class),
            entry("top", TopCommand.class),
            entry("wait", WaitCommand.class),
            entry("config", ConfigCommand.class),
            entry("tasks", TasksCommand.class),
            entry("create", CreateCommand.class),
            entry("put", PutCommand.class),
            entry("patch", PatchCommand.class),
            entry("delete", DeleteCommand.class),
            entry("pause", PauseCommand.class),
            entry("resume", ResumeCommand.class),
            entry("stop", StopCommand.class),
            entry("restart", RestartCommand.class),
            entry("info", InfoCommand.class),
            entry("offsets", OffsetsCommand.class),
            entry("migrate", MigrateCommand.class),
            entry("dlq", DlqCommand.class),
            entry("plugins", PluginsCommand.class),
            entry("validate", ValidateCommand.class),
            entry("loggers", LoggersCommand.class),
            entry("apply", ApplyCommand.class),
            entry("diff", DiffCommand.class),
            entry("context", ContextCommand.class),
            // data in Kafka and Kinetica
            entry("topic", TopicCommand.class),
            entry("kinetica", KineticaCommand.class),
            // workers in this process
            entry("sandbox", SandboxCommand.class),
            entry("standalone", StandaloneCommand.class),
            entry("distributed", DistributedCommand.class),
            // the shell
            entry("completion", CompletionCommand.class),
            entry("__complete", CompleteCommand.class),
            entry("help", CommandLine.HelpCommand.class));

    /** Options of every command that talks to a worker, which may come before the command's name. */
    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-o", "--output", "--url", "--context", "--request-timeout");

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
    public static CommandLine commandLine(String only) {
        CommandLine commandLine = new CommandLine(new KConnect());
        for (Map.Entry<String, Class<?>> subcommand : SUBCOMMANDS) {
            if (only == null || only.equals(subcommand.getKey())) {
                commandLine.addSubcommand(subcommand.getValue());
            }
        }
        ErrorHandler errors = new ErrorHandler();
        return commandLine
                // the examples hold whole curl commands: wrapping them mid-URL would break copy and paste
                .setUsageHelpWidth(120)
                // picocli's own check for a terminal calls System.console(), which loads the JDK's
                // console providers on Java 21+; off a terminal it is asked only when CLICOLOR_FORCE may
                // turn colours on
                .setColorScheme(CommandLine.Help.defaultColorScheme(Style.onTerminal()
                        || System.getenv("CLICOLOR_FORCE") != null ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    public static void main(String[] args) {
        String[] normalized = globalOptionsLast(args);
        System.exit(commandLine(subcommandOf(normalized)).execute(normalized));
    }

    /**
     * The options people give before the command ({@code kconnect -o json list}, as kubectl takes
     * them), moved after it, where each command declares them.
     */
    public static String[] globalOptionsLast(String[] args) {
        List<String> moved = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (GLOBAL_WITH_VALUE.contains(name)) {
                moved.add(arg);
                if (!arg.contains("=") && i + 1 < args.length) {
                    moved.add(args[++i]);
                }
            } else if (arg.equals("--verbose") || arg.startsWith("-o") && arg.length() > 2 && !arg.startsWith("--")) {
                moved.add(arg); // --verbose, or -ojson
            } else {
                break;
            }
            i++;
        }
        if (moved.isEmpty() || i == args.length) {
            return args;
        }
        List<String> all = new ArrayList<>(Arrays.asList(args).subList(i, args.length));
        all.addAll(moved);
        return all.toArray(String[]::new);
    }

    /**
     * The subcommand the arguments run; "" for {@code --version} alone, which needs none; null for
     * anything else (help, completion, a typo): then all are loaded.
     */
    public static String subcommandOf(String[] args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return "";
        }
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                if (arg.equals("help") || arg.equals("completion")) {
                    return null; // they describe every command
                }
                for (Map.Entry<String, Class<?>> subcommand : SUBCOMMANDS) {
                    if (subcommand.getKey().equals(arg)) {
                        return arg;
                    }
                }
                return null;
            }
        }
        return null;
    }
}

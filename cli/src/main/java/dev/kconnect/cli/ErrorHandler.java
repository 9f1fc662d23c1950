package dev.kconnect.cli;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;
import dev.kconnect.cli.input.Closest;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns every failure into one line on stderr and a documented exit code ({@link ExitCode});
 * the stack trace follows only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final String PREFIX = "kconnect: ";

    /**
     * The commands that run servers in the foreground name themselves: their errors stand among the
     * servers' log lines on the console.
     */
    private static final Set<String> SELF_NAMING = Set.of("kconnect standalone", "kconnect distributed", "kconnect sandbox");

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        if (ex instanceof ParameterException pe) {
            return handleParseException(pe, new String[0]);
        }
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        err.println((SELF_NAMING.contains(name) ? name + ": " : PREFIX) + message(ex));
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ex instanceof KConnectException known ? known.exitCode() : ExitCode.ERROR;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        List<String> suggestions = ex instanceof UnmatchedArgumentException unmatched ? suggestions(unmatched) : List.of();
        String suggestion = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
        String what = ex instanceof UnmatchedArgumentException unmatched && commandTypo(unmatched)
                ? "no command '" + unmatched.getUnmatched().get(0) + "'" : oneLine(ex.getMessage());
        err.println(PREFIX + what + suggestion + " (see: " + command.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return ExitCode.USAGE;
    }

    /** A misspelled command: the nearest names (picocli's own guess favours shared letters: lst gave stop, status). */
    private static List<String> suggestions(UnmatchedArgumentException ex) {
        if (commandTypo(ex)) {
            List<String> names = ex.getCommandLine().getSubcommands().entrySet().stream()
                    .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                    .map(Map.Entry::getKey).toList();
            return Closest.to(ex.getUnmatched().get(0), names);
        }
        return ex.getSuggestions();
    }

    /** A word where a command with subcommands expects the name of one. */
    private static boolean commandTypo(UnmatchedArgumentException ex) {
        return !ex.getUnmatched().isEmpty() && !ex.getUnmatched().get(0).startsWith("-")
                && !ex.getCommandLine().getSubcommands().isEmpty();
    }

    private static String message(Exception ex) {
        String message = oneLine(ex.getMessage());
        if (ex instanceof KConnectException known) {
            return known.explain(message);
        }
        // a bug of ours: no input should get here
        return "internal error (" + (message.isEmpty() ? ex.getClass().getSimpleName() : message)
                + "); please report it with the output of --verbose";
    }

    /** Connect's messages span lines (a list of config errors): keep them on one. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip()
                .replaceAll(":\\s*\\R\\s*", ": ")
                .replaceAll("\\s*\\R\\s*", "; ");
    }

    private static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}

package dev.kconnect.cli;

import dev.kconnect.cli.client.ApiException;
import dev.kconnect.cli.client.ClientException;
import dev.kconnect.cli.client.ConflictException;
import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.client.RequestTimedOutException;
import dev.kconnect.cli.client.RequestTooLargeException;
import dev.kconnect.cli.client.UnauthorizedException;
import dev.kconnect.cli.client.TlsFileException;
import dev.kconnect.cli.client.WorkerUnreachableException;
import dev.kconnect.cli.command.AbortedException;
import dev.kconnect.cli.command.FailedStateException;
import dev.kconnect.cli.command.TimedOutException;
import dev.kconnect.cli.config.ContextException;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.kinetica.CredentialsRefusedException;
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

/**
 * Turns every failure into one line on stderr and a documented exit code ({@link ExitCode});
 * the stack trace follows only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final String PREFIX = "kconnect: ";

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        if (ex instanceof ParameterException pe) {
            return handleParseException(pe, new String[0]);
        }
        PrintWriter err = command.getErr();
        err.println(PREFIX + message(ex));
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode(ex);
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

    static int exitCode(Exception ex) {
        if (ex instanceof BadInputException || ex instanceof ContextException || ex instanceof TlsFileException) {
            return ExitCode.USAGE;
        } else if (ex instanceof NotFoundException) {
            return ExitCode.NOT_FOUND;
        } else if (ex instanceof WorkerUnreachableException) {
            return ExitCode.UNREACHABLE;
        } else if (ex instanceof FailedStateException) {
            return ExitCode.FAILED_STATE;
        } else if (ex instanceof TimedOutException || ex instanceof RequestTimedOutException) {
            return ExitCode.TIMED_OUT;
        } else if (ex instanceof UnauthorizedException || ex instanceof CredentialsRefusedException) {
            return ExitCode.UNAUTHORIZED;
        } else if (ex instanceof ConflictException) {
            return ExitCode.CONFLICT;
        } else if (ex instanceof ApiException api && (api.status() == 400 || api.status() == 413)
                || ex instanceof RequestTooLargeException) {
            return ExitCode.USAGE; // the worker found the request (a connector config, offsets) invalid or too large
        }
        return ExitCode.ERROR;
    }

    private static String message(Exception ex) {
        String message = oneLine(ex.getMessage());
        if (ex instanceof UnauthorizedException u) {
            return "the worker refused the credentials (HTTP " + u.status() + "): " + message
                    + "; check --user and its password ($KCONNECT_PASSWORD, --password-file), the token or the context";
        }
        if (ex instanceof ApiException api && !(ex instanceof NotFoundException) && !(ex instanceof ConflictException)) {
            // a proxy's page is summarised as "HTTP 405: …" already
            return message.startsWith("HTTP " + api.status()) ? "the worker answered " + message
                    : "the worker answered HTTP " + api.status() + ": " + message;
        }
        if (ex instanceof ClientException || ex instanceof BadInputException
                || ex instanceof ContextException || ex instanceof FailedStateException || ex instanceof AbortedException
                || ex instanceof TimedOutException) {
            return message;
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

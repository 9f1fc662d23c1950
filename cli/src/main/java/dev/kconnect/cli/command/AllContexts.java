package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.config.Context;
import dev.kconnect.cli.config.ContextStore;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;
import dev.kconnect.cli.input.BadInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * {@code --all-contexts}: one question to every context of the contexts file, each with its own URL
 * and credentials, a few at a time. A context that cannot answer is one line on stderr naming it,
 * and its exit code counts towards the command's (the highest of all), while the others' answers
 * are still shown.
 */
public final class AllContexts {

    /** How many contexts are asked at once: enough to hide a slow one, few enough for a small machine. */
    static final int PARALLEL = 4;

    /** One context's answer, or why there is none ({@code value} null, {@code exitCode} not 0). */
    public record Answer<T>(String context, T value, int exitCode, String error) {

        public boolean answered() {
            return error == null;
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--all-contexts",
            description = "Ask every context (see: kconnect context list), 4 at a time, each at its own URL.")
    public boolean all;

    /**
     * Asks every context with {@code question}, in the contexts' name order. {@code --url} and
     * {@code --context} name one worker: given with this option they are a usage error.
     */
    public <T> List<Answer<T>> ask(ConnectionOptions connection, Function<ConnectClient, T> question) {
        if (connection.url != null || connection.context != null) {
            throw new ParameterException(mixee.commandLine(), "--all-contexts asks every context at its own URL: "
                    + "drop " + (connection.url != null ? "--url" : "--context") + ", or drop --all-contexts");
        }
        connection.checkTimeout(); // once, not once per context
        ContextStore store = ContextStore.standard();
        Map<String, Context> contexts = store.load().contexts();
        if (contexts.isEmpty()) {
            throw new BadInputException("--all-contexts: no contexts in " + store.file()
                    + "; add one with: kconnect context add NAME --url URL");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, contexts.size()), r -> {
            Thread thread = new Thread(r, "kconnect-context");
            thread.setDaemon(true); // a worker that never answers must not keep kconnect from exiting
            return thread;
        });
        try {
            List<Future<Answer<T>>> pending = new ArrayList<>();
            contexts.forEach((name, context) -> pending.add(pool.submit(() -> askOne(connection, name, context, question))));
            List<Answer<T>> answers = new ArrayList<>();
            for (Future<Answer<T>> future : pending) {
                answers.add(future.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the contexts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // askOne catches everything a context can cause
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Answer<T> askOne(ConnectionOptions connection, String name, Context context,
                                        Function<ConnectClient, T> question) {
        try (ConnectClient client = new ConnectClient(connection.settingsOf(name, context))) {
            return new Answer<>(name, question.apply(client), ExitCode.OK, null);
        } catch (KConnectException e) {
            return new Answer<>(name, null, e.exitCode(), e.explain(oneLine(e.getMessage())));
        } catch (ParameterException e) {
            return new Answer<>(name, null, ExitCode.USAGE, oneLine(e.getMessage())); // its URL is not one
        } catch (RuntimeException e) {
            return new Answer<>(name, null, ExitCode.ERROR, oneLine(e.toString()));
        }
    }

    /**
     * Writes one line per context that did not answer on stderr; returns the highest exit code of
     * all contexts (0 when every one answered), the command's.
     */
    public int report(List<? extends Answer<?>> answers) {
        PrintWriter err = mixee.commandLine().getErr();
        int code = ExitCode.OK;
        for (Answer<?> answer : answers) {
            if (!answer.answered()) {
                err.println("kconnect: context '" + answer.context() + "': " + answer.error());
            }
            code = Math.max(code, answer.exitCode());
        }
        err.flush();
        return code;
    }

    /** Connect's messages span lines: keep each on one, as the error handler does. */
    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll(":\\s*\\R\\s*", ": ").replaceAll("\\s*\\R\\s*", "; ");
    }
}

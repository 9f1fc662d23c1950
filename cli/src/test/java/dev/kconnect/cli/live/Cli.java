package dev.kconnect.cli.live;

import dev.kconnect.cli.KConnect;
import dev.kconnect.testkit.Await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Runs kconnect in this JVM the way main() does, capturing stdout, stderr and the exit code. */
public final class Cli {

    /** What a run left behind. */
    public record Result(int code, String out, String err) {

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    /**
     * Runs {@code command} until it succeeds (up to a minute): a worker's listener opens before
     * its REST resources and security extensions are ready. Returns the last result.
     */
    public static Result untilSuccess(Supplier<Result> command) {
        return Await.poll(Duration.ofSeconds(60), command, r -> r.code() == 0);
    }

    /** Runs against the live worker. */
    public static Result run(String... args) {
        return runAgainst(LiveWorker.url(), args);
    }

    /** Runs against the worker at {@code url}: {@code --url} is appended. */
    public static Result runAgainst(String url, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--url");
        all.add(url);
        return runRaw(all.toArray(String[]::new));
    }

    /** Runs with standard input holding {@code stdin}. */
    public static Result runWithStdin(String stdin, String... args) {
        return runWithStdinAgainst(LiveWorker.url(), stdin, args);
    }

    /** Runs against the worker at {@code url} with standard input holding {@code stdin}. */
    public static Result runWithStdinAgainst(String url, String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return runAgainst(url, args);
        } finally {
            System.setIn(saved);
        }
    }

    /** Exactly these arguments. */
    public static Result runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KConnect.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(KConnect.globalOptionsLast(args));
        return new Result(code, out.toString(), err.toString());
    }
}

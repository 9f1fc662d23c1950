package dev.kconnect.cli.live;

import dev.kconnect.cli.KConnect;
import dev.kconnect.testkit.Await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A kconnect command that runs until stopped ({@code heal}), in a thread of its own against the
 * live worker: its output can be read while it runs; {@link #stop} interrupts it, as Ctrl-C would.
 */
public final class BackgroundCli {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger code = new AtomicInteger(Integer.MIN_VALUE);
    private final Thread thread;

    private BackgroundCli(String[] args) {
        thread = new Thread(() -> code.set(KConnect.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args)), "kconnect-" + args[0]);
        thread.start();
    }

    /** Starts {@code args} against the worker at {@code url}. */
    public static BackgroundCli startAgainst(String url, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--url");
        all.add(url);
        return new BackgroundCli(all.toArray(String[]::new));
    }

    public static BackgroundCli start(String... args) {
        return startAgainst(LiveWorker.url(), args);
    }

    /** Standard output so far. */
    public String out() {
        return out.toString();
    }

    /** Waits (up to two minutes) until the output so far satisfies {@code condition}. */
    public void awaitOut(String what, Predicate<String> condition) {
        Await.until(what, Duration.ofSeconds(120), () -> condition.test(out()), () -> "; output so far:\n" + out()
                + "--- stderr\n" + err);
    }

    /** Waits (up to two minutes) until standard error so far satisfies {@code condition}. */
    public void awaitErr(String what, Predicate<String> condition) {
        Await.until(what, Duration.ofSeconds(120), () -> condition.test(err.toString()), () -> "; stderr so far:\n" + err);
    }

    /** Interrupts the command and waits for it to end: its result. */
    public Cli.Result stop() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Cli.Result(code.get(), out.toString(), err.toString());
    }
}

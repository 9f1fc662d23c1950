package dev.kconnect.cli.output;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * The terminal while {@code kconnect top} runs: the alternate screen with the cursor hidden and
 * keys read one at a time (stty -icanon -echo), all put back on {@link #close()} — also when
 * Ctrl-C ends the JVM, through a shutdown hook.
 */
public final class Screen implements AutoCloseable {

    private static final String ENTER = "\u001b[?1049h\u001b[?25l";
    private static final String LEAVE = "\u001b[?25h\u001b[?1049l";
    private static final String HOME_AND_CLEAR = "\u001b[H\u001b[2J";

    private final PrintWriter out;
    private final InputStream keys;
    private final String savedMode;
    private final Thread restoreOnExit = new Thread(this::restore, "kconnect-top-restore");
    private boolean restored;

    private Screen(PrintWriter out, InputStream keys, String savedMode) {
        this.out = out;
        this.keys = keys;
        this.savedMode = savedMode;
    }

    /** Takes over the terminal. */
    public static Screen open(PrintWriter out, InputStream keys) {
        String saved = stty("-g").strip();
        stty("-icanon", "-echo", "min", "0");
        Screen screen = new Screen(out, keys, saved);
        Runtime.getRuntime().addShutdownHook(screen.restoreOnExit);
        out.print(ENTER);
        out.flush();
        return screen;
    }

    /** Starts a frame: the cursor home, the screen cleared. */
    public void clear() {
        out.print(HOME_AND_CLEAR);
    }

    /**
     * Waits up to {@code millis} for a key; true when it was q (or Q), which asks to leave. Other
     * keys are ignored.
     */
    public boolean quitWithin(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            while (System.nanoTime() < deadline) {
                while (keys.available() > 0) {
                    int key = keys.read();
                    if (key == 'q' || key == 'Q') {
                        return true;
                    }
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            // no keyboard after all: run until Ctrl-C
            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return false;
    }

    private synchronized void restore() {
        if (restored) {
            return;
        }
        restored = true;
        out.print(LEAVE);
        out.flush();
        stty(savedMode);
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) anyway
        }
    }

    /** Runs stty on the controlling terminal; its output. */
    private static String stty(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}

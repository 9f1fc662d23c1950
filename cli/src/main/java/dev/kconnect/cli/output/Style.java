package dev.kconnect.cli.output;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ANSI colours for connector and task states; plain text when colours are off. */
public final class Style {

    private static final Pattern STATE = Pattern.compile("\\b(RUNNING|FAILED|PAUSED|STOPPED|UNASSIGNED|RESTARTING|DESTROYED)\\b");
    private static final Map<String, String> COLOURS = Map.of(
            "RUNNING", "32",      // green
            "FAILED", "1;31",     // bold red
            "PAUSED", "33",       // yellow
            "STOPPED", "33",
            "UNASSIGNED", "36",   // cyan
            "RESTARTING", "36",
            "DESTROYED", "35");   // magenta
    private static final String RESET = "\u001b[0m";

    private final boolean colours;

    private Style(boolean colours) {
        this.colours = colours;
    }

    public static final Style PLAIN = new Style(false);
    public static final Style COLOURED = new Style(true);

    /**
     * Colours only when a person reads the output: a terminal on both ends and no
     * {@code NO_COLOR} (https://no-color.org) in the environment.
     */
    public static Style forTerminal() {
        String noColor = System.getenv("NO_COLOR");
        String term = System.getenv("TERM");
        return onTerminal() && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term) ? COLOURED : PLAIN;
    }

    /**
     * Whether standard input and output are both terminals. The launcher tells (-Dkconnect.terminal):
     * on Java 21+ {@code System.console()} loads the JDK's console providers first (runtime/BENCHMARKS.md). Run without the launcher, the JVM's console decides, as it did before.
     */
    public static boolean onTerminal() {
        String told = System.getProperty("kconnect.terminal");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }

    /** Colours every state word in {@code text}. */
    public String states(String text) {
        if (!colours) {
            return text;
        }
        Matcher m = STATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "\u001b[" + COLOURS.get(m.group(1)) + "m" + m.group(1) + RESET);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Green, for a key a change adds. */
    public String added(String text) {
        return colour("32", text);
    }

    /** Red, for a key a change removes. */
    public String removed(String text) {
        return colour("31", text);
    }

    /** Yellow, for a key whose value a change alters. */
    public String changed(String text) {
        return colour("33", text);
    }

    private String colour(String code, String text) {
        return colours ? "\u001b[" + code + "m" + text + RESET : text;
    }

    /** Bold red on the whole line, for what needs attention now (a FAILED row of kconnect top). */
    public String alarm(String text) {
        return colour("1;31", text);
    }

    /** Bold, for headings. */
    public String bold(String text) {
        return colours ? "\u001b[1m" + text + RESET : text;
    }
}

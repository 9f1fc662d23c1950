package dev.kconnect.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changes when a connector's live config becomes the one in a file: keys added, removed
 * and changed, one line each. Values of secret keys are masked, so a diff never shows them.
 *
 * @param live    the config the worker has; null when the connector does not exist yet
 * @param secrets the keys whose values are secrets (PASSWORD type, or named like one)
 */
public record ConfigDiff(Map<String, String> live, Map<String, String> wanted, Set<String> secrets) {

    /** One changed key; {@code before} is null when added, {@code after} null when removed. */
    public record Change(String key, String before, String after) {
    }

    public boolean isNew() {
        return live == null;
    }

    public List<Change> changes() {
        Map<String, String> before = live == null ? Map.of() : live;
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(wanted.keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(before.get(key), wanted.get(key))) {
                changes.add(new Change(key, before.get(key), wanted.get(key)));
            }
        }
        return changes;
    }

    /** The changes with secret values masked, as {@code diff -o json} shows them. */
    public List<Change> maskedChanges() {
        return changes().stream()
                .map(c -> new Change(c.key(), masked(c.key(), c.before()), masked(c.key(), c.after())))
                .toList();
    }

    public boolean isEmpty() {
        return !isNew() && changes().isEmpty();
    }

    /** The diff for people: a heading naming the connector, then {@code + key = value}, {@code - …}, {@code ~ key: a -> b}. */
    public void print(String connector, PrintWriter out, Style style) {
        out.println(style.bold((isNew() ? "+ connector '" : "~ connector '") + connector + "'"
                + (isNew() ? " (new)" : "")));
        for (Change change : maskedChanges()) {
            String key = change.key();
            if (change.before() == null) {
                out.println(style.added("  + " + key + " = " + oneLine(change.after())));
            } else if (change.after() == null) {
                out.println(style.removed("  - " + key + " = " + oneLine(change.before())));
            } else {
                out.println(style.changed("  ~ " + key + ": " + oneLine(change.before()) + " -> "
                        + oneLine(change.after())));
            }
        }
    }

    /** Masked when secret (a ${...} reference to a secret shows as it is). */
    private String masked(String key, String value) {
        if (value == null) {
            return null;
        }
        if (secrets.contains(key) && !value.isEmpty() && !value.startsWith("${")) {
            return Secrets.MASK;
        }
        return Secrets.mask(key, value);
    }

    /** Line breaks written as \\n so each change stays on one line. */
    private static String oneLine(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n");
    }
}

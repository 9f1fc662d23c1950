package dev.kconnect.cli.patch;

import dev.kconnect.cli.input.BadInputException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The keys {@code kconnect patch} sets and removes. On Connect 3.8+ it is sent as it is
 * ({@code PATCH …/config}, a null removing its key); before, it is merged into the live config,
 * which is written back whole: then a value the worker showed masked must not be written back,
 * or the mask would replace the secret.
 */
public record ConfigPatch(Map<String, String> set, Set<String> unset) {

    /** How workers and proxies that hide secrets show them: ********, [hidden], <redacted>, … */
    private static final Pattern MASKED = Pattern.compile("\\*{3,}|[\\[<(](hidden|redacted|masked)[\\]>)]",
            Pattern.CASE_INSENSITIVE);

    public static ConfigPatch parse(List<String> pairs, List<String> unset) {
        Map<String, String> set = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("'" + pair + "' is not KEY=VALUE; write e.g. tasks.max=4 (an empty value: key=)");
            }
            String key = pair.substring(0, eq).strip();
            if (set.put(key, pair.substring(eq + 1)) != null) {
                throw new BadInputException(key + " is given twice; give each key once");
            }
        }
        Set<String> removed = new LinkedHashSet<>();
        for (String key : unset == null ? List.<String>of() : unset) {
            if (set.containsKey(key.strip())) {
                throw new BadInputException(key + " is both set and --unset; give one of them");
            }
            removed.add(key.strip());
        }
        if (set.isEmpty() && removed.isEmpty()) {
            throw new BadInputException("nothing to change: give KEY=VALUE pairs and/or --unset KEY");
        }
        if (set.containsKey("name") || removed.contains("name") || removed.contains("connector.class")) {
            throw new BadInputException("name cannot change and connector.class cannot be removed; create a new connector instead");
        }
        return new ConfigPatch(set, removed);
    }

    /** The body of {@code PATCH /connectors/NAME/config}: the values set, null for each key removed. */
    public Map<String, String> body() {
        Map<String, String> body = new LinkedHashMap<>(set);
        unset.forEach(key -> body.put(key, null));
        return body;
    }

    /** {@code live} with the patch applied. */
    public Map<String, String> applyTo(Map<String, String> live) {
        Map<String, String> merged = new LinkedHashMap<>(live);
        merged.putAll(set);
        unset.forEach(merged::remove);
        return merged;
    }

    /**
     * The config to write back whole (before 3.8): refused when a value the worker showed masked would
     * go back as it is, naming the keys and what to do.
     */
    public Map<String, String> mergeForPut(Map<String, String> live) {
        Set<String> masked = new TreeSet<>();
        live.forEach((key, value) -> {
            if (value != null && MASKED.matcher(value.strip()).matches() && !set.containsKey(key) && !unset.contains(key)) {
                masked.add(key);
            }
        });
        if (!masked.isEmpty()) {
            throw new BadInputException("the worker shows " + String.join(", ", masked) + " masked; before Connect 3.8 a "
                    + "patch writes the whole config back, which would replace the secret with the mask: give "
                    + masked.iterator().next() + "=VALUE too (or a ${file:…} reference), or use a 3.8+ worker");
        }
        return applyTo(live);
    }
}

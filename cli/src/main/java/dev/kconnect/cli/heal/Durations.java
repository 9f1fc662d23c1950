package dev.kconnect.cli.heal;

import dev.kconnect.cli.input.BadInputException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on the command line: 500ms, 30s, 10m, 1h; a bare number is seconds. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private Durations() {
    }

    /** {@code option} names the option in the error, e.g. "--interval". */
    public static Duration parse(String text, String option) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new BadInputException(option + " '" + text + "' is no duration: write 500ms, 30s, 10m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** "30s..10m": the first wait and the longest; one duration alone is both. */
    public static Duration[] range(String text, String option) {
        String[] parts = text == null ? new String[0] : text.split("\\.\\.", -1);
        if (parts.length == 1) {
            Duration d = parse(parts[0], option);
            return new Duration[] {d, d};
        }
        if (parts.length != 2) {
            throw new BadInputException(option + " '" + text + "' is no range: write MIN..MAX, e.g. 30s..10m");
        }
        Duration min = parse(parts[0], option);
        Duration max = parse(parts[1], option);
        if (max.compareTo(min) < 0) {
            throw new BadInputException(option + " '" + text + "': the longest wait comes second, e.g. 30s..10m");
        }
        return new Duration[] {min, max};
    }

    /** 90s as "1m30s", for people. */
    public static String format(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + "m";
        }
        return s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
    }
}

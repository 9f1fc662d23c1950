package dev.kconnect.cli.dlq;

import dev.kconnect.cli.input.BadInputException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The records a replay chooses: conditions FIELD=VALUE (equal), FIELD~REGEX (found in it), FIELD>=N
 * and FIELD<=N (numbers), all of which must hold. Fields are those of the DLQ headers, so people
 * pick by what they saw in {@code kconnect dlq NAME}.
 */
public final class Where {

    static final Map<String, Function<DlqRecord, Object>> FIELDS = Map.of(
            "topic", DlqRecord::topic,
            "partition", DlqRecord::partition,
            "offset", DlqRecord::offset,
            "stage", DlqRecord::stage,
            "class", DlqRecord::pluginClass,
            "exception", DlqRecord::exceptionClass,
            "message", DlqRecord::message,
            "dlq-partition", DlqRecord::dlqPartition,
            "dlq-offset", DlqRecord::dlqOffset);

    private static final Pattern CONDITION = Pattern.compile("([a-z-]+)\\s*(>=|<=|=|~)\\s*(.*)", Pattern.DOTALL);
    private static final String FORMS = "write FIELD=VALUE, FIELD~REGEX, FIELD>=N or FIELD<=N, FIELD one of "
            + "topic, partition, offset, stage, class, exception, message, dlq-partition, dlq-offset";

    private Where() {
    }

    /** All of {@code conditions}; none: every record. */
    public static Predicate<DlqRecord> parse(List<String> conditions) {
        Predicate<DlqRecord> all = r -> true;
        for (String text : conditions == null ? List.<String>of() : conditions) {
            all = all.and(one(text));
        }
        return all;
    }

    private static Predicate<DlqRecord> one(String text) {
        Matcher m = CONDITION.matcher(text.strip());
        if (!m.matches() || !FIELDS.containsKey(m.group(1))) {
            throw new BadInputException("--where '" + text + "': " + FORMS);
        }
        Function<DlqRecord, Object> field = FIELDS.get(m.group(1));
        String value = m.group(3);
        return switch (m.group(2)) {
            case "=" -> r -> field.apply(r) != null && String.valueOf(field.apply(r)).equals(value);
            case "~" -> {
                Pattern regex = regex(text, value);
                yield r -> field.apply(r) != null && regex.matcher(String.valueOf(field.apply(r))).find();
            }
            default -> {
                long n = number(text, value);
                boolean atLeast = m.group(2).equals(">=");
                yield r -> field.apply(r) instanceof Number x && (atLeast ? x.longValue() >= n : x.longValue() <= n);
            }
        };
    }

    private static Pattern regex(String text, String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new BadInputException("--where '" + text + "': not a regular expression (" + e.getDescription() + ")");
        }
    }

    private static long number(String text, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("--where '" + text + "': >= and <= compare numbers (offset>=100); " + FORMS);
        }
    }
}

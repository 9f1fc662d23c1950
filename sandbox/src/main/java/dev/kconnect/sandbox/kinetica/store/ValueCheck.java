package dev.kconnect.sandbox.kinetica.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Kinetica accepts in a column beyond its Avro type, as its documentation gives it: the text
 * of date ({@code YYYY-[M]M-[D]D}, 1000-01-01 to 2900-12-31, or in 9999), time
 * ({@code [H]H:MI:SS[.mmm]}), datetime (a date, optionally a space and a time), decimal (a number
 * with at most precision - scale digits before the point: 14 for plain decimal, DECIMAL(18,4))
 * and uuid (8-4-4-4-12 hex digits) columns, and the range of timestamp columns (the same dates,
 * as epoch milliseconds). Their properties also fit only their base type.
 */
public final class ValueCheck {
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})(\\.\\d{1,3})?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d*)(\\.\\d*)?");
    private static final Pattern DECIMAL_PS = Pattern.compile("decimal\\((\\d+),(\\d+)\\)");
    private static final Pattern UUID = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern CHAR_N = Pattern.compile("char(\\d+)");
    private static final long MIN_TIMESTAMP = -30_610_224_000_000L;
    private static final long MAX_TIMESTAMP = 29_379_542_399_999L;
    private static final List<Integer> CHAR_SIZES = List.of(1, 2, 4, 8, 16, 32, 64, 128, 256);
    /** Properties that make a type of one base type. */
    private static final Map<String, BaseType> BASE_OF = Map.ofEntries(
            Map.entry("date", BaseType.STRING), Map.entry("time", BaseType.STRING),
            Map.entry("datetime", BaseType.STRING), Map.entry("decimal", BaseType.STRING),
            Map.entry("uuid", BaseType.STRING), Map.entry("ulong", BaseType.STRING),
            Map.entry("ipv4", BaseType.STRING), Map.entry("json", BaseType.STRING),
            Map.entry("timestamp", BaseType.LONG), Map.entry("int8", BaseType.INT),
            Map.entry("int16", BaseType.INT), Map.entry("boolean", BaseType.INT));

    private interface Rule {
        /** Null when Kinetica takes the value, else what it must be. */
        String problem(Object value);
    }

    private final String column;
    private final Rule rule;

    private ValueCheck(String column, Rule rule) {
        this.column = column;
        this.rule = rule;
    }

    /** The check of a column's values, or null when its Avro type says all. */
    static ValueCheck of(Column column) {
        Rule rule = null;
        for (String property : column.properties()) {
            Matcher ps = DECIMAL_PS.matcher(property.replace(" ", ""));
            Rule r = switch (property) {
                case "date" -> v -> date((String) v) ? null : "a date YYYY-MM-DD from 1000-01-01 to 2900-12-31";
                case "time" -> v -> time((String) v) ? null : "a time HH:MM:SS[.mmm]";
                case "datetime" -> v -> datetime((String) v) ? null : "a datetime YYYY-MM-DD [HH:MM:SS[.mmm]]";
                case "decimal" -> v -> decimal((String) v, 14) ? null : "a decimal number of up to 14 digits before the point";
                case "uuid" -> v -> UUID.matcher((String) v).matches() ? null : "a UUID (8-4-4-4-12 hex digits)";
                case "timestamp" -> v -> (Long) v >= MIN_TIMESTAMP && (Long) v <= MAX_TIMESTAMP ? null
                        : "epoch milliseconds from " + MIN_TIMESTAMP + " to " + MAX_TIMESTAMP;
                default -> ps.matches() ? decimalRule(Integer.parseInt(ps.group(1)) - Integer.parseInt(ps.group(2))) : null;
            };
            rule = r != null ? r : rule;
        }
        return rule == null ? null : new ValueCheck(column.name(), rule);
    }

    /** Throws Kinetica's error when the (non-null) value does not fit the column. */
    void check(Object value) {
        String problem = rule.problem(value);
        if (problem != null) {
            throw new KineticaError("Invalid value '" + value + "' for column '" + column + "': not " + problem);
        }
    }

    /** Refuses properties that do not fit the column's base type, and char sizes Kinetica does not have. */
    static void checkProperties(Column column) {
        for (String property : column.properties()) {
            BaseType base = BASE_OF.get(property);
            Matcher charN = CHAR_N.matcher(property);
            if (charN.matches() || DECIMAL_PS.matcher(property.replace(" ", "")).matches()) {
                base = BaseType.STRING;
            }
            if (base != null && base != column.type()) {
                throw new KineticaError("Column '" + column.name() + "': property '" + property
                        + "' is valid only for " + base.avroName() + " columns");
            }
            if (charN.matches() && !CHAR_SIZES.contains(Integer.parseInt(charN.group(1)))) {
                throw new KineticaError("Column '" + column.name() + "': invalid property '" + property
                        + "' (char1, char2, char4, ... char256)");
            }
        }
    }

    private static Rule decimalRule(int integerDigits) {
        return v -> decimal((String) v, integerDigits) ? null
                : "a decimal number of up to " + integerDigits + " digits before the point";
    }

    private static boolean date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        return year >= 1000 && year <= 2900 || year == 9999;
    }

    private static boolean time(String text) {
        Matcher m = TIME.matcher(text);
        return m.matches() && Integer.parseInt(m.group(1)) < 24 && Integer.parseInt(m.group(2)) < 60
                && Integer.parseInt(m.group(3)) < 60;
    }

    private static boolean datetime(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? date(text) : date(text.substring(0, space)) && time(text.substring(space + 1));
    }

    private static boolean decimal(String text, int integerDigits) {
        String trimmed = text.trim();
        if (!DECIMAL.matcher(trimmed).matches() || trimmed.replaceAll("[+\\-.]", "").isEmpty()) {
            return false;
        }
        BigDecimal d = new BigDecimal(trimmed);
        return d.precision() - d.scale() <= integerDigits;
    }
}

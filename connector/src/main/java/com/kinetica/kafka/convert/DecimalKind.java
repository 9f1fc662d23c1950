package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * decimal columns: numbers as plain text. Read as Connect's Decimal with the column's scale
 * (decimal(p,s) on newer servers; gpudb-api 7.1 only knows "decimal", scale 4).
 */
final class DecimalKind extends Kind {
    private static final Pattern PRECISION_SCALE = Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
    private static final int DEFAULT_PRECISION = 18;
    private static final int DEFAULT_SCALE = 4;
    private static final String PRECISION = "connect.decimal.precision";

    DecimalKind() {
        super(String.class, ColumnProperty.DECIMAL);
    }

    @Override
    boolean marks(Type.Column column) {
        return super.marks(column) || precisionScale(column) != null;
    }

    @Override
    Object toKinetica(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue()).toPlainString();
        }
        if (v instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (VariableScaleDecimal.isOne(v)) {
            return VariableScaleDecimal.read(v).toPlainString();
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim()).toPlainString();
            } catch (NumberFormatException e) {
                throw cannot(v, "a decimal number");
            }
        }
        throw cannot(v, "a decimal number");
    }

    @Override
    Schema schema(Type.Column column) {
        Matcher m = precisionScale(column);
        String precision = m == null ? Integer.toString(DEFAULT_PRECISION) : m.group(1);
        return Decimal.builder(scale(m)).parameter(PRECISION, precision).build();
    }

    /**
     * Whether a decimal column, as gpudb-api 7.1 makes it (DECIMAL(18,4)), holds every value of a
     * Connect Decimal schema: a scale up to 4, and at most 14 digits before the point when the
     * schema says its precision (Debezium's do). Without a precision it is taken to fit.
     */
    static boolean holds(Schema decimal) {
        Map<String, String> parameters = decimal.parameters() == null ? Map.of() : decimal.parameters();
        try {
            int scale = Integer.parseInt(parameters.getOrDefault(Decimal.SCALE_FIELD, "0"));
            String precision = parameters.get(PRECISION);
            return scale <= DEFAULT_SCALE
                    && (precision == null || Integer.parseInt(precision) - scale <= DEFAULT_PRECISION - DEFAULT_SCALE);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    Function<Object, Object> toConnect(Type.Column column) {
        int scale = scale(precisionScale(column));
        return v -> new BigDecimal(v.toString().trim()).setScale(scale, RoundingMode.HALF_UP);
    }

    private static int scale(Matcher precisionScale) {
        return precisionScale == null ? DEFAULT_SCALE : Integer.parseInt(precisionScale.group(2));
    }

    /** The matched decimal(p,s) property of the column, or null. */
    private static Matcher precisionScale(Type.Column column) {
        Matcher found = null;
        for (String property : column.getProperties()) {
            Matcher m = PRECISION_SCALE.matcher(property.replace(" ", ""));
            if (m.matches()) {
                found = m;
            }
        }
        return found;
    }
}

package dev.kconnect.sandbox.kinetica.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One column of a table type: its Avro base type, nullability and Kinetica column properties.
 * As in Kinetica, every column has a storage property, which /show/table and /show/types report:
 * {@code data} for numeric and string columns unless given {@code store_only}, and
 * {@code store_only} for bytes columns (which Kinetica cannot hold as {@code data}).
 */
public record Column(String name, BaseType type, boolean nullable, List<String> properties) {
    static final String DATA = "data";
    static final String STORE_ONLY = "store_only";

    public Column {
        properties = withStorage(type, properties);
    }

    private static List<String> withStorage(BaseType type, List<String> given) {
        if (given.contains(DATA) || given.contains(STORE_ONLY)) {
            return List.copyOf(given);
        }
        List<String> properties = new ArrayList<>(given.size() + 1);
        properties.add(type == BaseType.BYTES ? STORE_ONLY : DATA);
        properties.addAll(given);
        return List.copyOf(properties);
    }

    public boolean has(String property) {
        return properties.contains(property);
    }

    public boolean isPrimaryKey() {
        return has("primary_key");
    }

    /** N of a charN property, or 0 when the column has none. */
    public int charLength() {
        for (String property : properties) {
            if (property.startsWith("char") && property.length() > 4
                    && property.substring(4).chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(property.substring(4));
            }
        }
        return 0;
    }
}

package dev.kconnect.sandbox.kinetica.store;

import java.util.List;

/** One column of a table type: its Avro base type, nullability and Kinetica column properties. */
public record Column(String name, BaseType type, boolean nullable, List<String> properties) {

    public Column {
        properties = List.copyOf(properties);
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

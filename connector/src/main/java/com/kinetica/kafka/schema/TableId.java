package com.kinetica.kafka.schema;

/**
 * A Kinetica table: {@code [schema.]table}. An empty schema means the user's default schema.
 */
public record TableId(String schema, String table) {

    public TableId {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("a table name cannot be empty");
        }
        schema = schema == null ? "" : schema;
    }

    /**
     * Reads {@code schema.table} or {@code table}; a name without a schema gets {@code defaultSchema}.
     * Only the first dot separates the schema, as in Kinetica.
     */
    public static TableId parse(String name, String defaultSchema) {
        String trimmed = name.trim();
        int dot = trimmed.indexOf('.');
        if (dot > 0 && dot < trimmed.length() - 1) {
            return new TableId(trimmed.substring(0, dot), trimmed.substring(dot + 1));
        }
        return new TableId(defaultSchema, trimmed);
    }

    /** The name Kinetica's endpoints take. */
    public String qualified() {
        return schema.isEmpty() ? table : schema + "." + table;
    }

    @Override
    public String toString() {
        return qualified();
    }
}

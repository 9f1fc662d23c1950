package dev.kconnect.sandbox.kinetica.store;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kinetica type: the Avro record schema made by /create/type plus per-column properties.
 * Immutable; altering a table makes a new type. Equal definitions get equal ids, as in Kinetica.
 */
public final class TableType {
    private final String label;
    private final List<Column> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final int[] primaryKey;
    private final String definition;
    private final String id;
    private final RowCodec codec;

    public TableType(String label, List<Column> columns) {
        if (columns.isEmpty()) {
            throw new KineticaError("Type must have at least one column");
        }
        this.label = label == null ? "" : label;
        this.columns = List.copyOf(columns);
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            ValueCheck.checkProperties(column);
            if (positions.put(column.name(), i) != null) {
                throw new KineticaError("Duplicate column name '" + column.name() + "'");
            }
            if (column.isPrimaryKey()) {
                if (column.nullable()) {
                    throw new KineticaError("Primary key column '" + column.name() + "' cannot be nullable");
                }
                keys.add(i);
            }
        }
        this.primaryKey = keys.stream().mapToInt(Integer::intValue).toArray();
        this.definition = avroSchema().toString();
        this.id = idOf(definition, properties());
        this.codec = new RowCodec(this.columns, primaryKey);
    }

    /** Parses a /create/type definition (an Avro record schema in JSON) and its column properties. */
    public static TableType parse(String definition, String label, Map<String, List<String>> properties) {
        Schema schema;
        try {
            schema = new Schema.Parser().parse(definition);
        } catch (AvroRuntimeException | NullPointerException e) {
            throw new KineticaError("Invalid type definition: " + e.getMessage());
        }
        if (schema.getType() != Schema.Type.RECORD) {
            throw new KineticaError("Invalid type definition: must be an Avro record");
        }
        for (String name : properties.keySet()) {
            if (schema.getField(name) == null) {
                throw new KineticaError("Properties given for unknown column '" + name + "'");
            }
        }
        List<Column> columns = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            columns.add(column(field, properties.getOrDefault(field.name(), List.of())));
        }
        return new TableType(label, columns);
    }

    private static Column column(Schema.Field field, List<String> given) {
        Schema schema = field.schema();
        boolean nullable = false;
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> branches = schema.getTypes();
            Schema value = null;
            for (Schema branch : branches) {
                if (branch.getType() == Schema.Type.NULL) {
                    nullable = true;
                } else {
                    value = branch;
                }
            }
            // like the gpudb client, only [type, "null"] is a nullable column
            if (branches.size() != 2 || value == null || branches.get(1).getType() != Schema.Type.NULL) {
                throw new KineticaError("Column '" + field.name() + "' has an unsupported union type " + schema
                        + " (a nullable column is [\"<type>\", \"null\"])");
            }
            schema = value;
        }
        List<String> properties = new ArrayList<>(given);
        if (nullable && !properties.contains("nullable")) {
            properties.add("nullable");
        }
        if (!nullable && properties.contains("nullable")) {
            throw new KineticaError("Column '" + field.name() + "' is nullable but its type is not a union with null");
        }
        return new Column(field.name(), BaseType.of(schema.getType().getName()), nullable, properties);
    }

    private Schema avroSchema() {
        List<Schema.Field> fields = new ArrayList<>();
        for (Column column : columns) {
            Schema value = Schema.create(Schema.Type.valueOf(column.type().name()));
            Schema schema = column.nullable()
                    ? Schema.createUnion(value, Schema.create(Schema.Type.NULL)) : value;
            fields.add(new Schema.Field(column.name(), schema));
        }
        return Schema.createRecord("type_name", null, null, false, fields);
    }

    private static String idOf(String definition, Map<String, List<String>> properties) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(definition.getBytes(StandardCharsets.UTF_8));
            digest.update(new TreeMap<>(properties).toString().getBytes(StandardCharsets.UTF_8));
            byte[] hash = digest.digest();
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return Long.toUnsignedString(value >>> 1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }

    public List<Column> columns() {
        return columns;
    }

    public RowCodec codec() {
        return codec;
    }

    public int[] primaryKey() {
        return primaryKey.clone();
    }

    /** The column's position, or -1. */
    public int position(String column) {
        Integer position = positions.get(column);
        return position == null ? -1 : position;
    }

    public Column column(String name) {
        int position = position(name);
        if (position < 0) {
            throw new KineticaError("Column '" + name + "' does not exist");
        }
        return columns.get(position);
    }

    /** Column properties as Kinetica reports them: every column, each with its storage property at least. */
    public Map<String, List<String>> properties() {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        for (Column column : columns) {
            properties.put(column.name(), column.properties());
        }
        return properties;
    }

    /** The key a row is indexed by: the primary key value(s), or null when the type has no primary key. */
    public Object keyOf(Object[] row) {
        if (primaryKey.length == 0) {
            return null;
        }
        if (primaryKey.length == 1) {
            return row[primaryKey[0]];
        }
        Object[] key = new Object[primaryKey.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = row[primaryKey[i]];
        }
        return java.util.Arrays.asList(key);
    }
}

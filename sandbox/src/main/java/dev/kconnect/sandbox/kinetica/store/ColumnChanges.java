package dev.kconnect.sandbox.kinetica.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Column alterations (/alter/table add_column, change_column, delete_column and their
 * /alter/table/columns batch form): each gives a new type and a function rewriting old rows.
 */
public final class ColumnChanges {
    /** A new type and how a row of the old type becomes a row of it. */
    public record Change(TableType type, UnaryOperator<Object[]> rows) {
        Change then(Change next) {
            UnaryOperator<Object[]> first = rows;
            return new Change(next.type, row -> next.rows.apply(first.apply(row)));
        }
    }

    private ColumnChanges() {
    }

    /** Applies alterations in order and then rewrites the table's rows once. */
    public static TableType alter(Catalog catalog, Table table, List<Map<String, String>> alterations) {
        synchronized (table) {
            Change change = new Change(table.type(), UnaryOperator.identity());
            for (Map<String, String> alteration : alterations) {
                change = change.then(change(change.type(), alteration.get("action"),
                        alteration.get("column_name"), alteration));
            }
            TableType type = catalog.register(change.type());
            table.alter(type, change.rows());
            return type;
        }
    }

    public static Change change(TableType type, String action, String column, Map<String, String> options) {
        if (column == null || column.isBlank()) {
            throw new KineticaError("A column name is needed for " + action);
        }
        return switch (action == null ? "" : action) {
            case "add_column" -> add(type, column, options);
            case "change_column" -> modify(type, column, options);
            case "delete_column" -> delete(type, column);
            default -> throw new KineticaError("Unsupported column action '" + action
                    + "' (the emulator supports add_column, change_column, delete_column)");
        };
    }

    private static Change add(TableType type, String name, Map<String, String> options) {
        if (type.position(name) >= 0) {
            throw new KineticaError("Column '" + name + "' already exists");
        }
        String columnType = options.get("column_type");
        if (columnType == null) {
            throw new KineticaError("add_column needs option column_type");
        }
        List<String> properties = properties(options.get("column_properties"));
        Column column = column(name, baseType(columnType, properties), properties);
        Object fill = fill(column, options.get("column_default_value"));
        List<Column> columns = new ArrayList<>(type.columns());
        columns.add(column);
        return new Change(new TableType(type.label(), columns), row -> {
            Object[] added = Arrays.copyOf(row, row.length + 1);
            added[row.length] = fill;
            return added;
        });
    }

    private static Change modify(TableType type, String name, Map<String, String> options) {
        int position = type.position(name);
        Column old = type.column(name);
        List<String> properties = options.containsKey("column_properties")
                ? properties(options.get("column_properties")) : new ArrayList<>(old.properties());
        BaseType baseType = options.containsKey("column_type")
                ? baseType(options.get("column_type"), properties) : old.type();
        for (String kept : List.of("primary_key", "shard_key")) {
            if (old.has(kept) && !properties.contains(kept)) {
                properties.add(kept);
            }
        }
        String newName = options.getOrDefault("rename_column", name);
        if (!newName.equals(name) && type.position(newName) >= 0) {
            throw new KineticaError("Column '" + newName + "' already exists");
        }
        Column column = column(newName, baseType, properties);
        Object fill = options.containsKey("column_default_value")
                ? fill(column, options.get("column_default_value")) : null;
        List<Column> columns = new ArrayList<>(type.columns());
        columns.set(position, column);
        return new Change(new TableType(type.label(), columns), row -> {
            Object[] changed = row.clone();
            Object value = Conversions.convert(row[position], baseType, newName);
            if (value == null && !column.nullable()) {
                if (fill == null) {
                    throw new KineticaError("Column '" + newName + "' holds nulls; give column_default_value"
                            + " or keep it nullable");
                }
                value = fill;
            }
            changed[position] = value;
            return changed;
        });
    }

    private static Change delete(TableType type, String name) {
        int position = type.position(name);
        if (type.column(name).isPrimaryKey()) {
            throw new KineticaError("Cannot delete primary key column '" + name + "'");
        }
        List<Column> columns = new ArrayList<>(type.columns());
        columns.remove(position);
        return new Change(new TableType(type.label(), columns), row -> {
            Object[] removed = new Object[row.length - 1];
            System.arraycopy(row, 0, removed, 0, position);
            System.arraycopy(row, position + 1, removed, position, row.length - position - 1);
            return removed;
        });
    }

    /**
     * Reads column_type: an Avro primitive ("byte" is taken for bytes), where a ",null" also makes
     * the column nullable, as in "string,null".
     */
    private static BaseType baseType(String columnType, List<String> properties) {
        BaseType base = null;
        for (String part : columnType.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.equals("null")) {
                if (!properties.contains("nullable")) {
                    properties.add("nullable");
                }
            } else if (base == null) {
                base = BaseType.of(name.equals("byte") ? "bytes" : name);
            } else {
                throw new KineticaError("column_type '" + columnType + "' names more than one type");
            }
        }
        if (base == null) {
            throw new KineticaError("column_type '" + columnType + "' names no type");
        }
        return base;
    }

    private static Column column(String name, BaseType type, List<String> properties) {
        return new Column(name, type, properties.contains("nullable"), properties);
    }

    private static List<String> properties(String list) {
        List<String> properties = new ArrayList<>();
        if (list != null) {
            for (String property : list.split(",")) {
                if (!property.isBlank()) {
                    properties.add(property.trim());
                }
            }
        }
        return properties;
    }

    /** What existing rows hold in a new column: the default, else null, else the type's zero. */
    private static Object fill(Column column, String defaultValue) {
        if (defaultValue != null) {
            return Conversions.convert(defaultValue, column.type(), column.name());
        }
        return column.nullable() ? null : column.type().zero();
    }
}

package dev.kconnect.sandbox.kinetica.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Everything the emulated database holds: schemas, types and tables, all in memory. */
public final class Catalog {
    public static final String DEFAULT_SCHEMA = "ki_home";

    private final Map<String, TableType> types = new ConcurrentHashMap<>();
    private final Set<String> schemas = ConcurrentHashMap.newKeySet();
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Table.InsertListener inserts;

    /** @param inserts told of every insert into every table (the table monitors) */
    public Catalog(Table.InsertListener inserts) {
        this.inserts = inserts;
        schemas.add(DEFAULT_SCHEMA);
    }

    public Catalog() {
        this(Table.InsertListener.NONE);
    }

    /** {@code schema.table} for a name given with or without its schema. */
    public static String qualify(String name) {
        if (name == null || name.isBlank()) {
            throw new KineticaError("Table name must not be empty");
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return DEFAULT_SCHEMA + "." + name;
        }
        if (dot == 0 || dot == name.length() - 1 || name.indexOf('.', dot + 1) >= 0) {
            throw new KineticaError("Invalid table name '" + name + "' (expected table or schema.table)");
        }
        return name;
    }

    public static String schemaOf(String qualifiedName) {
        return qualifiedName.substring(0, qualifiedName.indexOf('.'));
    }

    public TableType register(TableType type) {
        return types.computeIfAbsent(type.id(), id -> type);
    }

    public TableType type(String id) {
        TableType type = types.get(id);
        if (type == null) {
            throw new KineticaError("Type '" + id + "' does not exist");
        }
        return type;
    }

    public Collection<TableType> types() {
        return types.values();
    }

    public synchronized Table createTable(String name, String typeId, boolean noErrorIfExists) {
        String qualified = qualify(name);
        TableType type = type(typeId);
        String schema = schemaOf(qualified);
        if (!schemas.contains(schema)) {
            throw new KineticaError("Schema '" + schema + "' does not exist; create it with /create/schema");
        }
        Table existing = tables.get(qualified);
        if (existing != null) {
            if (noErrorIfExists && existing.type().id().equals(typeId)) {
                return existing;
            }
            throw new KineticaError("Table '" + qualified + "' already exists"
                    + (noErrorIfExists ? " with a different type" : ""));
        }
        Table table = new Table(qualified, type, inserts);
        tables.put(qualified, table);
        return table;
    }

    public Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(qualify(name)));
    }

    public Table table(String name) {
        return find(name).orElseThrow(() -> new KineticaError("Table '" + qualify(name) + "' does not exist"));
    }

    public boolean dropTable(String name) {
        return tables.remove(qualify(name)) != null;
    }

    /** Table names (schema.table), sorted. */
    public List<String> tableNames() {
        return new ArrayList<>(new TreeSet<>(tables.keySet()));
    }

    public List<Table> tablesIn(String schema) {
        Map<String, Table> sorted = new TreeMap<>(tables);
        List<Table> result = new ArrayList<>();
        sorted.forEach((name, table) -> {
            if (schemaOf(name).equals(schema)) {
                result.add(table);
            }
        });
        return result;
    }

    public synchronized void createSchema(String schema, boolean noErrorIfExists) {
        if (schema == null || schema.isBlank() || schema.contains(".")) {
            throw new KineticaError("Invalid schema name '" + schema + "'");
        }
        if (!schemas.add(schema) && !noErrorIfExists) {
            throw new KineticaError("Schema '" + schema + "' already exists");
        }
    }

    /**
     * Drops a schema; with {@code cascade} its tables too, else only when it holds none. Returns
     * false when it does not exist. The default schema stays: unqualified names resolve to it.
     */
    public synchronized boolean dropSchema(String schema, boolean cascade) {
        if (!schemas.contains(schema)) {
            return false;
        }
        if (schema.equals(DEFAULT_SCHEMA)) {
            throw new KineticaError("Cannot drop schema '" + schema + "': it is the default schema");
        }
        List<Table> held = tablesIn(schema);
        if (!held.isEmpty() && !cascade) {
            throw new KineticaError("Cannot drop schema '" + schema + "': it holds " + held.size()
                    + " table(s); drop them first or use option cascade");
        }
        held.forEach(table -> tables.remove(table.name()));
        schemas.remove(schema);
        return true;
    }

    public boolean hasSchema(String schema) {
        return schemas.contains(schema);
    }

    public List<String> schemas() {
        return new ArrayList<>(new TreeSet<>(schemas));
    }
}

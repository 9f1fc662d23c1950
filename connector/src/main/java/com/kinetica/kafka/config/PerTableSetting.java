package com.kinetica.kafka.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list option whose entries are either a value for every table ({@code id}) or a value for
 * one table ({@code ki_home.orders=order_id}); the per-table entries win. An empty list means
 * "not set", so the caller detects the value.
 */
public final class PerTableSetting {
    private final String fallback;
    private final Map<String, String> perTable;

    private PerTableSetting(String fallback, Map<String, String> perTable) {
        this.fallback = fallback;
        this.perTable = perTable;
    }

    /** Parses the entries; throws a ConfigException naming {@code option} when they are malformed. */
    public static PerTableSetting parse(String option, List<String> entries) {
        String fallback = null;
        Map<String, String> perTable = new LinkedHashMap<>();
        for (String raw : entries) {
            String entry = raw.trim();
            int eq = entry.lastIndexOf('=');
            if (eq < 0) {
                if (entry.isEmpty()) {
                    continue;
                }
                if (fallback != null) {
                    throw new ConfigException(option, String.join(",", entries),
                            "has two values for all tables ('" + fallback + "' and '" + entry
                                    + "'); give one, and 'table=value' for the exceptions");
                }
                fallback = entry;
            } else {
                String table = entry.substring(0, eq).trim();
                String value = entry.substring(eq + 1).trim();
                if (table.isEmpty() || value.isEmpty()) {
                    throw new ConfigException(option, String.join(",", entries),
                            "has the entry '" + entry + "'; write it as 'table=value'");
                }
                if (perTable.put(table, value) != null) {
                    throw new ConfigException(option, String.join(",", entries),
                            "names the table '" + table + "' twice");
                }
            }
        }
        return new PerTableSetting(fallback, perTable);
    }

    /** The value for {@code table}, or null when neither a per-table nor a general value is set. */
    public String forTable(String table) {
        return perTable.getOrDefault(table, fallback);
    }

    /** Tables named in per-table entries. */
    public Set<String> tables() {
        return perTable.keySet();
    }

    /** Checks the syntax and, when {@code allowed} is not empty, that every value is one of them. */
    public static ConfigDef.Validator validator(Set<String> allowed) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                @SuppressWarnings("unchecked")
                List<String> entries = value == null ? List.of() : (List<String>) value;
                PerTableSetting setting = parse(name, entries);
                if (allowed.isEmpty()) {
                    return;
                }
                checkAllowed(name, setting.fallback, allowed);
                setting.perTable.values().forEach(v -> checkAllowed(name, v, allowed));
            }

            @Override
            public String toString() {
                String values = allowed.isEmpty() ? "value" : String.join("|", allowed);
                return "[" + values + "][,table=" + values + "]...";
            }
        };
    }

    private static void checkAllowed(String name, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new ConfigException(name, value, "must be one of " + String.join(", ", allowed));
        }
    }
}

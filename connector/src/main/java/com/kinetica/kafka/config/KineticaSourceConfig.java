package com.kinetica.kafka.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The options of the Kinetica source connector and its tasks. */
public final class KineticaSourceConfig extends AbstractConfig {
    public static final String TABLES_GROUP = "Tables";
    public static final String READING_GROUP = "Reading";
    public static final String RETRY_GROUP = "Retries";

    public static final String TABLE_NAMES = "kinetica.table_names";
    public static final String TOPIC_PREFIX = "kinetica.topic_prefix";
    public static final String SCHEMA_VERSION = "kinetica.kafka_schema_version";

    public static final String MODE = "kinetica.source.mode";
    public static final String INCREMENTING_COLUMN = "kinetica.source.incrementing_column";
    public static final String TIMESTAMP_COLUMN = "kinetica.source.timestamp_column";
    public static final String INITIAL_POSITION = "kinetica.source.initial_position";
    public static final String POLL_INTERVAL_MS = "kinetica.source.poll_interval_ms";
    public static final String BATCH_SIZE = "kinetica.source.batch_size";
    public static final String TABLE_MONITOR = "kinetica.source.table_monitor";

    public static final String MAX_RETRIES = "kinetica.source.max_retries";
    public static final String RETRY_BACKOFF_MS = "kinetica.source.retry_backoff_ms";

    public static final String EARLIEST = "earliest";
    public static final String LATEST = "latest";

    public static final ConfigDef CONFIG_DEF = define();

    public KineticaSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        int versions = schemaVersions().size();
        if (versions > 1 && versions != tables().size()) {
            throw new ConfigException(SCHEMA_VERSION, getList(SCHEMA_VERSION), "gives " + versions + " versions for "
                    + tables().size() + " tables in " + TABLE_NAMES + ": give one per table, one for all, or none");
        }
        // per-table entries must name a table that is read, or they are a typo
        for (String option : List.of(MODE, INCREMENTING_COLUMN, TIMESTAMP_COLUMN)) {
            for (String table : perTable(option).tables()) {
                if (!tables().contains(table)) {
                    throw new ConfigException(option, getList(option),
                            "names the table '" + table + "', which is not in " + TABLE_NAMES);
                }
            }
        }
    }

    private static ConfigDef define() {
        ConfigDef def = ConnectionConfig.define(new ConfigDef());
        int order = 0;
        def.define(TABLE_NAMES, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new TableNamesValidator(), Importance.HIGH,
                        "Comma-separated Kinetica tables to read, optionally schema-qualified (ki_home.orders). "
                                + "They are spread over up to tasks.max tasks.",
                        TABLES_GROUP, ++order, Width.LONG, "Tables")
                .define(TOPIC_PREFIX, Type.STRING, "", Importance.MEDIUM,
                        "Prefix of the topic names: a table's rows go to prefix + table name. Characters "
                                + "that Kafka does not allow in topic names (anything but letters, digits, '.', "
                                + "'_' and '-') become '_', so ki_home.orders with prefix 'kin-' goes to "
                                + "'kin-ki_home.orders'.",
                        TABLES_GROUP, ++order, Width.MEDIUM, "Topic prefix")
                .define(SCHEMA_VERSION, Type.LIST, "", new SchemaVersionValidator(), Importance.LOW,
                        "Version set on the Connect key and value schemas, a positive integer: one for all "
                                + "tables, or one per table in the order of " + TABLE_NAMES + " ('1,2,3' for "
                                + "three tables), as Kinetica's original connector took it; empty for none.",
                        TABLES_GROUP, ++order, Width.SHORT, "Schema version");
        order = 0;
        def.define(MODE, Type.LIST, ReadMode.AUTO.configValue(), PerTableSetting.validator(ReadMode.configValues()),
                        Importance.HIGH,
                        "How new rows are found: 'incrementing' (a strictly increasing integer column, e.g. the "
                                + "primary key; inserts only, no row lost or repeated), 'timestamp' (a column set "
                                + "to the insert/update time; updates too; rows sharing the last timestamp read "
                                + "may be read again after a restart), 'timestamp+incrementing' (both: updates "
                                + "too, no duplicates) or 'auto' (the columns named in the two options below; "
                                + "else incrementing on the table's single integer primary key column; else "
                                + "timestamp on its only timestamp column). One value for all tables and/or "
                                + "'table=mode' entries, e.g. 'incrementing,ki_home.events=timestamp'.",
                        READING_GROUP, ++order, Width.MEDIUM, "Mode")
                .define(INCREMENTING_COLUMN, Type.LIST, "", PerTableSetting.validator(Set.of()), Importance.MEDIUM,
                        "The incrementing column (int8, int16, int or long), for all tables and/or per table "
                                + "('id,ki_home.orders=order_id'). Empty: the table's single integer primary key column.",
                        READING_GROUP, ++order, Width.MEDIUM, "Incrementing column")
                .define(TIMESTAMP_COLUMN, Type.LIST, "", PerTableSetting.validator(Set.of()), Importance.MEDIUM,
                        "The timestamp column (long with the timestamp property, or datetime), for all tables "
                                + "and/or per table ('updated_at,ki_home.orders=changed'). Empty: the table's only "
                                + "timestamp column.",
                        READING_GROUP, ++order, Width.MEDIUM, "Timestamp column")
                .define(INITIAL_POSITION, Type.STRING, EARLIEST, ConfigDef.ValidString.in(EARLIEST, LATEST),
                        Importance.MEDIUM,
                        "Where a table without a stored offset starts: 'earliest' sends the rows already in the "
                                + "table, 'latest' only rows added after the task first reads it. Until a "
                                + "table's first row is sent there is no offset, so a restart before that takes "
                                + "'latest' anew.",
                        READING_GROUP, ++order, Width.SHORT, "Initial position")
                .define(POLL_INTERVAL_MS, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "How long a task waits, in milliseconds, before asking its tables again after they had "
                                + "no new rows.",
                        READING_GROUP, ++order, Width.SHORT, "Poll interval (ms)")
                .define(BATCH_SIZE, Type.INT, 10000, ConfigDef.Range.between(1, 1_000_000), Importance.MEDIUM,
                        "Rows asked of Kinetica in one /get/records call, and the most rows one poll returns "
                                + "per table. Kinetica caps a call at its max_get_records_size (20000 by default).",
                        READING_GROUP, ++order, Width.SHORT, "Batch size")
                .define(TABLE_MONITOR, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Whether each task opens a Kinetica table monitor per table and sends the rows Kinetica "
                                + "publishes on it (ZeroMQ, its conf.set_monitor_port) as they are inserted, "
                                + "within milliseconds, reading the table from its offset whenever the monitor "
                                + "may have missed rows (start, reconnection, a monitor cleared). The table is "
                                + "still read every " + POLL_INTERVAL_MS + " while idle. false: only those reads. "
                                + "Kinetica without a monitor port is read as with false.",
                        READING_GROUP, ++order, Width.SHORT, "Table monitor");
        order = 0;
        // the default budget: waits of 1+2+4+8+16+32 s, so an outage fails the task about a minute after it began
        def.define(MAX_RETRIES, Type.INT, 6, ConfigDef.Range.atLeast(-1), Importance.LOW,
                        "How many times in a row a failed read of Kinetica (unreachable, or answering an "
                                + "error) is retried before the task fails with the error; -1 retries for ever. "
                                + "The wait doubles from " + RETRY_BACKOFF_MS + " up to one minute: with the "
                                + "defaults the task fails 63 s after the first failure. Refused credentials, a "
                                + "missing table or column fail the task at once.",
                        RETRY_GROUP, ++order, Width.SHORT, "Max retries")
                .define(RETRY_BACKOFF_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "Wait before the first retry of a failed read, in milliseconds.",
                        RETRY_GROUP, ++order, Width.SHORT, "Retry backoff (ms)");
        return def;
    }

    public ConnectionSettings connection() {
        return ConnectionConfig.settings(this);
    }

    public List<String> tables() {
        return getList(TABLE_NAMES).stream().map(String::trim).toList();
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    /** The schema versions given: none, one for all tables, or one per table. */
    public List<String> schemaVersions() {
        return getList(SCHEMA_VERSION).stream().map(String::trim).toList();
    }

    /** The schema version of {@code table}'s records, or null when none is set. */
    public Integer schemaVersion(String table) {
        List<String> versions = schemaVersions();
        String version = versions.isEmpty() ? "" : versions.get(versions.size() == 1 ? 0 : tables().indexOf(table));
        return version.isEmpty() ? null : Integer.valueOf(version);
    }

    public ReadMode mode(String table) {
        return ReadMode.fromConfig(perTable(MODE).forTable(table));
    }

    /** The configured incrementing column of {@code table}, or null to detect it. */
    public String incrementingColumn(String table) {
        return perTable(INCREMENTING_COLUMN).forTable(table);
    }

    /** The configured timestamp column of {@code table}, or null to detect it. */
    public String timestampColumn(String table) {
        return perTable(TIMESTAMP_COLUMN).forTable(table);
    }

    public boolean startAtLatest() {
        return LATEST.equals(getString(INITIAL_POSITION));
    }

    public int pollIntervalMs() {
        return getInt(POLL_INTERVAL_MS);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public boolean tableMonitor() {
        return getBoolean(TABLE_MONITOR);
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES);
    }

    public long retryBackoffMs() {
        return getLong(RETRY_BACKOFF_MS);
    }

    private PerTableSetting perTable(String option) {
        return PerTableSetting.parse(option, getList(option));
    }

    /** The keys of {@code props} that are sink options (its own, its old names, Connect's topics), sorted. */
    public static Set<String> sinkOnlyKeys(Map<String, String> props) {
        Set<String> found = new TreeSet<>();
        for (String key : props.keySet()) {
            if (SinkOnly.NAMES.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }

    /** Built on first use: the sink's ConfigDef is not needed otherwise. */
    private static final class SinkOnly {
        static final Set<String> NAMES = names();

        private static Set<String> names() {
            Set<String> names = new TreeSet<>(KineticaSinkConfig.configDef().names());
            names.addAll(KineticaSinkConfig.ALIASES.newNameByOld().keySet());
            names.add("topics");
            names.add("topics.regex");
            names.removeAll(CONFIG_DEF.names());
            return names;
        }
    }

    static final class TableNamesValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> tables = (List<String>) value;
            if (tables == null || tables.isEmpty()) {
                throw new ConfigException(name, value, "needs at least one table, e.g. KafkaConnectorTest or ki_home.orders");
            }
            Set<String> seen = new TreeSet<>();
            for (String table : tables) {
                String trimmed = table.trim();
                if (trimmed.isEmpty()) {
                    throw new ConfigException(name, value, "has an empty table name; remove the extra comma");
                }
                if (!seen.add(trimmed)) {
                    throw new ConfigException(name, value, "names the table '" + trimmed + "' twice");
                }
            }
        }

        @Override
        public String toString() {
            return "non-empty list of table names";
        }
    }

    static final class SchemaVersionValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> versions = value == null ? List.of() : (List<String>) value;
            for (String version : versions) {
                if (!version.trim().isEmpty() && !positive(version.trim())) {
                    throw new ConfigException(name, value, "must be positive integers such as 1 (one for all tables, "
                            + "or one per table: 1,2,3), or empty for no version");
                }
            }
        }

        private static boolean positive(String version) {
            try {
                return Integer.parseInt(version) > 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "empty, a positive integer, or one per table";
        }
    }
}

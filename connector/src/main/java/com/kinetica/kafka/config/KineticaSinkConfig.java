package com.kinetica.kafka.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkTask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The sink connector's options: names and defaults of Kinetica's original connector, its
 * deprecated names included, plus primary keys, tombstone deletes and retry backoff. The writing
 * options are defined in {@link WriteOptions}, the change event ones in {@link ChangeEventOptions}.
 */
public final class KineticaSinkConfig extends AbstractConfig {
    public static final String TABLES_GROUP = "Tables";
    public static final String EVOLUTION_GROUP = "Schema evolution";
    public static final String DEPRECATED_GROUP = "Deprecated names";

    public static final String SCHEMA_NAME = "kinetica.tables.schema_name";
    public static final String PREFIX = "kinetica.tables.prefix";
    public static final String DESTINATION_NAME = "kinetica.tables.destination_name";
    public static final String SINGLE_TABLE_PER_TOPIC = "kinetica.tables.single_table_per_topic";
    public static final String CREATE_TABLE = "kinetica.tables.create_table";
    public static final String UPDATE_ON_EXISTING_PK = "kinetica.tables.update_on_existing_pk";
    public static final String PRIMARY_KEYS = "kinetica.tables.primary_keys";
    public static final String DELETE_ON_TOMBSTONE = "kinetica.tables.delete_on_tombstone";
    public static final String PRIMARY_KEY_MODE = "kinetica.tables.primary_key_mode";
    public static final String KEY_MODE_RECORD = "record";
    public static final String KEY_MODE_KAFKA = "kafka";
    /** The key columns of {@link #KEY_MODE_KAFKA}: topic, partition and offset the record was read at. */
    public static final List<String> KAFKA_KEY_COLUMNS = List.of("kafka_topic", "kafka_partition", "kafka_offset");

    public static final String EVOLUTION_ENABLED = "kinetica.schema_evolution.enabled";
    public static final String ADD_NEW_FIELDS = "kinetica.schema_evolution.add_new_fields_as_columns";
    public static final String MAKE_MISSING_NULLABLE = "kinetica.schema_evolution.make_missing_field_nullable";

    /** The original connector's names, still accepted. */
    public static final DeprecatedAliases ALIASES = new DeprecatedAliases()
            .alias("kinetica.collection_name", SCHEMA_NAME)
            .alias("kinetica.table_prefix", PREFIX)
            .alias("kinetica.dest_table_override", DESTINATION_NAME)
            .alias("kinetica.create_table", CREATE_TABLE)
            .alias("kinetica.single_table_per_topic", SINGLE_TABLE_PER_TOPIC)
            .alias("kinetica.update_on_existing_pk", UPDATE_ON_EXISTING_PK)
            .alias("kinetica.allow_schema_evolution", EVOLUTION_ENABLED)
            .alias("kinetica.add_new_fields_as_columns", ADD_NEW_FIELDS)
            .alias("kinetica.make_missing_field_nullable", MAKE_MISSING_NULLABLE);

    private static final ConfigDef CONFIG_DEF = define();

    private final List<String> topics;

    public KineticaSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, ALIASES.resolve(props));
        RetiredOptions.warnIgnored(props);
        // topics and topics.regex belong to Connect's own ConfigDef: read them, do not redefine them
        topics = splitList(props.get(SinkTask.TOPICS_CONFIG));
        String problem = destinationProblem(topics, props.get(SinkTask.TOPICS_REGEX_CONFIG), destinationNames());
        if (problem != null) {
            throw new ConfigException(DESTINATION_NAME, String.join(",", destinationNames()), problem);
        }
        problem = keyModeProblem(kafkaKey(), !primaryKeys().isEmpty(), deleteOnTombstone());
        if (problem != null) {
            throw new ConfigException(PRIMARY_KEY_MODE, getString(PRIMARY_KEY_MODE), problem);
        }
    }

    /** Why the key mode does not fit the other table options, or {@code null} when it does. */
    public static String keyModeProblem(boolean kafkaKey, boolean primaryKeys, boolean deleteOnTombstone) {
        if (kafkaKey && primaryKeys) {
            return "the key is made of the Kafka coordinates: leave " + PRIMARY_KEYS + " empty";
        }
        if (kafkaKey && deleteOnTombstone) {
            return "a tombstone's key does not name a row when the key is the Kafka coordinates: set "
                    + DELETE_ON_TOMBSTONE + "=false";
        }
        return null;
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG_DEF);
    }

    private static ConfigDef define() {
        ConfigDef def = ConnectionConfig.define(new ConfigDef());
        WriteOptions.define(def);
        int order = 0;
        def.define(SCHEMA_NAME, Type.STRING, "", Importance.HIGH,
                        "Kinetica schema of the destination tables (created when missing and table creation "
                                + "is on); empty uses the user's default schema. A destination name of the form "
                                + "schema.table keeps its own schema.",
                        TABLES_GROUP, ++order, Width.MEDIUM, "Schema name")
                .define(PREFIX, Type.STRING, "", Importance.MEDIUM,
                        "Prefix put before every table name derived from a topic or record schema.",
                        TABLES_GROUP, ++order, Width.MEDIUM, "Table prefix")
                .define(DESTINATION_NAME, Type.LIST, "", Importance.MEDIUM,
                        "Table names that replace the derived names: one name for one topic, or a "
                                + "comma-separated list with one name per topic, in the order of 'topics'. Not "
                                + "allowed with topics.regex.",
                        TABLES_GROUP, ++order, Width.LONG, "Destination table names")
                .define(SINGLE_TABLE_PER_TOPIC, Type.BOOLEAN, false, Importance.MEDIUM,
                        "true: every record of a topic goes to the table named after the topic. false: the "
                                + "table is named after the record's value schema (its simple name, after the last "
                                + "dot), or after the topic when the value has no schema name.",
                        TABLES_GROUP, ++order, Width.SHORT, "Single table per topic")
                .define(CREATE_TABLE, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Create missing tables (and schemas) from the first record's schema. When false, a "
                                + "record for a missing table is an error.",
                        TABLES_GROUP, ++order, Width.SHORT, "Create tables")
                .define(UPDATE_ON_EXISTING_PK, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Upsert: a record whose primary key exists replaces the row. When false the row "
                                + "already there is kept and the record is skipped. Either way redelivered records "
                                + "are idempotent in tables with a primary key.",
                        TABLES_GROUP, ++order, Width.SHORT, "Update on existing primary key")
                .define(PRIMARY_KEYS, Type.LIST, "", Importance.MEDIUM,
                        "Fields that form the primary key of tables the connector creates, comma-separated. "
                                + "Empty: the fields of the record key when the key is a struct or a map, else no "
                                + "primary key. Existing tables keep their own keys.",
                        TABLES_GROUP, ++order, Width.LONG, "Primary key fields")
                .define(DELETE_ON_TOMBSTONE, Type.BOOLEAN, false, Importance.MEDIUM,
                        "A record with a null value (tombstone) deletes the row with the record's key from "
                                + "the table of its topic. The table needs a primary key. When false tombstones "
                                + "are skipped.",
                        TABLES_GROUP, ++order, Width.SHORT, "Delete on tombstone")
                .define(PRIMARY_KEY_MODE, Type.STRING, KEY_MODE_RECORD,
                        ConfigDef.CaseInsensitiveValidString.in(KEY_MODE_RECORD, KEY_MODE_KAFKA), Importance.MEDIUM,
                        "record: tables the connector creates get the primary key of " + PRIMARY_KEYS + " or "
                                + "of the record key (none when there is neither). kafka: they get three more "
                                + "columns, " + String.join(", ", KAFKA_KEY_COLUMNS) + ", holding where each record "
                                + "was read, as their primary key, so a record delivered again overwrites its own "
                                + "row: exactly one row per record in a table that has no key of its own. Existing "
                                + "tables need those columns or a primary key of their own. Not with "
                                + PRIMARY_KEYS + " or " + DELETE_ON_TOMBSTONE + ".",
                        TABLES_GROUP, ++order, Width.SHORT, "Primary key mode");
        order = 0;
        def.define(EVOLUTION_ENABLED, Type.BOOLEAN, false, Importance.LOW,
                        "Let the record schema change the table (with the two options below), through "
                                + "/alter/table/columns. When false, tables are never altered.",
                        EVOLUTION_GROUP, ++order, Width.SHORT, "Schema evolution")
                .define(ADD_NEW_FIELDS, Type.BOOLEAN, false, Importance.LOW,
                        "With schema evolution: a field the table has no column for becomes a new nullable "
                                + "column. Without it such fields are ignored (with a warning).",
                        EVOLUTION_GROUP, ++order, Width.SHORT, "Add new fields as columns")
                .define(MAKE_MISSING_NULLABLE, Type.BOOLEAN, false, Importance.LOW,
                        "With schema evolution: a non-nullable column the record has no field for is made "
                                + "nullable. Without it such records are errors.",
                        EVOLUTION_GROUP, ++order, Width.SHORT, "Make missing fields nullable");
        ChangeEventOptions.define(def);
        order = 0;
        for (Map.Entry<String, String> alias : ALIASES.newNameByOld().entrySet()) {
            ConfigDef.ConfigKey target = def.configKeys().get(alias.getValue());
            def.define(alias.getKey(), target.type, null, Importance.LOW,
                    "Deprecated: use " + alias.getValue() + ". Still works; when both are set, "
                            + alias.getValue() + " wins.",
                    DEPRECATED_GROUP, ++order, Width.MEDIUM, alias.getKey());
        }
        RetiredOptions.define(def);
        return def;
    }

    /**
     * Why the destination names do not fit the topics, or {@code null} when they do.
     * Also used by the connector's validation so the REST validate call shows it.
     */
    public static String destinationProblem(List<String> topics, String topicsRegex, List<String> destinations) {
        if (destinations.isEmpty()) {
            return null;
        }
        if (topicsRegex != null && !topicsRegex.isBlank()) {
            return "cannot be used with topics.regex: name the topics in 'topics', one destination table per topic";
        }
        if (destinations.size() != topics.size()) {
            return "needs one table name per topic: " + destinations.size() + " name(s) for " + topics.size()
                    + " topic(s) " + topics;
        }
        return null;
    }

    public ConnectionSettings connection() {
        return ConnectionConfig.settings(this);
    }

    /** The topics named in 'topics', trimmed; empty when the connector uses topics.regex. */
    public List<String> topics() {
        return topics;
    }

    /** Splits a comma-separated list as Connect does, dropping blanks. */
    public static List<String> splitList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public int batchSize() {
        return getInt(WriteOptions.BATCH_SIZE);
    }

    public boolean multiheadEnabled() {
        return getBoolean(WriteOptions.ENABLE_MULTIHEAD);
    }

    public RetryLimits retryLimits() {
        return new RetryLimits(getLong(WriteOptions.RETRY_TIMEOUT_MS), getInt(WriteOptions.RETRY_COUNT),
                getLong(WriteOptions.RETRY_BACKOFF_MS), getLong(WriteOptions.RETRY_BACKOFF_MAX_MS));
    }

    public long lingerMs() {
        return getLong(WriteOptions.LINGER_MS);
    }

    public long writeBudgetMs() {
        return getLong(WriteOptions.WRITE_BUDGET_MS);
    }

    public BufferCaps bufferCaps() {
        return new BufferCaps(getInt(WriteOptions.MAX_BUFFERED_RECORDS), getLong(WriteOptions.MAX_BUFFERED_BYTES));
    }

    public String schemaName() {
        return getString(SCHEMA_NAME).trim();
    }

    public String prefix() {
        return getString(PREFIX);
    }

    public List<String> destinationNames() {
        List<String> names = new ArrayList<>();
        for (String name : getList(DESTINATION_NAME)) {
            names.add(name.trim());
        }
        return names;
    }

    public boolean singleTablePerTopic() {
        return getBoolean(SINGLE_TABLE_PER_TOPIC);
    }

    public boolean createTable() {
        return getBoolean(CREATE_TABLE);
    }

    public boolean updateOnExistingPk() {
        return getBoolean(UPDATE_ON_EXISTING_PK);
    }

    public List<String> primaryKeys() {
        return getList(PRIMARY_KEYS).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean deleteOnTombstone() {
        return getBoolean(DELETE_ON_TOMBSTONE);
    }

    /** Whether tables are keyed by the records' Kafka coordinates. */
    public boolean kafkaKey() {
        return KEY_MODE_KAFKA.equalsIgnoreCase(getString(PRIMARY_KEY_MODE));
    }

    public boolean addNewFields() {
        return getBoolean(EVOLUTION_ENABLED) && getBoolean(ADD_NEW_FIELDS);
    }

    public boolean makeMissingNullable() {
        return getBoolean(EVOLUTION_ENABLED) && getBoolean(MAKE_MISSING_NULLABLE);
    }

    /** Whether Debezium change events are applied; never with Kafka coordinates as the key, which name no row. */
    public boolean applyChangeEvents() {
        return getBoolean(ChangeEventOptions.APPLY_CHANGE_EVENTS) && !kafkaKey();
    }

    public boolean clearOnTruncate() {
        return getBoolean(ChangeEventOptions.CLEAR_ON_TRUNCATE);
    }

    public boolean tableFromSource() {
        return getBoolean(ChangeEventOptions.TABLE_FROM_SOURCE);
    }

    public boolean tableFromStringKey() {
        return getBoolean(ChangeEventOptions.TABLE_FROM_STRING_KEY);
    }
}

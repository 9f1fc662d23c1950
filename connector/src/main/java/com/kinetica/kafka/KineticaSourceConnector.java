package com.kinetica.kafka;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.client.KineticaClients;
import com.kinetica.kafka.config.ConnectionConfig;
import com.kinetica.kafka.config.KineticaSourceConfig;
import com.kinetica.kafka.config.Settings;
import com.kinetica.kafka.config.ReadMode;
import com.kinetica.kafka.source.ReadColumns;
import com.kinetica.kafka.source.SourceOffset;
import com.kinetica.kafka.source.TableAssignment;
import com.kinetica.kafka.source.TableTypes;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kinetica tables into Kafka topics. Spreads kinetica.table_names over up to tasks.max tasks;
 * each task reads its tables by polling /get/records (see {@link KineticaSourceTask}).
 */
public class KineticaSourceConnector extends SourceConnector {
    /** Keys every task config carries, defaults filled in, as Kinetica's documentation shows them. */
    private static final List<String> TASK_KEYS = List.of(ConnectionConfig.URL, ConnectionConfig.USERNAME,
            ConnectionConfig.PASSWORD, ConnectionConfig.TIMEOUT, KineticaSourceConfig.TABLE_NAMES,
            KineticaSourceConfig.TOPIC_PREFIX, KineticaSourceConfig.SCHEMA_VERSION);

    private static final Pattern OPTION_IN_ERROR = Pattern.compile("for configuration (\\S+?):");

    private Map<String, String> props;
    private KineticaSourceConfig config;

    @Override
    public void start(Map<String, String> props) {
        Map<String, String> given = Settings.given(props, KineticaSourceTask.NEEDS);
        this.config = Settings.parse(given, KineticaSourceConfig::new);
        this.props = given;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return KineticaSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        TaskCount.check(props, maxTasks);
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<String> tables : TableAssignment.assign(config.tables(), maxTasks)) {
            Map<String, String> task = new LinkedHashMap<>();
            ConfigDef def = config();
            for (String key : TASK_KEYS) {
                ConfigDef.ConfigKey configKey = def.configKeys().get(key);
                Object fallback = configKey.hasDefault() ? configKey.defaultValue : null;
                task.put(key, fallback == null ? ""
                        : fallback instanceof Password password ? password.value()
                        : ConfigDef.convertToString(fallback, configKey.type));
            }
            props.forEach((key, value) -> {
                if (def.configKeys().containsKey(key)) {
                    task.put(key, value);
                }
            });
            task.put(KineticaSourceConfig.TABLE_NAMES, String.join(",", tables));
            if (config.schemaVersions().size() > 1) {
                // versions go per table, in the order of the tables: each task gets those of its own
                task.put(KineticaSourceConfig.SCHEMA_VERSION, String.join(",", tables.stream()
                        .map(t -> String.valueOf(config.schemaVersion(t))).toList()));
            }
            configs.add(task);
        }
        return configs;
    }

    /** Adds to Connect's checks: options that belong to the sink, and rules across options. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config checked = super.validate(connectorConfigs);
        List<ConfigValue> values = new ArrayList<>(checked.configValues());
        for (String key : KineticaSourceConfig.sinkOnlyKeys(connectorConfigs)) {
            ConfigValue value = new ConfigValue(key, connectorConfigs.get(key), List.of(), new ArrayList<>());
            value.addErrorMessage(key + " is an option of the Kinetica sink connector; the source does not use "
                    + "it: remove it from this source connector's config");
            values.add(value);
        }
        boolean clean = values.stream().allMatch(v -> v.errorMessages().isEmpty());
        if (clean) {
            try {
                new KineticaSourceConfig(connectorConfigs);
            } catch (ConfigException e) {
                Matcher option = OPTION_IN_ERROR.matcher(e.getMessage());
                String name = option.find() ? option.group(1) : KineticaSourceConfig.TABLE_NAMES;
                values.stream().filter(v -> v.name().equals(name)).findFirst()
                        .ifPresent(v -> v.addErrorMessage(e.getMessage()));
            }
        }
        return new Config(values);
    }

    /** Accepts offsets only in the form the tasks store them ({@link SourceOffset}), so a typo fails here. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        offsets.forEach((partition, offset) -> {
            if (partition == null || !(partition.get(SourceOffset.PARTITION_KEY) instanceof String)) {
                throw new ConnectException("A source partition must be {\"table\": \"<table name>\"}, not " + partition);
            }
            try {
                SourceOffset.fromMap(offset);
            } catch (IllegalArgumentException e) {
                throw new ConnectException("Offset of table " + partition.get("table") + ": " + e.getMessage());
            }
        });
        return true;
    }

    /**
     * Exactly-once delivery (exactly.once.source.support) holds when every table is read with an
     * exact offset per row: incrementing or timestamp+incrementing mode. Timestamp mode may re-read
     * a timestamp's rows. Auto mode without named columns picks them from the table, so Kinetica is
     * asked, as the task will do.
     *
     * @throws ConnectException when auto mode has to ask Kinetica and cannot
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        KineticaSourceConfig parsed = new KineticaSourceConfig(connectorConfig);
        List<String> detected = new ArrayList<>();
        for (String table : parsed.tables()) {
            ReadMode mode = parsed.mode(table);
            if (mode == ReadMode.AUTO && parsed.incrementingColumn(table) == null) {
                if (parsed.timestampColumn(table) != null) {
                    return ExactlyOnceSupport.UNSUPPORTED; // auto with only a timestamp column is timestamp mode
                }
                detected.add(table);
            } else if (mode == ReadMode.TIMESTAMP) {
                return ExactlyOnceSupport.UNSUPPORTED;
            }
        }
        for (ReadColumns columns : resolveAuto(parsed, detected)) {
            if (!columns.mode().usesIncrementing()) {
                return ExactlyOnceSupport.UNSUPPORTED;
            }
        }
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** The columns auto mode picks for {@code tables}, asking Kinetica as the task will. */
    private static List<ReadColumns> resolveAuto(KineticaSourceConfig config, List<String> tables) {
        if (tables.isEmpty()) {
            return List.of();
        }
        try {
            GPUdb gpudb = KineticaClients.connect(config.connection());
            List<ReadColumns> resolved = new ArrayList<>();
            for (String table : tables) {
                TableTypes.checkExists(gpudb, table);
                resolved.add(ReadColumns.resolve(table, TableTypes.describe(gpudb, table).type(), ReadMode.AUTO, null, null));
            }
            return resolved;
        } catch (GPUdbException | ConnectException e) {
            throw new ConnectException("Exactly-once support in auto mode depends on the tables' columns, which "
                    + "Kinetica could not tell: " + Failures.summary(e) + " (or name the column in "
                    + KineticaSourceConfig.INCREMENTING_COLUMN + ")", e);
        }
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return KineticaSourceConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }
}

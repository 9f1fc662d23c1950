package com.kinetica.kafka.sink;

import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.connect.data.Schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic to table, as Kinetica's original connector named them:
 * <ol>
 * <li>a destination name configured for the topic, taken as {@code [schema.]table};</li>
 * <li>with single table per topic: prefix + topic;</li>
 * <li>otherwise prefix + the simple name of the value schema (after its last dot), or
 *     prefix + topic when the value has no schema name.</li>
 * </ol>
 * Derived names go into the configured schema; dots in them become underscores, since a dot
 * separates schema and table in Kinetica.
 */
public final class TableNamer {
    private final String schemaName;
    private final String prefix;
    private final boolean singleTablePerTopic;
    private final Map<String, String> destinationByTopic = new HashMap<>();

    public TableNamer(KineticaSinkConfig config) {
        this(config.schemaName(), config.prefix(), config.singleTablePerTopic(), config.topics(),
                config.destinationNames());
    }

    TableNamer(String schemaName, String prefix, boolean singleTablePerTopic, List<String> topics,
               List<String> destinations) {
        this.schemaName = schemaName;
        this.prefix = prefix;
        this.singleTablePerTopic = singleTablePerTopic;
        for (int i = 0; i < destinations.size() && i < topics.size(); i++) {
            destinationByTopic.put(topics.get(i), destinations.get(i));
        }
    }

    public TableId tableFor(String topic, Schema valueSchema) {
        return tableForName(topic, valueSchema == null ? null : valueSchema.name());
    }

    /**
     * The table of a record on {@code topic} whose value is of the type {@code typeName} names
     * (a schema name, or, by the original's rule, a string key), or of no named type when null.
     */
    public TableId tableForName(String topic, String typeName) {
        String destination = destinationByTopic.get(topic);
        if (destination != null) {
            return TableId.parse(destination, schemaName);
        }
        String name = topic;
        if (!singleTablePerTopic && typeName != null && !typeName.isBlank()) {
            name = typeName.substring(typeName.lastIndexOf('.') + 1);
        }
        return new TableId(schemaName, (prefix + name).replace('.', '_'));
    }

    /** The table a change event's source names: its schema (the configured one when none), the prefixed name. */
    public TableId tableForSource(String sourceSchema, String sourceTable) {
        String schema = sourceSchema == null || sourceSchema.isBlank() ? schemaName : sourceSchema;
        return new TableId(schema.replace('.', '_'), (prefix + sourceTable).replace('.', '_'));
    }

    /** True when the table of a topic does not depend on the record's schema. */
    public boolean tableDependsOnTopicOnly(String topic) {
        return singleTablePerTopic || destinationByTopic.containsKey(topic);
    }
}

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
        String destination = destinationByTopic.get(topic);
        if (destination != null) {
            return TableId.parse(destination, schemaName);
        }
        String name = topic;
        if (!singleTablePerTopic && valueSchema != null && valueSchema.name() != null
                && !valueSchema.name().isBlank()) {
            String full = valueSchema.name();
            name = full.substring(full.lastIndexOf('.') + 1);
        }
        return new TableId(schemaName, (prefix + name).replace('.', '_'));
    }

    /** True when the table of a topic does not depend on the record's schema. */
    public boolean tableDependsOnTopicOnly(String topic) {
        return singleTablePerTopic || destinationByTopic.containsKey(topic);
    }
}

package com.kinetica.kafka.sink;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a connector's transforms may change the topic or partition of a record before the
 * task sees it. Only the task's own worker can say where a renamed record was read from
 * ({@code SinkRecord.originalTopic()}, Connect 3.6+); before that, the task must not commit by
 * the record's topic when this says yes.
 */
public final class TopicRenaming {
    /** Kafka's own transforms that never change a record's topic or partition. */
    private static final Set<String> KEEP_TOPIC = Set.of("Cast", "DropHeaders", "ExtractField", "Filter", "Flatten",
            "HeaderFrom", "HoistField", "InsertField", "InsertHeader", "MaskField", "ReplaceField",
            "SetSchemaMetadata", "TimestampConverter", "ValueToKey");
    private static final String KAFKA_TRANSFORMS = "org.apache.kafka.connect.transforms.";

    private TopicRenaming() {
    }

    /** The transforms of the connector config that may rename topics; empty when none may. */
    public static List<String> transforms(Map<String, String> connectorConfig) {
        String aliases = connectorConfig.get("transforms");
        if (aliases == null || aliases.isBlank()) {
            return List.of();
        }
        return Arrays.stream(aliases.split(",")).map(String::trim).filter(a -> !a.isEmpty())
                .filter(a -> mayRename(connectorConfig.get("transforms." + a + ".type"))).toList();
    }

    private static boolean mayRename(String type) {
        if (type == null || !type.startsWith(KAFKA_TRANSFORMS)) {
            return true;
        }
        String name = type.substring(KAFKA_TRANSFORMS.length());
        int nested = name.indexOf('$');
        return !KEEP_TOPIC.contains(nested < 0 ? name : name.substring(0, nested));
    }
}

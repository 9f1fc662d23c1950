package com.kinetica.kafka.sink;

import com.kinetica.kafka.config.KineticaSinkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger log = LoggerFactory.getLogger(TopicRenaming.class);
    /** Kafka's own transforms that never change a record's topic or partition. */
    private static final Set<String> KEEP_TOPIC = Set.of("Cast", "DropHeaders", "ExtractField", "Filter", "Flatten",
            "HeaderFrom", "HoistField", "InsertField", "InsertHeader", "MaskField", "ReplaceField",
            "SetSchemaMetadata", "TimestampConverter", "ValueToKey");
    private static final String KAFKA_TRANSFORMS = "org.apache.kafka.connect.transforms.";

    private TopicRenaming() {
    }

    /**
     * Whether each record's partition, as this worker gives it, is the one it was read from: always
     * on Connect 3.6+, and before when no transform may have renamed its topic. When not, says once
     * what that costs.
     */
    public static boolean originsKnown(Map<String, String> connectorConfig, boolean kafkaKeys) {
        List<String> renaming = transforms(connectorConfig);
        if (Coordinates.workerKeepsOriginals() || renaming.isEmpty()) {
            return true;
        }
        log.info("Transforms {} may rename topics, and this Connect worker (before 3.6) does not say where a "
                + "renamed record was read from: offsets are committed only when every record taken in is in "
                + "Kinetica", renaming);
        if (kafkaKeys) {
            log.warn("{}=kafka keys rows by the renamed topic on this worker: two topics routed to one name share "
                    + "keys, and one record overwrites the other's row; route each topic to a name of its own, or "
                    + "run Connect 3.6+", KineticaSinkConfig.PRIMARY_KEY_MODE);
        }
        return false;
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

package dev.kconnect.cli.client.model;

import java.util.List;
import java.util.Map;

/** {@code GET /connectors/NAME/offsets} (Kafka 3.6+): the committed offset of each source partition. */
public record ConnectorOffsets(List<PartitionOffset> offsets) {

    public ConnectorOffsets {
        offsets = offsets == null ? List.of() : offsets;
    }

    /** A source partition (or a topic partition for a sink) and its offset. */
    public record PartitionOffset(Map<String, Object> partition, Map<String, Object> offset) {
    }
}

package dev.kconnect.cli.lag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kconnect.cli.client.model.ConnectorOffsets;

import java.util.List;

/**
 * What {@code kconnect status} adds to a connector's state when it knows the Kafka cluster: for a
 * sink its lag and rate, for a source the committed position of each table (its source offsets)
 * and the rate of the topics it writes to, or why that rate is unknown; for a sink also its lag as
 * time ({@link Behind}). Fields that do not apply
 * are null and left out of -o json|yaml.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Health(SinkLag lag, Rate rate, List<ConnectorOffsets.PartitionOffset> position,
                     @JsonProperty("rate_unknown") String rateUnknown, Behind behind) {

    /** Without the lag as time (a source, or a sink's lag alone). */
    public Health(SinkLag lag, Rate rate, List<ConnectorOffsets.PartitionOffset> position, String rateUnknown) {
        this(lag, rate, position, rateUnknown, null);
    }
}

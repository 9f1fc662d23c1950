package dev.kconnect.cli.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /}: the worker's Kafka version and the Kafka cluster it belongs to. */
public record ServerInfo(String version, String commit, @JsonProperty("kafka_cluster_id") String kafkaClusterId) {
}

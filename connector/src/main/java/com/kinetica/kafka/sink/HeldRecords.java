package com.kinetica.kafka.sink;

import org.apache.kafka.connect.sink.SinkRecord;

import java.util.Map;

/**
 * What a buffered write keeps of the record it came from: the key and value error handling
 * reports and a changed table is converted from, and the coordinates a commit needs. A record
 * Connect hands also holds the bytes the consumer read, nearly half of what a buffered record
 * costs the heap; the write keeps a copy without them, unless refused records go to a
 * dead-letter queue, which gets exactly those bytes (the record as read, before transforms).
 */
final class HeldRecords {
    static final String DLQ_TOPIC = "errors.deadletterqueue.topic.name";

    private final boolean keepConnects;

    /** @param connectorProps the task's settings; Connect's error handling ones among them */
    HeldRecords(Map<String, ?> connectorProps) {
        Object dlq = connectorProps.get(DLQ_TOPIC);
        this.keepConnects = dlq != null && !dlq.toString().isBlank();
    }

    /** The record a buffered write keeps for {@code r}. */
    SinkRecord hold(SinkRecord r) {
        if (keepConnects) {
            return r;
        }
        if (Coordinates.workerKeepsOriginals()) {
            return new SinkRecord(r.topic(), r.kafkaPartition(), r.keySchema(), r.key(), r.valueSchema(), r.value(),
                    r.kafkaOffset(), r.timestamp(), r.timestampType(), r.headers(), r.originalTopic(),
                    r.originalKafkaPartition(), r.originalKafkaOffset());
        }
        return new SinkRecord(r.topic(), r.kafkaPartition(), r.keySchema(), r.key(), r.valueSchema(), r.value(),
                r.kafkaOffset(), r.timestamp(), r.timestampType(), r.headers());
    }
}

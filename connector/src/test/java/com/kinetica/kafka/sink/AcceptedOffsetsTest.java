package com.kinetica.kafka.sink;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcceptedOffsetsTest {
    private static SinkRecord record(String topic, int partition, long offset) {
        return new SinkRecord(topic, partition, null, null, null, "v", offset);
    }

    @Test
    void redeliveredRecordsAreNotNew() {
        AcceptedOffsets accepted = new AcceptedOffsets();
        assertTrue(accepted.isNew(record("t", 0, 5)));
        accepted.taken(record("t", 0, 5));
        assertFalse(accepted.isNew(record("t", 0, 5)));
        assertFalse(accepted.isNew(record("t", 0, 4)));
        assertTrue(accepted.isNew(record("t", 0, 6)));
        assertTrue(accepted.isNew(record("t", 1, 0)));
        assertTrue(accepted.isNew(record("u", 0, 5)));
        accepted.forget(List.of(new TopicPartition("t", 0)));
        assertTrue(accepted.isNew(record("t", 0, 5)));
    }
}

package com.kinetica.kafka.source;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicNamesTest {
    @Test
    void topicIsPrefixPlusTableWithIllegalCharactersReplaced() {
        assertEquals("KafkaConnectorTest", TopicNames.topic("", "KafkaConnectorTest"));
        assertEquals("kin-ki_home.orders", TopicNames.topic("kin-", "ki_home.orders"));
        assertEquals("p_my_schema.t_1", TopicNames.topic("p ", "my schema.t$1"));
        assertThrows(ConnectException.class, () -> TopicNames.topic("", "."));
        assertThrows(ConnectException.class, () -> TopicNames.topic("x".repeat(200), "y".repeat(50)));
    }

    @Test
    void schemaNamesAreValidAvroNames() {
        assertEquals("kinetica.ki_home.orders", TopicNames.schemaName("ki_home.orders"));
        assertEquals("kinetica._1st.my_table", TopicNames.schemaName("1st.my-table"));
    }
}

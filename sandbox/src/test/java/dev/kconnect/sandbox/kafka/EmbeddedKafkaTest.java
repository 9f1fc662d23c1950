package dev.kconnect.sandbox.kafka;

import dev.kconnect.sandbox.PortInUseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedKafkaTest {

    static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.startTemporary();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void producesAndConsumes() throws Exception {
        Map<String, Object> producerProps = Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>("greetings", "k" + i, "hello " + i)).get();
            }
        }
        Map<String, Object> consumerProps = Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "group.id", "test",
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of("greetings"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < 100 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        assertEquals(100, values.size());
        assertEquals("hello 0", values.get(0));
        assertEquals("hello 99", values.get(99));
    }

    @Test
    void portInUseIsAClearError(@TempDir Path dir) {
        PortInUseException e = assertThrows(PortInUseException.class,
                () -> EmbeddedKafka.start(kafka.port(), dir, true, Map.of()));
        assertTrue(e.getMessage().contains("port " + kafka.port()), e.getMessage());
    }
}

package dev.kconnect.runtime.chaos;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes records to the sinks' topic all the time, ids 0, 1, 2, ... in the value (JSON with its
 * schema, as the workers' JsonConverter reads it), with no key: the keyless sink's table gets no
 * key from it. Kafka is never faulted, so every send must be acknowledged.
 */
final class RecordProducer implements AutoCloseable {
    private static final String SCHEMA = "{\"type\":\"struct\",\"name\":\"order\",\"fields\":["
            + "{\"field\":\"id\",\"type\":\"int64\"},{\"field\":\"note\",\"type\":\"string\"}]}";

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final int perTick;
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private long next;

    /** {@code perTick} records every 100 ms. */
    RecordProducer(String bootstrapServers, String topic, int perTick) {
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "linger.ms", "20", "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()));
        this.topic = topic;
        this.perTick = perTick;
        this.thread = new Thread(this::produce, "chaos-producer");
        thread.setDaemon(true);
        thread.start();
    }

    private void produce() {
        while (running) {
            for (int i = 0; i < perTick; i++) {
                long id = next++;
                String value = "{\"schema\":" + SCHEMA + ",\"payload\":{\"id\":" + id + ",\"note\":\"order " + id + "\"}}";
                producer.send(new ProducerRecord<>(topic, null, value), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops producing and waits for every record sent to be acknowledged; returns how many were sent. */
    long stop() throws InterruptedException {
        running = false;
        thread.join();
        producer.flush();
        if (failed.get() > 0) {
            throw new AssertionError(failed.get() + " of " + next + " records were not acknowledged by Kafka");
        }
        return next;
    }

    @Override
    public void close() {
        running = false;
        producer.close();
    }
}

package dev.kconnect.cli.topic;

import dev.kconnect.cli.client.WorkerUnreachableException;
import dev.kconnect.cli.input.BadInputException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Consumers and producers of {@code kconnect topic}: no consumer group, every call bounded by {@link #TIMEOUT}. */
public final class KafkaClients {

    /** How long to wait for brokers that do not answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private KafkaClients() {
    }

    /** A consumer outside any group (partitions are assigned by hand, nothing is committed). */
    public static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Map<String, Object> props = common(bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try {
            return new KafkaConsumer<>(props);
        } catch (KafkaException e) {
            throw badBootstrap(bootstrap, e);
        }
    }

    public static KafkaProducer<String, String> producer(String bootstrap) {
        Map<String, Object> props = common(bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.remove(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG); // a consumer's and admin's setting
        try {
            return new KafkaProducer<>(props);
        } catch (KafkaException e) {
            throw badBootstrap(bootstrap, e);
        }
    }

    /** A producer of raw bytes ({@code dlq replay} writes records back exactly as they were). */
    public static KafkaProducer<byte[], byte[]> bytesProducer(String bootstrap) {
        Map<String, Object> props = common(bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.remove(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG);
        try {
            return new KafkaProducer<>(props);
        } catch (KafkaException e) {
            throw badBootstrap(bootstrap, e);
        }
    }

    private static Map<String, Object> common(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "kconnect");
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return props;
    }

    /** A bootstrap the client cannot use ("nonsense", a host that does not resolve). */
    private static BadInputException badBootstrap(String bootstrap, KafkaException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new BadInputException("cannot use --bootstrap-server '" + bootstrap + "': " + root.getMessage()
                + "; give HOST:PORT of a Kafka broker");
    }

    /** The one-line error for brokers that did not answer. */
    public static WorkerUnreachableException unreachable(String bootstrap, Throwable cause) {
        return new WorkerUnreachableException("no answer from the Kafka brokers at " + bootstrap + " within "
                + TIMEOUT.toSeconds() + " s; check --bootstrap-server (or KCONNECT_BOOTSTRAP_SERVERS, or the context's)",
                cause);
    }
}

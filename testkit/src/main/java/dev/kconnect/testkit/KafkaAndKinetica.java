package dev.kconnect.testkit;

import com.gpudb.GPUdb;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;

/**
 * What a pipeline test writes through and reads back: a KRaft broker with a producer of JSON text,
 * and the Kinetica emulator with a gpudb-api client of it. Workers come and go; these stay for the class.
 */
public final class KafkaAndKinetica implements AutoCloseable {
    private final EmbeddedKafka kafka;
    private final KineticaEmulator kinetica;
    private final GPUdb gpudb;
    private final KafkaProducer<String, String> producer;

    private KafkaAndKinetica(EmbeddedKafka kafka, KineticaEmulator kinetica) {
        this.kafka = kafka;
        this.kinetica = kinetica;
        this.gpudb = kinetica.client();
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
    }

    /** A temporary broker and an emulator on a free port. */
    public static KafkaAndKinetica start() {
        return new KafkaAndKinetica(EmbeddedKafka.startTemporary(), KineticaEmulator.start(0));
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public KineticaEmulator kinetica() {
        return kinetica;
    }

    public GPUdb gpudb() {
        return gpudb;
    }

    public KafkaProducer<String, String> producer() {
        return producer;
    }

    @Override
    public void close() {
        producer.close();
        kinetica.close();
        kafka.close();
    }
}

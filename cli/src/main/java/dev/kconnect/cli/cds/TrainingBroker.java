package dev.kconnect.cli.cds;

import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka broker {@link CdsTraining} reads a sink's lag from. It runs in a process of its own so
 * that no class of the broker enters the class list. It makes the sink's topic and commits its
 * group's offset (so every call of the lag path has something to read), prints {@link #READY} and
 * the bootstrap address, and runs until its standard input ends.
 */
public final class TrainingBroker {
    static final String READY = "training broker at ";
    static final String TOPIC = "orders";

    private TrainingBroker() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            admin.alterConsumerGroupOffsets("connect-" + TrainingServer.SINK,
                    Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(0))).all().get(60, TimeUnit.SECONDS);
            System.out.println(READY + kafka.bootstrapServers());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }
}

package dev.kconnect.cli.command.data;

import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.command.ClusterOptions;
import dev.kconnect.cli.topic.KafkaClients;
import dev.kconnect.cli.topic.RecordView;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Print the records of a topic as they arrive, one a line: the value (with --key, the key and a tab "
                + "first), or with -o json an object with partition, offset, timestamp, key and value.",
            "Starts at the end of each partition (--from-beginning: at its start) and runs until --max records, "
                + "--idle seconds without one, or Ctrl-C."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect topic read orders --from-beginning --max 10",
            "  kconnect topic read KafkaConnectorTest --from-beginning --idle 2 -o json | jq .value.payload"
        })
public final class TopicReadCommand implements Callable<Integer> {

    /** How {@code -o} prints each record. */
    enum RecordFormat { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TOPIC", description = "Topic to read.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the first record of each partition, not the end.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--idle", paramLabel = "SECONDS", description = "Stop when no record came for this long.")
    Integer idle;

    @Option(names = "--key", description = "Print each record's key before its value (text output).")
    boolean key;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    RecordFormat format;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        if (max != null && max < 0 || idle != null && idle <= 0) {
            throw new ParameterException(spec.commandLine(), "--max must be 0 or more and --idle above 0");
        }
        String bootstrap = cluster.bootstrap();
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, bootstrap);
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            // resolve the starting offsets now, so that --idle counts from when records can arrive
            partitions.forEach(tp -> consumer.position(tp, KafkaClients.TIMEOUT));
            long count = 0;
            long lastRecord = System.nanoTime();
            while (max == null || count < max) {
                boolean any = false;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    out.println(format == RecordFormat.json ? RecordView.json(record) : RecordView.text(record, key));
                    any = true;
                    count++;
                    if (max != null && count >= max) {
                        break;
                    }
                }
                out.flush();
                if (any) {
                    lastRecord = System.nanoTime();
                } else if (idle != null && System.nanoTime() - lastRecord > Duration.ofSeconds(idle).toNanos()) {
                    break;
                }
            }
        } catch (TimeoutException e) {
            throw KafkaClients.unreachable(bootstrap, e);
        }
        return 0;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String bootstrap) {
        List<PartitionInfo> infos = consumer.listTopics(KafkaClients.TIMEOUT).get(topic);
        if (infos == null || infos.isEmpty()) {
            throw new NotFoundException("no topic '" + topic + "' at " + bootstrap
                    + "; check the name and --bootstrap-server, or write to it first: kconnect topic write " + topic);
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}

package dev.kconnect.cli.dlq;

import dev.kconnect.cli.lag.ClusterException;
import dev.kconnect.cli.topic.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes dead-letter records back: the original key, value and headers, without Connect's error
 * headers, plus {@link DlqRecord#REPLAYED_FROM}. A record that already carries that header failed
 * again after a replay: it is skipped, so a record that cannot be written never loops between the
 * topic and its dead-letter queue.
 */
public final class Replayer {

    /** What a replay did: records written per topic, and those skipped because they were replayed once already. */
    public record Outcome(Map<String, Integer> written, int skipped) {

        public int total() {
            return written.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private Replayer() {
    }

    /** {@code to}: the topic to write into, or null for each record's original topic (the caller checked they are known). */
    public static Outcome replay(String bootstrap, String dlqTopic, List<DlqRecord> records, String to) {
        Map<String, Integer> written = new LinkedHashMap<>();
        int skipped = 0;
        List<Future<?>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.bytesProducer(bootstrap)) {
            for (DlqRecord r : records) {
                if (r.replayedFrom() != null) {
                    skipped++;
                    continue;
                }
                String topic = to != null ? to : r.topic();
                RecordHeaders headers = new RecordHeaders();
                r.ownHeaders().forEach(headers::add);
                headers.add(DlqRecord.REPLAYED_FROM, (dlqTopic + "/" + r.dlqPartition() + "/" + r.dlqOffset())
                        .getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), headers)));
                written.merge(topic, 1, Integer::sum);
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get(); // every write acknowledged, or the count would lie
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw KafkaClients.unreachable(bootstrap, e.getCause());
            }
            // refused by the brokers (no permission, a topic that does not exist): say which, and that some may be written
            throw new ClusterException("replay stopped: the brokers refused a record (" + e.getCause().getMessage()
                    + "); the records before it may be written, check with: kconnect topic read TOPIC", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while replaying", e);
        }
        return new Outcome(written, skipped);
    }
}

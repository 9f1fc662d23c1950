package dev.kconnect.cli.dlq;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of a dead-letter queue with the context Connect's DeadLetterQueueReporter wrote into
 * its {@code __connect.errors.*} headers (when {@code errors.deadletterqueue.context.headers.enable=true};
 * without it those fields are null). The key, value and the record's own headers are the original's.
 */
public record DlqRecord(int dlqPartition, long dlqOffset, long timestamp, byte[] key, byte[] value,
                        List<Header> ownHeaders, String topic, Integer partition, Long offset, String connector,
                        Integer task, String stage, String pluginClass, String exceptionClass, String message,
                        String stacktrace, String replayedFrom) {

    /** The prefix of every header Connect adds; a replay drops them, they describe the failure, not the record. */
    public static final String ERROR_HEADERS = "__connect.errors.";
    /** The header a replay adds: where in which dead-letter queue the record came from. */
    public static final String REPLAYED_FROM = "kconnect.replayed.from";

    public static DlqRecord from(ConsumerRecord<byte[], byte[]> r) {
        List<Header> own = new ArrayList<>();
        for (Header h : r.headers()) {
            if (!h.key().startsWith(ERROR_HEADERS)) {
                own.add(h);
            }
        }
        return new DlqRecord(r.partition(), r.offset(), r.timestamp(), r.key(), r.value(), own,
                header(r, "topic"), integer(header(r, "partition")), number(header(r, "offset")),
                header(r, "connector.name"), integer(header(r, "task.id")), header(r, "stage"),
                header(r, "class.name"), header(r, "exception.class.name"), header(r, "exception.message"),
                header(r, "exception.stacktrace"), last(r, REPLAYED_FROM));
    }

    /** True when Connect wrote where the record came from and why it failed. */
    public boolean hasContext() {
        return topic != null || stage != null || exceptionClass != null;
    }

    /** "ExceptionClass: message", the message's first line only; "(no error context)" without headers. */
    public String exception() {
        if (exceptionClass == null) {
            return "(no error context)";
        }
        String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
        return first.isEmpty() ? exceptionClass : exceptionClass + ": " + first;
    }

    /** topic-partition@offset of the original record, "-" when unknown. */
    public String origin() {
        return topic == null ? "-" : topic + "-" + (partition == null ? "?" : partition) + "@" + (offset == null ? "?" : offset);
    }

    public String valueText() {
        return value == null ? "null" : new String(value, StandardCharsets.UTF_8);
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return last(r, ERROR_HEADERS + name);
    }

    private static String last(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(String text) {
        Long n = number(text);
        return n == null ? null : n.intValue();
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

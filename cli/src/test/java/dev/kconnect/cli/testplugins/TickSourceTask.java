package dev.kconnect.cli.testplugins;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.util.List;
import java.util.Map;

/** Writes 0, 1, 2, … to the topic, resuming after the last committed offset. */
public class TickSourceTask extends SourceTask {

    private static final Map<String, String> PARTITION = Map.of("source", "ticks");

    private String topic;
    private long next;
    private long failAt = Long.MAX_VALUE;

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(TickSourceConnector.CONFIG, props);
        try {
            Thread.sleep(config.getLong(TickSourceConnector.START_DELAY));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while starting", e);
        }
        if (config.getBoolean(TickSourceConnector.FAIL)) {
            throw new ConnectException("asked to fail (fail=true)");
        }
        long failAfter = config.getLong(TickSourceConnector.FAIL_AFTER);
        if (failAfter >= 0) {
            failAt = System.nanoTime() + failAfter * 1_000_000;
        }
        topic = config.getString(TickSourceConnector.TOPIC);
        Map<String, Object> offset = context.offsetStorageReader().offset(PARTITION);
        next = offset == null ? 0 : ((Number) offset.get("n")).longValue() + 1;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Thread.sleep(500);
        if (System.nanoTime() >= failAt) {
            throw new ConnectException("asked to fail after it started (fail.after.ms)");
        }
        long n = next++;
        return List.of(new SourceRecord(PARTITION, Map.of("n", n), topic, Schema.INT64_SCHEMA, n));
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return "1.0-test";
    }
}

package dev.kconnect.cli.testplugins;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Writes 0, 1, 2, … to the topic, one record per permit of its gate. */
public class GateSourceTask extends SourceTask {

    private static final Map<String, String> PARTITION = Map.of("source", "gate");

    private String topic;
    private Semaphore gate;
    private long next;

    @Override
    public void start(Map<String, String> props) {
        topic = new AbstractConfig(GateSourceConnector.CONFIG, props).getString(GateSourceConnector.TOPIC);
        gate = GateSourceConnector.gate(topic);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (!gate.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            return null;
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

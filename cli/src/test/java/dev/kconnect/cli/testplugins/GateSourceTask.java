package dev.kconnect.cli.testplugins;

import org.apache.kafka.connect.source.SourceRecord;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A tick task that writes its next tick only for a permit of its topic's gate. */
public class GateSourceTask extends TickSourceTask {

    private Semaphore gate;

    @Override
    public void start(Map<String, String> props) {
        super.start(props);
        gate = GateSourceConnector.gate(props.get(TickSourceConnector.TOPIC));
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return gate.tryAcquire(100, TimeUnit.MILLISECONDS) ? super.poll() : null;
    }
}

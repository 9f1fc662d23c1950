package com.kinetica.kafka;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

import java.util.Collection;
import java.util.Map;

/** Foundation step: the writing task lands with the sink issue; until then it refuses to start. */
public class KineticaSinkTask extends SinkTask {
    @Override
    public void start(Map<String, String> props) {
        throw new ConnectException("the Kinetica sink task is not built yet");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        throw new ConnectException("the Kinetica sink task is not built yet");
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return Version.get();
    }
}

package com.kinetica.kafka;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.util.List;
import java.util.Map;

/** Foundation step: the reading task lands with the source issue; until then it refuses to start. */
public class KineticaSourceTask extends SourceTask {
    @Override
    public void start(Map<String, String> props) {
        throw new ConnectException("the Kinetica source task is not built yet");
    }

    @Override
    public List<SourceRecord> poll() {
        throw new ConnectException("the Kinetica source task is not built yet");
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return Version.get();
    }
}

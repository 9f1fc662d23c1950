package dev.kconnect.runtime.bench;

import dev.kconnect.cli.testplugins.DiscardSinkConnector;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling for a sink in a worker: a task that only counts what Connect hands it (after the
 * consumer and the converter did their work), so {@link PipelineBenchmark} can set the Kinetica
 * sink's rate beside what the worker alone allows. Benchmark code, not a plugin.
 */
public class NullSinkConnector extends DiscardSinkConnector {
    /** Records taken in, by topic list, across the tasks of this JVM's workers. */
    static final Map<String, AtomicLong> TAKEN = new ConcurrentHashMap<>();

    static long taken(String topics) {
        return TAKEN.computeIfAbsent(topics, t -> new AtomicLong()).get();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CountingTask.class;
    }

    /** Adds up the records it is given, touching each value as a writer would have to. */
    public static class CountingTask extends SinkTask {
        private AtomicLong taken;

        @Override
        public void start(Map<String, String> props) {
            taken = TAKEN.computeIfAbsent(props.get(TOPICS_CONFIG), t -> new AtomicLong());
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            long n = 0;
            for (SinkRecord r : records) {
                n += r.value() == null ? 0 : 1;
            }
            taken.addAndGet(n);
        }

        @Override
        public void stop() {
        }

        @Override
        public String version() {
            return "bench";
        }
    }
}

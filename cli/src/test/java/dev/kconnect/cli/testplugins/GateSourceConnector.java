package dev.kconnect.cli.testplugins;

import org.apache.kafka.connect.connector.Task;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A {@link TickSourceConnector} whose tasks write a tick only for each permit a test gives
 * ({@link #open}), so that the test knows exactly how many records it wrote, and when. The worker
 * must run in the test's JVM with this class on its classpath (the permits are held here); give it
 * one task (tasks.max=1, the default), or the tasks share the permits of their topic.
 */
public class GateSourceConnector extends TickSourceConnector {

    private static final Map<String, Semaphore> GATES = new ConcurrentHashMap<>();

    /** Lets the task writing to {@code topic} write {@code records} more records. */
    public static void open(String topic, int records) {
        gate(topic).release(records);
    }

    static Semaphore gate(String topic) {
        return GATES.computeIfAbsent(topic, t -> new Semaphore(0));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return GateSourceTask.class;
    }
}

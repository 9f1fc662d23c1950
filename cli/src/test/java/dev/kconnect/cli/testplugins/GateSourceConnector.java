package dev.kconnect.cli.testplugins;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A real source connector whose one task writes a record for each permit a test gives it
 * ({@link #open}), so that the test knows exactly how many records it wrote, and when. The worker
 * must run in the test's JVM with this class on its classpath (the permits are held here).
 */
public class GateSourceConnector extends SourceConnector {

    static final String TOPIC = "topic";

    static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Topic to write to.");

    private static final Map<String, Semaphore> GATES = new ConcurrentHashMap<>();

    private Map<String, String> props;

    /** Lets the task writing to {@code topic} write {@code records} more records. */
    public static void open(String topic, int records) {
        gate(topic).release(records);
    }

    static Semaphore gate(String topic) {
        return GATES.computeIfAbsent(topic, t -> new Semaphore(0));
    }

    @Override
    public void start(Map<String, String> props) {
        new AbstractConfig(CONFIG, props); // validates
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return GateSourceTask.class;
    }

    /** One task, whatever tasks.max says: the permits of a topic are counted once. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(Map.copyOf(props));
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public String version() {
        return "1.0-test";
    }
}

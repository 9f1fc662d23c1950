package dev.kconnect.cli.testplugins;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source whose connector fails its first {@code connector.fail.starts} starts and whose tasks fail their
 * first {@code fail.starts} starts, with {@code fail.message}; then they run and write nothing. The
 * worker runs in the test's JVM, so {@link #STARTS} tells the test exactly how often each was started.
 */
public class FlakySourceConnector extends SourceConnector {

    /** Starts per "NAME" (the connector) and "NAME/TASK", since the JVM began. */
    public static final Map<String, AtomicInteger> STARTS = new ConcurrentHashMap<>();

    static final ConfigDef CONFIG = new ConfigDef()
            .define("fail.starts", ConfigDef.Type.INT, 0, ConfigDef.Importance.HIGH, "How many starts of each task fail.")
            .define("connector.fail.starts", ConfigDef.Type.INT, 0, ConfigDef.Importance.LOW,
                    "How many starts of the connector fail.")
            .define("fail.message", ConfigDef.Type.STRING, "flaky start", ConfigDef.Importance.LOW, "The failure's message.");

    private Map<String, String> props;

    /** How often {@code key} was started, this start included. */
    static int started(String key) {
        return STARTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Starts of {@code key} so far. */
    public static int starts(String key) {
        AtomicInteger n = STARTS.get(key);
        return n == null ? 0 : n.get();
    }

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(CONFIG, props);
        int n = started(props.get("name"));
        if (n <= config.getInt("connector.fail.starts")) {
            throw new ConnectException(config.getString("fail.message") + " (connector start " + n + ")");
        }
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FlakyTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> config = new java.util.HashMap<>(props);
            config.put("task.number", Integer.toString(i));
            configs.add(config);
        }
        return configs;
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

    /** Fails its first starts, then idles. */
    public static class FlakyTask extends SourceTask {

        @Override
        public void start(Map<String, String> props) {
            AbstractConfig config = new AbstractConfig(CONFIG, props);
            int n = started(props.get("name") + "/" + props.get("task.number"));
            if (n <= config.getInt("fail.starts")) {
                throw new ConnectException(config.getString("fail.message") + " (start " + n + ")");
            }
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            Thread.sleep(200);
            return null;
        }

        @Override
        public void stop() {
        }

        @Override
        public String version() {
            return "1.0-test";
        }
    }
}

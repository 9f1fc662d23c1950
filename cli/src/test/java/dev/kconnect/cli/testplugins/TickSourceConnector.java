package dev.kconnect.cli.testplugins;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real source connector for the CLI tests: each task writes a counter to a topic, one record
 * every half second, with the count as its source offset. {@code fail=true} makes tasks fail
 * on start, as a misconfigured connector's would; {@code fail.after.ms} a moment later, as a sink
 * whose first write fails would.
 */
public class TickSourceConnector extends SourceConnector {

    static final String TOPIC = "topic";
    static final String FAIL = "fail";
    static final String PASSWORD = "secret.password";
    static final String START_DELAY = "start.delay.ms";
    static final String FAIL_AFTER = "fail.after.ms";
    /** A secret whose name does not look like one: only its PASSWORD type says so. */
    static final String PHRASE = "auth.phrase";

    static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC, ConfigDef.Type.STRING, "ticks", ConfigDef.Importance.HIGH, "Topic to write the ticks to.")
            .define(FAIL, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW, "Make every task fail on start.")
            .define(PASSWORD, ConfigDef.Type.PASSWORD, "", ConfigDef.Importance.MEDIUM, "A secret, never shown.")
            .define(PHRASE, ConfigDef.Type.PASSWORD, "", ConfigDef.Importance.LOW, "Another secret, never shown.")
            .define(START_DELAY, ConfigDef.Type.LONG, 0L, ConfigDef.Importance.LOW, "How long each task takes to start.")
            .define(FAIL_AFTER, ConfigDef.Type.LONG, -1L, ConfigDef.Importance.LOW,
                    "Make every task fail this long after it started (as one failing on its first records would); -1: never.");

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new AbstractConfig(CONFIG, props); // validates
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TickSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(Map.copyOf(props));
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
}

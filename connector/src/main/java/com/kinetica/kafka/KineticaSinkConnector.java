package com.kinetica.kafka;

import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.config.Settings;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkTask;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Streams Kafka topics into Kinetica tables; see {@link KineticaSinkConfig} for the options. */
public class KineticaSinkConnector extends SinkConnector {
    private Map<String, String> props;

    /** What the sink must be given, for the line that says it was given nothing. */
    static final String NEEDS = "the Kinetica sink needs at least kinetica.url and topics (or topics.regex)";

    @Override
    public void start(Map<String, String> props) {
        Map<String, String> given = Settings.given(props, NEEDS);
        Settings.parse(given, KineticaSinkConfig::new); // fails the connector at once on a bad configuration
        this.props = given;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return KineticaSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        TaskCount.check(props, maxTasks);
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(new HashMap<>(props));
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return KineticaSinkConfig.configDef();
    }

    /** Adds the checks across options (destination names and topics, key mode) that ConfigDef cannot express. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, String> resolved = KineticaSinkConfig.ALIASES.resolve(connectorConfigs);
        addError(config, KineticaSinkConfig.DESTINATION_NAME, KineticaSinkConfig.destinationProblem(
                KineticaSinkConfig.splitList(resolved.get(SinkTask.TOPICS_CONFIG)),
                resolved.get(SinkTask.TOPICS_REGEX_CONFIG),
                KineticaSinkConfig.splitList(resolved.get(KineticaSinkConfig.DESTINATION_NAME))));
        addError(config, KineticaSinkConfig.PRIMARY_KEY_MODE, KineticaSinkConfig.keyModeProblem(
                KineticaSinkConfig.KEY_MODE_KAFKA.equalsIgnoreCase(resolved.get(KineticaSinkConfig.PRIMARY_KEY_MODE)),
                !KineticaSinkConfig.splitList(resolved.get(KineticaSinkConfig.PRIMARY_KEYS)).isEmpty(),
                Boolean.parseBoolean(resolved.get(KineticaSinkConfig.DELETE_ON_TOMBSTONE))));
        return config;
    }

    private static void addError(Config config, String option, String problem) {
        if (problem == null) {
            return;
        }
        for (ConfigValue value : config.configValues()) {
            if (value.name().equals(option)) {
                value.addErrorMessage(option + " " + problem);
            }
        }
    }

    @Override
    public String version() {
        return Version.get();
    }
}

package com.kinetica.kafka;

import com.kinetica.kafka.config.KineticaSinkConfig;
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

    @Override
    public void start(Map<String, String> props) {
        new KineticaSinkConfig(props); // fails the connector at once on a bad configuration
        this.props = new HashMap<>(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return KineticaSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
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

    /** Adds the check that destination table names match the topics, which ConfigDef cannot express. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, String> resolved = KineticaSinkConfig.ALIASES.resolve(connectorConfigs);
        String problem = KineticaSinkConfig.destinationProblem(
                KineticaSinkConfig.splitList(resolved.get(SinkTask.TOPICS_CONFIG)),
                resolved.get(SinkTask.TOPICS_REGEX_CONFIG),
                KineticaSinkConfig.splitList(resolved.get(KineticaSinkConfig.DESTINATION_NAME)));
        if (problem != null) {
            for (ConfigValue value : config.configValues()) {
                if (value.name().equals(KineticaSinkConfig.DESTINATION_NAME)) {
                    value.addErrorMessage(KineticaSinkConfig.DESTINATION_NAME + " " + problem);
                }
            }
        }
        return config;
    }

    @Override
    public String version() {
        return Version.get();
    }
}

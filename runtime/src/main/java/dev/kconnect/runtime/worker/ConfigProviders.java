package dev.kconnect.runtime.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's file, directory and env config providers, on by default in the workers kconnect starts.
 * Without a provider a connector's password must be written into its config, which Connect keeps in
 * clear in its config topic and returns to anyone who can {@code GET /connectors/NAME/config}; with
 * them the config holds {@code ${file:PATH:KEY}}, {@code ${directory:DIR:FILE}} or {@code ${env:VAR}}
 * and the worker resolves it only where the connector runs.
 */
final class ConfigProviders {

    static final String KEY = "config.providers";

    /** Provider name to class, in the order {@value #KEY} lists them. */
    static final Map<String, String> DEFAULTS = defaults();

    private ConfigProviders() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("file", "org.apache.kafka.common.config.provider.FileConfigProvider");
        classes.put("directory", "org.apache.kafka.common.config.provider.DirectoryConfigProvider");
        // EnvVarConfigProvider came with Kafka 3.5; the runtime here is 4.x
        classes.put("env", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        return classes;
    }

    /**
     * Adds the defaults to {@code props} unless the user named providers: a worker file that sets
     * {@value #KEY} made a choice (perhaps none, or a vault's provider), which is kept as it is.
     */
    static void addDefaults(Map<String, String> props, Map<String, String> user, List<String> notices) {
        if (user.containsKey(KEY)) {
            notices.add(KEY + "=" + user.get(KEY) + " is set: kconnect's default providers ("
                    + String.join(", ", DEFAULTS.keySet()) + ") are not added");
            return;
        }
        props.put(KEY, String.join(",", DEFAULTS.keySet()));
        // a class the user gave for one of these names wins: only what is missing is added
        DEFAULTS.forEach((name, type) -> props.putIfAbsent(KEY + "." + name + ".class", type));
    }
}

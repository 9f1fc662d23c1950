package dev.kconnect.cli.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A connector read from a file: its name (absent when the file does not say) and its config.
 *
 * @param source the file name, or "stdin", for messages
 */
public record ConnectorDefinition(Optional<String> name, Map<String, String> config, String source) {

    public ConnectorDefinition {
        config = Map.copyOf(config);
    }

    /** The name, or an error telling how to give one. */
    public String requireName() {
        return name.orElseThrow(() -> new BadInputException(source
                + ": no connector name; add \"name\" to the file (name=… in a .properties file)"));
    }

    /** The config with its "name" set to {@code connector}, as Connect stores it. */
    public Map<String, String> configNamed(String connector) {
        if (config.containsKey("name")) {
            return config;
        }
        Map<String, String> named = new LinkedHashMap<>(config);
        named.put("name", connector);
        return named;
    }
}

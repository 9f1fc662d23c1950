package com.kinetica.kafka.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sink options of the original connector that this one does not implement, each with what
 * replaced it. They stay defined so that the original's files load unchanged (and no tool
 * calls them unknown); a value that asks for the retired behaviour is refused with the
 * replacement, any other value is ignored with a warning that says the same.
 */
final class RetiredOptions {
    static final String GROUP = "Retired options";
    static final String FLATTEN_ENABLED = "kinetica.flatten_source.enabled";

    private static final Logger log = LoggerFactory.getLogger(RetiredOptions.class);
    private static final String FLATTEN = "The original connector's schema flattening is not implemented: nested "
            + "structs, maps and arrays are written as JSON text columns. For one column per nested field, add "
            + "Connect's Flatten transform: transforms=flatten, "
            + "transforms.flatten.type=org.apache.kafka.connect.transforms.Flatten$Value, "
            + "transforms.flatten.delimiter=_";
    private static final Map<String, String> REPLACEMENTS = new LinkedHashMap<>();

    static {
        REPLACEMENTS.put(FLATTEN_ENABLED, FLATTEN + ".");
        REPLACEMENTS.put("kinetica.flatten_source.field_name_delimiter",
                "See " + FLATTEN_ENABLED + ": the Flatten transform's delimiter takes this option's place.");
        REPLACEMENTS.put("kinetica.flatten_source.array_flattening_mode",
                "See " + FLATTEN_ENABLED + ": arrays are written as JSON text.");
        REPLACEMENTS.put("kinetica.flatten_source.array_element_separator",
                "See " + FLATTEN_ENABLED + ": arrays are written as JSON text.");
    }

    private RetiredOptions() {
    }

    static void define(ConfigDef def) {
        int order = 0;
        for (Map.Entry<String, String> retired : REPLACEMENTS.entrySet()) {
            ConfigDef.Validator validator = retired.getKey().equals(FLATTEN_ENABLED) ? new NoFlattening() : null;
            def.define(retired.getKey(), Type.STRING, null, validator, Importance.LOW,
                    "Retired. " + retired.getValue(), GROUP, ++order, Width.SHORT, retired.getKey());
        }
    }

    /** Warns once per retired option set: the connector runs, ignoring it. */
    static void warnIgnored(Map<String, String> props) {
        REPLACEMENTS.forEach((name, replacement) -> {
            if (props.get(name) != null) {
                log.warn("Option '{}' is ignored. {}", name, replacement);
            }
        });
    }

    /** Flattening asked for is refused with its replacement; false or empty is what this sink does anyway. */
    private static final class NoFlattening implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null && Boolean.parseBoolean(value.toString().trim())) {
                throw new ConfigException(name, value, FLATTEN + "; then remove " + name + ".");
            }
        }

        @Override
        public String toString() {
            return "false";
        }
    }
}

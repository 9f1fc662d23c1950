package dev.kconnect.cli.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code PUT /connector-plugins/CLASS/config/validate}: every option with its value and errors. */
public record ConfigInfos(String name, @JsonProperty("error_count") int errorCount, List<String> groups,
                          List<ConfigInfo> configs) {

    public ConfigInfos {
        configs = configs == null ? List.of() : configs;
    }

    /** One option: its definition and what the worker made of the value given. */
    public record ConfigInfo(ConfigKeyInfo definition, Value value) {
    }

    /** The value of one option and the errors found in it. */
    public record Value(String name, String value, @JsonProperty("recommended_values") List<String> recommendedValues,
                        List<String> errors, boolean visible) {

        public Value {
            errors = errors == null ? List.of() : errors;
        }
    }
}

package dev.kconnect.cli.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** One option of a plugin's ConfigDef, as {@code GET /connector-plugins/CLASS/config} describes it. */
public record ConfigKeyInfo(String name, String type, boolean required,
                            @JsonProperty("default_value") String defaultValue,
                            String importance, String documentation, String group,
                            @JsonProperty("display_name") String displayName, List<String> dependents) {

    /** PASSWORD options hold secrets: their values are never shown. */
    public boolean secret() {
        return "PASSWORD".equals(type);
    }
}

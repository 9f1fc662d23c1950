package com.kinetica.kafka.config;

import com.kinetica.kafka.KineticaSinkConnector;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The original 7.0 sink's flatten_source options: known, ignored when off, refused with the replacement when on. */
class RetiredOptionsTest {

    private static Map<String, String> original70Flattening(String enabled) {
        Map<String, String> props = new HashMap<>();
        props.put("kinetica.url", "http://localhost:9191");
        props.put("topics", "a");
        props.put("kinetica.flatten_source.enabled", enabled);
        props.put("kinetica.flatten_source.array_element_separator", ",");
        props.put("kinetica.flatten_source.array_flattening_mode", "CONVERT_TO_STRING");
        props.put("kinetica.flatten_source.field_name_delimiter", "_");
        return props;
    }

    @Test
    void flatteningOffLoadsAsTheOriginalFileHadIt() {
        new KineticaSinkConfig(original70Flattening("false"));
        for (ConfigValue value : new KineticaSinkConnector().validate(original70Flattening("false")).configValues()) {
            assertEquals(0, value.errorMessages().size(), value.name() + ": " + value.errorMessages());
        }
    }

    @Test
    void flatteningOnIsRefusedNamingTheFlattenTransform() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new KineticaSinkConfig(original70Flattening("true")));
        assertTrue(e.getMessage().contains("kinetica.flatten_source.enabled"), e.getMessage());
        assertTrue(e.getMessage().contains("transforms.flatten.type=org.apache.kafka.connect.transforms.Flatten$Value"),
                e.getMessage());
        ConfigValue enabled = new KineticaSinkConnector().validate(original70Flattening("true")).configValues().stream()
                .filter(v -> v.name().equals("kinetica.flatten_source.enabled")).findFirst().orElseThrow();
        assertEquals(1, enabled.errorMessages().size());
        assertTrue(enabled.errorMessages().get(0).contains("Flatten$Value"), enabled.errorMessages().toString());
    }
}

package com.kinetica.kafka.config;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Settings as a connector or task is started with them, by Connect's worker or by a caller of
 * its own (a harness, a tool, the original connector's tests): a value given as null is not
 * given, as the original took it, and what cannot be used is a {@link ConnectException} of one
 * line naming the option.
 */
public final class Settings {
    private Settings() {
    }

    /**
     * The settings with null values left out.
     *
     * @param needs what the caller must give, for the message when it gives nothing
     */
    public static Map<String, String> given(Map<String, String> props, String needs) {
        if (props == null) {
            throw new ConnectException("No settings given: " + needs);
        }
        Map<String, String> given = new HashMap<>();
        props.forEach((key, value) -> {
            if (key != null && value != null) {
                given.put(key, value);
            }
        });
        return given;
    }

    /** {@code parse} of {@code given}; a bad or missing option is a ConnectException saying which. */
    public static <T> T parse(Map<String, String> given, Function<Map<String, String>, T> parse) {
        try {
            return parse.apply(given);
        } catch (ConfigException e) {
            throw new ConnectException(String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }
}

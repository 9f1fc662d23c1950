package com.kinetica.kafka.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** How the source finds new rows of a table: the column(s) it orders and filters by. */
public enum ReadMode {
    /** Pick a mode from the table: its integer primary key and/or its timestamp column. */
    AUTO("auto"),
    /** A strictly increasing integer column; catches inserts, exactly once. */
    INCREMENTING("incrementing"),
    /** A timestamp column set on insert/update; catches updates too, at least once. */
    TIMESTAMP("timestamp"),
    /** Timestamp, ties broken by an incrementing column: updates too, no duplicates. */
    TIMESTAMP_INCREMENTING("timestamp+incrementing");

    private final String configValue;

    ReadMode(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public boolean usesTimestamp() {
        return this == TIMESTAMP || this == TIMESTAMP_INCREMENTING;
    }

    public boolean usesIncrementing() {
        return this == INCREMENTING || this == TIMESTAMP_INCREMENTING;
    }

    public static Set<String> configValues() {
        return Arrays.stream(values()).map(ReadMode::configValue)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static ReadMode fromConfig(String value) {
        for (ReadMode mode : values()) {
            if (mode.configValue.equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + value + "', use one of " + configValues());
    }
}

package com.kinetica.kafka.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Old option names that still work: each maps onto its new name. When only the old name
 * is set, its value moves to the new name with a warning; when both are set, the new name
 * wins and the old one is reported as ignored.
 */
public final class DeprecatedAliases {
    private static final Logger log = LoggerFactory.getLogger(DeprecatedAliases.class);

    private final Map<String, String> newNameByOld = new LinkedHashMap<>();

    /** Declares that {@code oldName} is a deprecated spelling of {@code newName}. */
    public DeprecatedAliases alias(String oldName, String newName) {
        newNameByOld.put(oldName, newName);
        return this;
    }

    /** Old name to new name, in declaration order. */
    public Map<String, String> newNameByOld() {
        return java.util.Collections.unmodifiableMap(newNameByOld);
    }

    /**
     * Returns a copy of {@code props} where every deprecated option set without its new name
     * is carried over to the new name. Logs one warning per deprecated name in use.
     */
    public Map<String, String> resolve(Map<String, String> props) {
        Map<String, String> resolved = new HashMap<>(props);
        newNameByOld.forEach((oldName, newName) -> {
            String oldValue = props.get(oldName);
            if (oldValue == null) {
                return;
            }
            if (props.containsKey(newName)) {
                log.warn("Option '{}' is deprecated and ignored because '{}' is also set; remove '{}'",
                        oldName, newName, oldName);
            } else {
                log.warn("Option '{}' is deprecated; it still works, but rename it to '{}'", oldName, newName);
                resolved.put(newName, oldValue);
            }
        });
        return resolved;
    }
}

package dev.kconnect.sandbox.kinetica.endpoint;

import java.util.Map;

/** Reading Kinetica request options (string maps with "true"/"false" flags). */
final class Options {
    private Options() {
    }

    static boolean flag(Map<String, String> options, String name) {
        return options != null && "true".equalsIgnoreCase(options.get(name));
    }

    static String get(Map<String, String> options, String name, String fallback) {
        String value = options == null ? null : options.get(name);
        return value == null ? fallback : value;
    }
}

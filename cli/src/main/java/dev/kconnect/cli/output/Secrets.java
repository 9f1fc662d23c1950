package dev.kconnect.cli.output;

import java.util.regex.Pattern;

/** Hides values of config keys that hold secrets (kinetica.password, ….secret, ….token) in tables. */
public final class Secrets {

    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|token|credentials?)$");
    public static final String MASK = "********";

    private static final Pattern URL_PASSWORD = Pattern.compile("(//[^/@:]*):[^/@]*@");

    private Secrets() {
    }

    /** A URL with the password of its user info masked: http://admin:********@host:8083. */
    public static String maskUrl(String url) {
        return url == null ? null : URL_PASSWORD.matcher(url).replaceFirst("$1:" + MASK + "@");
    }

    public static String mask(String key, String value) {
        if (value == null || value.isEmpty() || value.startsWith("${")) {
            return value; // nothing to hide, or a config provider reference such as ${file:…}
        }
        return SECRET_KEY.matcher(key).matches() ? MASK : value;
    }
}

package com.kinetica.kafka.config;

/**
 * Where Kinetica is and who to be there. {@link #toString()} masks the password, so a
 * settings object can be logged.
 */
public record ConnectionSettings(String url, String username, String password, int timeoutMs) {

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + url + ", username=" + username
                + ", password=" + (password == null || password.isEmpty() ? "" : "[hidden]")
                + ", timeoutMs=" + timeoutMs + "]";
    }
}

package com.kinetica.kafka.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.net.URI;
import java.net.URISyntaxException;

/** The options that say how to reach Kinetica, shared by the sink and the source. */
public final class ConnectionConfig {
    public static final String GROUP = "Connection";

    public static final String URL = "kinetica.url";
    public static final String USERNAME = "kinetica.username";
    public static final String PASSWORD = "kinetica.password";
    public static final String TIMEOUT = "kinetica.timeout";
    /**
     * A minute: the longest calls, a full /insert/records batch or /get/records page, take seconds
     * on a busy server, so a slow one has room (twice Kafka's own request.timeout.ms), while a
     * silent one is an outage within the retry budgets, and a put that meets it stays well within
     * Connect's max.poll.interval.ms (5 minutes).
     */
    static final int DEFAULT_TIMEOUT_MS = 60_000;

    private ConnectionConfig() {
    }

    /** Adds the connection options to {@code def}, in the {@value #GROUP} group. */
    public static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new HttpUrlValidator(), Importance.HIGH,
                        "URL of the Kinetica head node, e.g. http://localhost:9191.",
                        GROUP, ++order, Width.LONG, "Kinetica URL")
                .define(USERNAME, Type.STRING, "", Importance.HIGH,
                        "Kinetica user name; empty for none.",
                        GROUP, ++order, Width.MEDIUM, "User name")
                .define(PASSWORD, Type.PASSWORD, "", Importance.HIGH,
                        "Password of the Kinetica user. Never logged; shown masked by Connect.",
                        GROUP, ++order, Width.MEDIUM, "Password")
                .define(TIMEOUT, Type.INT, DEFAULT_TIMEOUT_MS, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "How long one request to Kinetica may wait for its answer, in milliseconds. A request that "
                                + "gets none in time fails like a refused connection and is retried (a write may "
                                + "still have been carried out: see the sink's docs). 0 waits for ever: a server "
                                + "that takes the connection and never answers then holds the task until it is "
                                + "restarted.",
                        GROUP, ++order, Width.SHORT, "Request timeout (ms)");
    }

    /** Reads the connection options out of a parsed config. */
    public static ConnectionSettings settings(AbstractConfig config) {
        Password password = config.getPassword(PASSWORD);
        return new ConnectionSettings(
                config.getString(URL),
                config.getString(USERNAME),
                password == null ? "" : password.value(),
                config.getInt(TIMEOUT));
    }

    /** Accepts absolute http and https URLs with a host. */
    static final class HttpUrlValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                throw new ConfigException(name, null, "is required: the URL of the Kinetica head node, e.g. http://localhost:9191");
            }
            String url = value.toString().trim();
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme();
                if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                        || uri.getHost() == null) {
                    throw new ConfigException(name, value, "must be an http:// or https:// URL with a host, e.g. http://localhost:9191");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(name, value, "is not a valid URL: " + e.getReason());
            }
        }

        @Override
        public String toString() {
            return "http:// or https:// URL";
        }
    }
}

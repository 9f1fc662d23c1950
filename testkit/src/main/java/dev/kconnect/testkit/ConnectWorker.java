package dev.kconnect.testkit;

import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real Connect worker in this JVM, on a broker the test already runs. The builder holds the
 * worker properties every test needs (one node: replication factor 1, one partition per internal
 * topic, JSON converters, REST on a free loopback port), so that a test states only what it is about.
 */
public final class ConnectWorker implements AutoCloseable {
    private final Connect<?> connect;
    private final String url;

    private ConnectWorker(Connect<?> connect) {
        this.connect = connect;
        this.url = connect.rest().serverUrl().toString().replaceAll("/+$", "");
    }

    /** A distributed worker of group {@code group}, whose internal topics are named after it. */
    public static Builder distributed(String bootstrapServers, String group) {
        Builder builder = new Builder(false, bootstrapServers);
        builder.set("group.id", group);
        Map.of("config", "-configs", "offset", "-offsets", "status", "-status").forEach((store, suffix) -> {
            builder.set(store + ".storage.topic", group + suffix);
            builder.set(store + ".storage.replication.factor", "1");
        });
        builder.set("offset.storage.partitions", "1");
        builder.set("status.storage.partitions", "1");
        return builder;
    }

    /** A standalone worker keeping its source offsets in {@code offsetsFile}. */
    public static Builder standalone(String bootstrapServers, Path offsetsFile) {
        return new Builder(true, bootstrapServers).set("offset.storage.file.filename", offsetsFile.toString());
    }

    /** The REST URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }

    /** Worker properties, to start in this JVM or to hand to a worker of another JVM. */
    public static final class Builder {
        private final boolean standalone;
        private final Map<String, String> props = new LinkedHashMap<>();

        private Builder(boolean standalone, String bootstrapServers) {
            this.standalone = standalone;
            set("bootstrap.servers", bootstrapServers);
            set("key.converter", "org.apache.kafka.connect.json.JsonConverter");
            set("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            set("listeners", "http://127.0.0.1:0");
            set("offset.flush.interval.ms", "500");
            // the plugins' META-INF/services files: start in ~1 s rather than ~9 s of class scanning
            set("plugin.discovery", "service_load");
        }

        public Builder set(String key, String value) {
            props.put(key, value);
            return this;
        }

        public Builder setAll(Map<String, String> more) {
            props.putAll(more);
            return this;
        }

        /** The properties as they stand. */
        public Map<String, String> properties() {
            return Map.copyOf(props);
        }

        /**
         * Starts the worker; Connect's calls to exit the JVM become exceptions. On a plain http
         * listener this returns once the worker has joined its group and lists connectors; with
         * another listener or a REST extension (which may refuse anonymous requests) the caller waits.
         */
        public ConnectWorker start() {
            Exit.setExitProcedure((code, message) -> {
                throw new IllegalStateException("Connect asked to exit (" + code + "): " + message);
            });
            ConnectWorker worker = new ConnectWorker(standalone
                    ? new ConnectStandalone().startConnect(props)
                    : new ConnectDistributed().startConnect(props));
            if (worker.url.startsWith("http:") && !props.containsKey("rest.extension.classes")) {
                awaitListing(worker.url);
            }
            return worker;
        }

        /** The REST listener answers before a distributed worker has joined its group. */
        private static void awaitListing(String url) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest list = HttpRequest.newBuilder(URI.create(url + "/connectors")).timeout(Duration.ofSeconds(10)).build();
            Await.until("the Connect worker at " + url + " to list connectors", Duration.ofSeconds(60), () -> {
                try {
                    return http.send(list, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false; // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}

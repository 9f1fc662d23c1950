package dev.kconnect.cli.live;

import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real KRaft broker and a real distributed Connect worker in this JVM, with the test plugins
 * of this module on the classpath and the bundled Kinetica plugin (target/plugins) on plugin.path.
 */
public final class TestWorker implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final Connect<?> connect;
    private final String url;

    private TestWorker(EmbeddedKafka kafka, Connect<?> connect, String url) {
        this.kafka = kafka;
        this.connect = connect;
        this.url = url;
    }

    /** The worker's REST URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
    public String url() {
        return url;
    }

    /** The broker of the worker's cluster, e.g. 127.0.0.1:40125. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public static TestWorker start() {
        return start(Map.of());
    }

    /**
     * A worker with these worker properties added (e.g. an https listener). With a listener other
     * than plain http, or a REST extension (which may refuse anonymous requests), the caller waits
     * until the worker is ready.
     */
    public static TestWorker start(Map<String, String> overrides) {
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Connect asked to exit (" + code + "): " + message);
        });
        EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", "kconnect-cli-test");
        props.put("config.storage.topic", "connect-configs");
        props.put("offset.storage.topic", "connect-offsets");
        props.put("status.storage.topic", "connect-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "1");
        props.put("status.storage.partitions", "1");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("listeners", "http://127.0.0.1:0");
        props.put("offset.flush.interval.ms", "500");
        props.put("scheduled.rebalance.max.delay.ms", "0");
        props.put("task.shutdown.graceful.timeout.ms", "2000");
        props.put("plugin.discovery", "service_load");
        Path plugins = Path.of("target", "plugins");
        if (Files.isDirectory(plugins)) {
            props.put("plugin.path", plugins.toAbsolutePath().toString());
        }
        props.putAll(overrides);
        Connect<?> connect = new ConnectDistributed().startConnect(props);
        String url = connect.rest().serverUrl().toString().replaceAll("/+$", "");
        if (url.startsWith("http:") && !overrides.containsKey("rest.extension.classes")) {
            awaitReady(url);
        }
        return new TestWorker(kafka, connect, url);
    }

    /** The REST listener answers before the worker has joined its group; wait until it lists connectors. */
    private static void awaitReady(String url) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/connectors")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.io.IOException e) {
                // not listening yet
            }
        }
        throw new IllegalStateException("the Connect worker at " + url + " did not become ready");
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
        kafka.close();
    }
}

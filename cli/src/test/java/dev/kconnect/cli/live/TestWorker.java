package dev.kconnect.cli.live;

import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.testkit.ConnectWorker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real distributed Connect worker in this JVM, on a real KRaft broker, with the test plugins
 * of this module on the classpath and the bundled Kinetica plugin (target/plugins) on plugin.path.
 */
public final class TestWorker implements AutoCloseable {
    private static final AtomicInteger GROUPS = new AtomicInteger();

    /** The broker this worker started, null when it runs on another's. */
    private final EmbeddedKafka ownKafka;
    private final String bootstrapServers;
    private final ConnectWorker connect;

    private TestWorker(EmbeddedKafka ownKafka, String bootstrapServers, ConnectWorker connect) {
        this.ownKafka = ownKafka;
        this.bootstrapServers = bootstrapServers;
        this.connect = connect;
    }

    /** The worker's REST URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
    public String url() {
        return connect.url();
    }

    /** The broker of the worker's cluster, e.g. 127.0.0.1:40125. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A worker on a broker of its own. */
    public static TestWorker start() {
        EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
        return new TestWorker(kafka, kafka.bootstrapServers(), worker(kafka.bootstrapServers(), Map.of()));
    }

    /**
     * One more worker, in a group of its own, on the broker of the module's {@link LiveWorker} (the test
     * class extends with it), with these worker properties added (e.g. an https listener). With a listener
     * other than plain http, or a REST extension, the caller waits until the worker is ready.
     */
    public static TestWorker onLiveBroker(Map<String, String> overrides) {
        return new TestWorker(null, LiveWorker.bootstrapServers(), worker(LiveWorker.bootstrapServers(), overrides));
    }

    private static ConnectWorker worker(String bootstrapServers, Map<String, String> overrides) {
        ConnectWorker.Builder builder = ConnectWorker.distributed(bootstrapServers, "kconnect-cli-test-" + GROUPS.incrementAndGet())
                .set("scheduled.rebalance.max.delay.ms", "0")
                .set("task.shutdown.graceful.timeout.ms", "2000");
        Path plugins = Path.of("target", "plugins");
        if (Files.isDirectory(plugins)) {
            builder.set("plugin.path", plugins.toAbsolutePath().toString());
        }
        return builder.setAll(overrides).start();
    }

    @Override
    public void close() {
        connect.close();
        if (ownKafka != null) {
            ownKafka.close();
        }
    }
}

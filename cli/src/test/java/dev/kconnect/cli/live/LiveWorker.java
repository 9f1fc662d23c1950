package dev.kconnect.cli.live;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestWorker} for all test classes of the module: started by the first class that
 * asks, stopped when JUnit ends.
 */
public final class LiveWorker implements BeforeAllCallback {

    private static volatile Shared shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LiveWorker.class, key -> new Shared(TestWorker.start()), Shared.class);
    }

    /** The worker's REST URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
    public static String url() {
        return shared.worker.url();
    }

    /** The broker of the worker's cluster, e.g. 127.0.0.1:40125. */
    public static String bootstrapServers() {
        return shared.worker.bootstrapServers();
    }

    private record Shared(TestWorker worker) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            worker.close();
        }
    }
}

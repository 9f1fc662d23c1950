package dev.kconnect.sandbox.kinetica;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;

/** Real gpudb-api clients for the emulator tests. */
final class Clients {
    private Clients() {
    }

    /** A client as the connector makes it: no discovery, no failover, errors at once. */
    static GPUdb direct(String url) {
        return direct(url, null, null);
    }

    static GPUdb direct(String url, String user, String password) {
        GPUdb.Options options = new GPUdb.Options()
                .setDisableAutoDiscovery(true)
                .setDisableFailover(true)
                .setTimeout(10_000);
        if (user != null) {
            options.setUsername(user).setPassword(password);
        }
        try {
            return new GPUdb(url, options);
        } catch (GPUdbException e) {
            throw new IllegalStateException(e); // a malformed URL: a mistake in the test
        }
    }
}

package dev.kconnect.sandbox.kinetica;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;

/** Real gpudb-api clients for the emulator tests. */
final class Clients {
    private Clients() {
    }

    /** A client as the connector makes it: no discovery, no failover, errors at once. */
    static GPUdb direct(String url) throws GPUdbException {
        return direct(url, null, null);
    }

    static GPUdb direct(String url, String user, String password) throws GPUdbException {
        GPUdb.Options options = new GPUdb.Options()
                .setDisableAutoDiscovery(true)
                .setDisableFailover(true)
                .setTimeout(10_000);
        if (user != null) {
            options.setUsername(user).setPassword(password);
        }
        return new GPUdb(url, options);
    }
}

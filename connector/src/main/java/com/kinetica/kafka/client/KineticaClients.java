package com.kinetica.kafka.client;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import com.kinetica.kafka.config.ConnectionSettings;

/** Builds gpudb-api clients from connection settings. */
public final class KineticaClients {
    private KineticaClients() {
    }

    /**
     * Connects and checks that Kinetica answers: {@code new GPUdb(...)} alone does not
     * throw when the server is down, so a first call makes an outage visible here.
     *
     * @throws GPUdbException naming the URL when Kinetica cannot be reached or refuses the user
     */
    public static GPUdb connect(ConnectionSettings settings) throws GPUdbException {
        GPUdbBase.Options options = new GPUdbBase.Options()
                .setUsername(settings.username())
                .setPassword(settings.password())
                .setTimeout(settings.timeoutMs())
                .setUseSnappy(true)
                // one head node, errors at once: Connect's retries do the waiting
                .setDisableAutoDiscovery(true)
                .setDisableFailover(true);
        GPUdb gpudb = new GPUdb(settings.url(), options);
        try {
            gpudb.showSystemProperties(GPUdbBase.options());
        } catch (GPUdbException e) {
            throw new GPUdbException("Kinetica at " + settings.url() + " did not answer: " + e.getMessage(), e);
        }
        return gpudb;
    }
}

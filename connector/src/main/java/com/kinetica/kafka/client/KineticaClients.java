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
        // one head node, errors at once: Connect's retries do the waiting
        GPUdb gpudb = new GPUdb(settings.url(), options(settings).setDisableAutoDiscovery(true));
        try {
            gpudb.showSystemProperties(GPUdbBase.options());
        } catch (GPUdbException e) {
            throw new GPUdbException("Kinetica at " + settings.url() + " did not answer: " + e.getMessage(), e);
        }
        return gpudb;
    }

    /**
     * A client for batches, without the first call of {@link #connect}: the task has connected
     * already, and one of these is made again when a batch hung ({@link HungCalls}).
     */
    public static GPUdb forWrites(ConnectionSettings settings) throws GPUdbException {
        return new GPUdb(settings.url(), options(settings).setDisableAutoDiscovery(true));
    }

    /**
     * A client that learns the cluster's rank URLs when it is made, which gpudb-api's WorkerList
     * needs: for a client made by {@link #connect} it lists no worker ranks at all. gpudb-api
     * turns the discovery off by itself when the server's own head node address is unreachable.
     */
    static GPUdb discovering(ConnectionSettings settings) throws GPUdbException {
        return new GPUdb(settings.url(), options(settings));
    }

    private static GPUdbBase.Options options(ConnectionSettings settings) {
        return new GPUdbBase.Options()
                .setUsername(settings.username())
                .setPassword(settings.password())
                .setTimeout(settings.timeoutMs())
                .setUseSnappy(true)
                .setDisableFailover(true);
    }
}

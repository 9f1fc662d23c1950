package com.kinetica.kafka.client;

import com.gpudb.WorkerList;
import com.kinetica.kafka.config.ConnectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Multi-head ingest: the worker ranks to send records to, when the server has them. */
public final class Multihead {
    private static final Logger log = LoggerFactory.getLogger(Multihead.class);

    private Multihead() {
    }

    /**
     * The server's worker list, or {@code null} (the head node takes all records) when
     * multi-head is off, the server has no worker ranks, or it cannot tell.
     */
    public static WorkerList workers(ConnectionSettings settings, boolean enabled) {
        if (!enabled) {
            return null;
        }
        try {
            WorkerList workers = new WorkerList(KineticaClients.discovering(settings));
            if (workers.isMultiHeadEnabled() && !workers.isEmpty()) {
                log.info("Multi-head ingest through {} worker rank(s): {}", workers.size(), workers);
                return workers;
            }
            log.info("Kinetica at {} has no worker ranks for multi-head ingest; writing through the head node",
                    settings.url());
        } catch (Exception e) {
            log.info("Kinetica at {} did not list worker ranks ({}); writing through the head node",
                    settings.url(), Failures.summary(e));
        }
        return null;
    }
}

package dev.kconnect.runtime.chaos;

import dev.kconnect.sandbox.kinetica.Faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the faults act on: the workers that always run (killed and started again), the one that comes
 * and goes (rebalances), and the Kinetica emulator's fault switches.
 */
final class ChaosCluster {
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    final List<WorkerNode> workers;
    final WorkerNode extra;
    final Faults kinetica;
    /** The connectors whose workers get killed. */
    final List<String> connectors;
    /** What went wrong that no fault caused: a worker that ended by itself or outlived a SIGTERM. */
    final List<String> findings = new ArrayList<>();
    /** Workers stopped with SIGTERM. */
    int sigterms;

    ChaosCluster(List<WorkerNode> workers, WorkerNode extra, Faults kinetica, List<String> connectors) {
        this.workers = List.copyOf(workers);
        this.extra = extra;
        this.kinetica = kinetica;
        this.connectors = List.copyOf(connectors);
    }

    /** Any worker that answers, for REST calls (a killed one is being started again). */
    String anyRestUrl() {
        return workers.stream().filter(WorkerNode::answers).findFirst().orElse(workers.get(0)).restUrl;
    }

    /** Stops a worker with SIGTERM, noting it when that took more than a minute. */
    void stopGracefully(WorkerNode worker) throws InterruptedException {
        if (worker.alive()) {
            sigterms++;
        }
        if (!worker.stop()) {
            findings.add(worker + " still ran a minute after SIGTERM (then killed); see " + worker.logDir());
        }
    }

    /** The lines of all workers' logs that hold {@code text}. */
    List<String> logLines(String text) {
        List<String> lines = new ArrayList<>();
        workers.forEach(w -> lines.addAll(w.logLines(text)));
        lines.addAll(extra.logLines(text));
        return lines;
    }

    /** No fault left: Kinetica up and prompt, every regular worker running, the extra one gone. */
    void calm() throws Exception {
        kinetica.reset();
        stopGracefully(extra);
        for (WorkerNode worker : workers) {
            if (!worker.alive()) { // every fault starts again what it killed
                findings.add(worker + " had ended by itself; see " + worker.logDir());
                worker.start();
            }
        }
        for (WorkerNode worker : workers) {
            worker.awaitUp(START_TIMEOUT);
        }
    }
}

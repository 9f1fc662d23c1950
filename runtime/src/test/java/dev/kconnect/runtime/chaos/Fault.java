package dev.kconnect.runtime.chaos;

import dev.kconnect.testkit.Await;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The kinds of trouble the driver causes. Each draws all its random numbers before it waits on
 * anything, so that a seed repeats the same faults whatever the timing.
 */
enum Fault {
    /**
     * {@code kill -9} of the regular worker that runs the first task of a connector drawn at random, or
     * of any regular worker (drawn like one more connector, and when that task runs nowhere); it starts
     * again 1-5 s later, as a supervisor would.
     */
    KILL_WORKER {
        @Override
        String inject(ChaosCluster cluster, ChaosSettings settings, Random random) throws Exception {
            int pick = random.nextInt(cluster.connectors.size() + 1);
            WorkerNode any = cluster.workers.get(random.nextInt(cluster.workers.size()));
            Duration away = Duration.ofMillis(ChaosSettings.between(random, 1_000, 5_000));
            String task = pick < cluster.connectors.size() ? cluster.connectors.get(pick) + "-0" : null;
            WorkerNode worker = cluster.workers.stream().filter(w -> task != null && w.tasks().contains(task))
                    .findFirst().orElse(any);
            List<String> tasks = worker.tasks();
            long pid = worker.pid();
            worker.kill();
            Thread.sleep(away.toMillis());
            worker.start();
            worker.awaitUp(ChaosCluster.START_TIMEOUT);
            return "kill -9 " + worker + " (pid " + pid + ", running " + tasks + "), started again " + away.toMillis()
                    + " ms later";
        }
    },
    /** A worker joins the group (tasks move to it), stays a while, then leaves with SIGTERM (they move back). */
    ADD_AND_REMOVE_WORKER {
        @Override
        String inject(ChaosCluster cluster, ChaosSettings settings, Random random) throws Exception {
            Duration stay = settings.spell(random);
            cluster.extra.start();
            cluster.extra.awaitUp(ChaosCluster.START_TIMEOUT);
            Thread.sleep(stay.toMillis());
            cluster.stopGracefully(cluster.extra);
            return cluster.extra + " joined, stayed " + stay.toMillis() + " ms, stopped with SIGTERM";
        }
    },
    /** Kinetica refuses connections for a while (its tables survive). */
    KINETICA_DOWN {
        @Override
        String inject(ChaosCluster cluster, ChaosSettings settings, Random random) throws Exception {
            Duration outage = settings.outage(random);
            cluster.kinetica.down();
            try {
                Thread.sleep(outage.toMillis());
            } finally {
                cluster.kinetica.up();
            }
            return "Kinetica down for " + outage.toMillis() + " ms";
        }
    },
    /** Every call to Kinetica waits 100-1,500 ms before it is served. */
    KINETICA_SLOW {
        @Override
        String inject(ChaosCluster cluster, ChaosSettings settings, Random random) throws Exception {
            Duration latency = Duration.ofMillis(ChaosSettings.between(random, 100, 1_500));
            Duration spell = settings.spell(random);
            cluster.kinetica.latency(latency);
            try {
                Thread.sleep(spell.toMillis());
            } finally {
                cluster.kinetica.latency(Duration.ZERO);
            }
            return "Kinetica " + latency.toMillis() + " ms slower a call for " + spell.toMillis() + " ms";
        }
    },
    /**
     * The next 5-60 calls, whoever makes them (sinks, source, the row inserter), answer a Kinetica
     * error; half the time "Kinetica is offline", which the client reads as the server being down.
     */
    KINETICA_ERRORS {
        @Override
        String inject(ChaosCluster cluster, ChaosSettings settings, Random random) throws Exception {
            int calls = (int) ChaosSettings.between(random, 5, 60);
            boolean offline = random.nextBoolean();
            Duration spell = settings.spell(random);
            if (offline) {
                cluster.kinetica.failNext(calls, "Kinetica is offline");
            } else {
                cluster.kinetica.failNext(calls);
            }
            Await.poll(spell, cluster.kinetica::failuresLeft, left -> left == 0);
            int left = cluster.kinetica.failuresLeft();
            cluster.kinetica.failNext(0);
            return (calls - left) + " of " + calls + " calls answered with an error"
                    + (offline ? " (\"Kinetica is offline\")" : "");
        }
    };

    /** Causes the fault, waits it out, and says what it did. */
    abstract String inject(ChaosCluster cluster, ChaosSettings settings, Random random) throws Exception;
}

package dev.kconnect.runtime.chaos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Causes faults one after the other, drawn from one seeded {@link Random}, and logs each. The kinds
 * come in rounds, each a shuffle of all of them, so that even a short run meets every kind: the first
 * round is always finished, then faults go on until the fault phase is over.
 */
final class FaultDriver {
    private final ChaosCluster cluster;
    private final ChaosSettings settings;
    private final Random random;
    private final Consumer<String> log;
    private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);

    FaultDriver(ChaosCluster cluster, ChaosSettings settings, Consumer<String> log) {
        this.cluster = cluster;
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.log = log;
        Arrays.stream(Fault.values()).forEach(f -> injected.put(f, 0));
    }

    void run() throws Exception {
        long start = System.nanoTime();
        long end = start + settings.faultPhase().toNanos();
        int n = 0;
        while (true) {
            List<Fault> round = new ArrayList<>(List.of(Fault.values()));
            Collections.shuffle(round, random);
            for (Fault fault : round) {
                if (n >= round.size() && System.nanoTime() >= end) {
                    return;
                }
                Thread.sleep(settings.calm(random).toMillis());
                long began = System.nanoTime();
                String what = fault.inject(cluster, settings, random);
                injected.merge(fault, 1, Integer::sum);
                log.accept(String.format("fault %d at +%.1f s (seed %d): %s: %s, over at +%.1f s", ++n,
                        (began - start) / 1e9, settings.seed(), fault, what, (System.nanoTime() - start) / 1e9));
            }
        }
    }

    /** How many faults of each kind were caused. */
    Map<Fault, Integer> injected() {
        return Collections.unmodifiableMap(injected);
    }

    int total() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }
}

package dev.kconnect.runtime.chaos;

import java.time.Duration;
import java.util.Random;

/**
 * What a chaos run is told: its seed ({@code -Dchaos.seed=N} repeats a run's faults, in the same
 * order and with the same lengths) and how long faults go on. Without {@code -Dchaos.minutes} it is
 * the bounded run of the build: one round of faults (each kind once), outages of 5-15 s. With it (the
 * release check, {@code -Pchaos -Dchaos.minutes=30}) rounds follow each other for that long, outages
 * last 5-60 s.
 */
record ChaosSettings(long seed, Duration faultPhase, boolean longRun) {

    static ChaosSettings fromSystemProperties() {
        String seed = System.getProperty("chaos.seed", "").strip();
        String minutes = System.getProperty("chaos.minutes", "").strip();
        boolean longRun = !minutes.isEmpty();
        return new ChaosSettings(seed.isEmpty() ? new Random().nextLong() : Long.parseLong(seed),
                longRun ? Duration.ofSeconds(Math.round(Double.parseDouble(minutes) * 60)) : Duration.ZERO,
                longRun);
    }

    /** How long Kinetica stays down. */
    Duration outage(Random random) {
        return Duration.ofMillis(between(random, 5_000, longRun ? 60_000 : 15_000));
    }

    /** How long a slow Kinetica, an added worker or a burst of errors lasts. */
    Duration spell(Random random) {
        return Duration.ofMillis(between(random, 5_000, longRun ? 30_000 : 12_000));
    }

    /** The calm between two faults. */
    Duration calm(Random random) {
        return Duration.ofMillis(between(random, 2_000, longRun ? 20_000 : 5_000));
    }

    /** A whole number in [min, max]. */
    static long between(Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min + 1));
    }

    String describe() {
        return "seed=" + seed + (longRun ? ", " + faultPhase.toSeconds() / 60.0 + " minutes of faults"
                : ", bounded run: one round of faults") + " (-Dchaos.seed=" + seed + " repeats them)";
    }
}

package dev.kconnect.cli.heal;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * When {@code heal} restarts a failed connector or task. {@code only} (may be null) must match
 * its trace for a restart; {@code never} (may be null) matching forbids one: bad config or refused
 * credentials fail again at once, and each restart only adds load and noise.
 */
public record Policy(int maxRestarts, Duration window, Duration minBackoff, Duration maxBackoff,
                     Pattern only, Pattern never) {

    /** The wait after the {@code restarts}-th restart in the window: doubling from the first, capped at the longest. */
    public Duration backoffAfter(int restarts) {
        Duration wait = minBackoff;
        for (int i = 1; i < restarts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

package dev.kconnect.testkit;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Programs a test drives (a shell, tmux, script). On a developer's machine a missing one skips the
 * test; under CI (CI=true, as .ci/run and CI services set it) it fails it, since .ci/run installs them.
 */
public final class Tools {
    private Tools() {
    }

    /** Skips the calling test when {@code tool} is not on the PATH, or fails it under CI. */
    public static void require(String tool) {
        boolean present;
        try {
            present = new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, tool + " is not installed (.ci/run installs it)");
        }
        assertTrue(present, tool + " must be installed for this test under CI (.ci/run installs it)");
    }
}

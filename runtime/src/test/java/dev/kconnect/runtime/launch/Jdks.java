package dev.kconnect.runtime.launch;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Java releases the launcher is tested with, found under /usr/lib/jvm (where Debian and its
 * packagers put them, and .ci/jdk21 puts Java 21). A missing one skips its test, unless
 * KCONNECT_TEST_JAVA_RELEASES (set by .ci/run: "17 21 25") lists it: then it fails the test.
 */
final class Jdks {
    static final Path JVMS = Path.of("/usr/lib/jvm");

    private Jdks() {
    }

    /** The home of a JDK of this feature release (the one running the build, if it is one), or the test stops. */
    static Path home(int feature) throws IOException {
        Path found = find(feature).orElse(null);
        if (found == null) {
            String missing = "no Java " + feature + " under " + JVMS + (feature == 21 ? " (on Debian bookworm, .ci/jdk21 makes one)" : "");
            if (required(feature)) {
                Assertions.fail(missing + "; KCONNECT_TEST_JAVA_RELEASES requires it");
            }
            Assumptions.abort(missing);
        }
        return found;
    }

    static Optional<Path> find(int feature) throws IOException {
        Path mine = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() == feature) {
            return Optional.of(mine);
        }
        if (!Files.isDirectory(JVMS)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(JVMS)) {
            return dirs.sorted(Comparator.naturalOrder())
                    .filter(d -> Files.isExecutable(d.resolve("bin/java")))
                    .filter(d -> release(d, "JAVA_VERSION").split("\\.")[0].equals(String.valueOf(feature)))
                    .findFirst();
        }
    }

    static boolean required(int feature) {
        String releases = System.getenv().getOrDefault("KCONNECT_TEST_JAVA_RELEASES", "");
        return Arrays.asList(releases.trim().split("[\\s,]+")).contains(String.valueOf(feature));
    }

    /** A value of the JDK's release file, such as JAVA_RUNTIME_VERSION (which names the launcher's archive). */
    static String release(Path jdk, String key) {
        try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
            return lines.filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1).replace("\"", ""))
                    .findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}

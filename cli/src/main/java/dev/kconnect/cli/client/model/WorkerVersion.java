package dev.kconnect.cli.client.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka Connect release a worker runs, from the {@code version} of {@code GET /}: "3.5.2",
 * "4.1.0-SNAPSHOT", or Confluent's "7.6.0-ccs" (Confluent Platform 7.x carries Kafka 3.x, 8.x
 * Kafka 4.x). A version that cannot be read is taken as new enough for everything: the worker's
 * own answer then tells.
 */
public record WorkerVersion(String text, int major, int minor) {

    private static final Pattern NUMBERS = Pattern.compile("^(\\d+)\\.(\\d+)");
    /** Confluent Platform 7.0 is Kafka 3.0, 8.0 is Kafka 4.0: the major differs by four. */
    private static final int CONFLUENT_OFFSET = 4;

    public static WorkerVersion parse(String text) {
        Matcher m = text == null ? null : NUMBERS.matcher(text);
        if (m == null || !m.find()) {
            return new WorkerVersion(text, Integer.MAX_VALUE, 0);
        }
        int major = Integer.parseInt(m.group(1));
        if (text.endsWith("-ccs") || text.endsWith("-ce")) {
            major -= CONFLUENT_OFFSET;
        }
        return new WorkerVersion(text, major, Integer.parseInt(m.group(2)));
    }

    public boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || major == wantedMajor && minor >= wantedMinor;
    }

    @Override
    public String toString() {
        return text;
    }
}

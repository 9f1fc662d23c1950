package dev.kconnect.cli.lag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A sink's lag as time: how old the oldest record it has not committed is (from the records'
 * timestamps), and when it catches up if its lag goes on shrinking as it did between two samples.
 *
 * @param oldestAgeMs  now minus the oldest uncommitted record's timestamp; null when nothing is behind or it could not be read
 * @param catchUpMs    the lag divided by how fast it shrank; null when it did not shrink (or there was one sample)
 * @param lagChange    how much the lag changed between the samples (negative: shrinking); null with one sample
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Behind(@JsonProperty("oldest_uncommitted_age_ms") Long oldestAgeMs,
                     @JsonProperty("catch_up_ms") Long catchUpMs,
                     @JsonProperty("lag_change") Long lagChange) {

    /** From two samples {@code nanos} apart (second may be null), and the oldest uncommitted record's timestamp if known. */
    static Behind of(SinkLag first, SinkLag second, long nanos, Long oldestTimestamp, long now) {
        SinkLag last = second == null ? first : second;
        Long age = last.total() == 0 || oldestTimestamp == null ? null : Math.max(0, now - oldestTimestamp);
        if (second == null) {
            return new Behind(age, null, null);
        }
        long change = second.total() - first.total();
        Long catchUp = null;
        if (second.total() == 0) {
            catchUp = 0L;
        } else if (change < 0 && nanos > 0) {
            catchUp = Math.round(second.total() * (nanos / 1e6) / -change);
        }
        return new Behind(age, catchUp, change);
    }

    /** "the oldest record not committed is 42 s old; catching up in about 8 s", for people. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(oldestAgeMs == null ? "nothing waiting" : "the oldest record not committed is " + duration(oldestAgeMs) + " old");
        if (catchUpMs != null && catchUpMs > 0) {
            text.append("; catching up in about ").append(duration(catchUpMs)).append(" at this pace");
        } else if (lagChange != null && lagChange >= 0 && oldestAgeMs != null) {
            text.append("; not catching up (the lag ").append(lagChange == 0 ? "stayed the same" : "grew by " + lagChange)
                    .append(" over the rate's window)");
        }
        return text.toString();
    }

    static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = Math.round(ms / 1000.0);
        if (s < 120) {
            return s + " s";
        }
        long m = s / 60;
        return m < 120 ? m + " min " + (s % 60) + " s" : (m / 60) + " h " + (m % 60) + " min";
    }
}

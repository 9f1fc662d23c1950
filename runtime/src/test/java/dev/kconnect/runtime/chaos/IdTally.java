package dev.kconnect.runtime.chaos;

import java.util.stream.LongStream;

/**
 * How a set of delivered ids compares with the ids 0 .. expected-1 that were written: how many
 * arrived, how many distinct ones, how many extra copies, how many never arrived, and how many ids
 * nobody wrote.
 */
record IdTally(long expected, long total, long distinct, long duplicated, long lost, long unknown) {

    static IdTally of(long expected, LongStream ids) {
        int[] copies = new int[Math.toIntExact(expected)];
        long[] total = {0};
        long[] unknown = {0};
        ids.forEach(id -> {
            total[0]++;
            if (id >= 0 && id < expected) {
                copies[(int) id]++;
            } else {
                unknown[0]++;
            }
        });
        long distinct = 0;
        long duplicated = 0;
        for (int c : copies) {
            if (c > 0) {
                distinct++;
                duplicated += c - 1;
            }
        }
        return new IdTally(expected, total[0], distinct, duplicated, expected - distinct, unknown[0]);
    }

    boolean exactlyOnce() {
        return lost == 0 && duplicated == 0 && unknown == 0;
    }

    boolean atLeastOnce() {
        return lost == 0 && unknown == 0;
    }

    @Override
    public String toString() {
        return "written=" + expected + " delivered=" + total + " distinct=" + distinct + " duplicated=" + duplicated
                + " lost=" + lost + (unknown == 0 ? "" : " unknown=" + unknown);
    }
}

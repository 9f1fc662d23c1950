package dev.kconnect.cli.input;

import java.util.Collection;
import java.util.List;

/** "Did you mean …?": the candidates nearest to what was typed, by edit distance (a swap of two letters counts one). */
public final class Closest {

    private Closest() {
    }

    /**
     * The candidates at the smallest distance from {@code typed}, if that distance is small for the
     * word's length (a third of it, at least one edit); none when nothing is that close.
     */
    public static List<String> to(String typed, Collection<String> candidates) {
        String lower = typed.toLowerCase();
        int best = Math.max(1, lower.length() / 3);
        for (String candidate : candidates) {
            best = Math.min(best, distance(lower, candidate.toLowerCase()));
        }
        int limit = best;
        return candidates.stream().filter(c -> distance(lower, c.toLowerCase()) <= limit).distinct().sorted().toList();
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

package sectar.agent.data;

import java.util.SplittableRandom;

/** Random orders drawn from a caller's stream (Fisher-Yates), for minibatch shuffles. */
public final class Permutations {
    private Permutations() {}

    /** A uniformly random permutation of 0..n-1. */
    public static int[] of(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}

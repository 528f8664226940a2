package sectar.agent.data;

/**
 * Places the explorer's per-segment novelty bonus (the segment's negative ELBO) as a sparse reward
 * (spec section 4.3): a rollout of L = (T+1) K - 1 actions is cut into K segments; segment k's bonus
 * goes on action (T+1) k + T, the boundary transition taken from its last state, and the final
 * segment's on action L - 1. All other rewards are 0.
 */
public final class NoveltyRewards {
    private NoveltyRewards() {}

    /** Rollout length in actions for K segments of T actions. */
    public static int rolloutLength(int t, int k) { return (t + 1) * k - 1; }

    /**
     * @param bonus per-segment bonus, length K
     * @param t     actions per segment T
     * @return rewards per action, length (T+1) K - 1
     */
    public static double[] place(double[] bonus, int t) {
        int k = bonus.length, len = rolloutLength(t, k);
        double[] r = new double[len];
        for (int s = 0; s < k - 1; s++) r[(t + 1) * s + t] = bonus[s];
        r[len - 1] = bonus[k - 1];
        return r;
    }
}

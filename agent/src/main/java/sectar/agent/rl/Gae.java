package sectar.agent.rl;

/**
 * Generalised advantage estimation (Schulman et al. 2016) over a batch of trajectories laid end to
 * end. With a zero baseline (SeCTAR's PPO, spec section 5) the advantage reduces to
 * {@code A_t = sum_k (gamma lambda)^k r_{t+k}}, truncated at the end of each trajectory.
 */
public final class Gae {
    private Gae() {}

    /**
     * @param rewards    r_t for every step of every trajectory, concatenated
     * @param values     V(s_t) per step, or null for a zero baseline
     * @param lastValues V of the state after each trajectory's last step (bootstrap for truncated
     *                   trajectories; 0 for terminated ones), or null for no bootstrap
     * @param lengths    length of each trajectory, summing to rewards.length
     * @param gamma      discount
     * @param lambda     GAE lambda
     * @return advantages, same length as rewards
     */
    public static double[] advantages(double[] rewards, double[] values, double[] lastValues, int[] lengths,
                                      double gamma, double lambda) {
        int total = 0;
        for (int len : lengths) {
            if (len < 1) throw new IllegalArgumentException("trajectory lengths must be >= 1, got " + len);
            total += len;
        }
        if (total != rewards.length)
            throw new IllegalArgumentException("lengths sum to " + total + " but there are " + rewards.length + " rewards");
        if (values != null && values.length != rewards.length)
            throw new IllegalArgumentException("values has length " + values.length + ", expected " + rewards.length);
        double[] adv = new double[rewards.length];
        int end = rewards.length;
        for (int tr = lengths.length - 1; tr >= 0; tr--) {
            int start = end - lengths[tr];
            double nextValue = lastValues == null ? 0 : lastValues[tr];
            double running = 0;
            for (int t = end - 1; t >= start; t--) {
                double v = values == null ? 0 : values[t];
                double delta = rewards[t] + gamma * nextValue - v;
                running = delta + gamma * lambda * running;
                adv[t] = running;
                nextValue = v;
            }
            end = start;
        }
        return adv;
    }

    /** Discounted returns-to-go targets for a value function: advantages + values. */
    public static double[] returns(double[] advantages, double[] values) {
        double[] r = advantages.clone();
        if (values != null) for (int i = 0; i < r.length; i++) r[i] += values[i];
        return r;
    }

    /** (A - mean) / (std + 1e-5) over the whole batch, as the released PPO does. */
    public static double[] normalise(double[] adv) {
        double mean = 0;
        for (double a : adv) mean += a;
        mean /= adv.length;
        double var = 0;
        for (double a : adv) var += (a - mean) * (a - mean);
        double std = Math.sqrt(var / adv.length);
        double[] out = new double[adv.length];
        for (int i = 0; i < adv.length; i++) out[i] = (adv[i] - mean) / (std + 1e-5);
        return out;
    }
}

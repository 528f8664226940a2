package sectar.agent.rl;

/**
 * On-policy experience for one update: trajectories laid end to end (the layout {@link Gae} expects).
 * Trajectories are cut at their last step with no bootstrap, as in rllab and the released PPO.
 *
 * @param inputs       policy input per step, [N][inputDim] (observation, or {@code [s, z]})
 * @param actions      action per step, [N][1] (discrete index) or [N][actDim]
 * @param rewards      reward per step, [N]
 * @param lengths      steps of each trajectory, summing to N
 * @param oldLogProbs  log pi_old(a_t | x_t) recorded while acting, [N]; null to let the optimiser
 *                     compute them with the policy as it is before the update (the same thing when
 *                     the batch was collected with the current weights)
 */
public record RolloutBatch(double[][] inputs, double[][] actions, double[] rewards, int[] lengths,
                           double[] oldLogProbs) {
    public RolloutBatch {
        int n = inputs.length;
        if (n == 0) throw new IllegalArgumentException("a rollout batch needs at least one step");
        if (actions.length != n) throw new IllegalArgumentException("actions has " + actions.length + " rows, expected " + n);
        if (rewards.length != n) throw new IllegalArgumentException("rewards has " + rewards.length + " entries, expected " + n);
        if (oldLogProbs != null && oldLogProbs.length != n)
            throw new IllegalArgumentException("oldLogProbs has " + oldLogProbs.length + " entries, expected " + n);
        int total = 0;
        for (int len : lengths) {
            if (len < 1) throw new IllegalArgumentException("trajectory lengths must be >= 1, got " + len);
            total += len;
        }
        if (total != n) throw new IllegalArgumentException("lengths sum to " + total + " but the batch has " + n + " steps");
        for (int i = 0; i < n; i++)
            if (!Double.isFinite(rewards[i])) throw new IllegalArgumentException("reward " + i + " must be finite, got " + rewards[i]);
    }

    public int size() { return inputs.length; }

    /** Index of each step within its trajectory (the linear baseline's time feature). */
    public int[] timeSteps() {
        int[] t = new int[inputs.length];
        int o = 0;
        for (int len : lengths)
            for (int k = 0; k < len; k++) t[o++] = k;
        return t;
    }
}

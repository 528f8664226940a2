package sectar.agent.data;

import java.util.List;

/**
 * Cuts one explorer rollout of (T+1) K states into K non-overlapping segments of T+1 states (spec 7:
 * the K-1 boundary transitions are not training samples). Each state is paired with the action taken
 * from it; the very last state of the rollout has none, so it repeats a_{T-1} of its segment (spec 2).
 */
public final class SegmentCutter {
    private SegmentCutter() {}

    /**
     * @param states     the rollout's states s_0..s_L, L = (T+1) K - 1
     * @param actions    encoded actions a_0..a_{L-1} (one-hot for discrete tasks)
     * @param t          actions per segment T
     * @param k          segments K
     */
    public static Segment[] cut(List<double[]> states, List<float[]> actions, int t, int k) {
        int len = NoveltyRewards.rolloutLength(t, k);
        if (states.size() != len + 1 || actions.size() != len)
            throw new IllegalArgumentException("a rollout of " + k + " segments of T=" + t + " needs " + (len + 1)
                    + " states and " + len + " actions, got " + states.size() + " and " + actions.size());
        int obs = states.get(0).length, act = actions.get(0).length;
        Segment[] out = new Segment[k];
        for (int s = 0; s < k; s++) {
            float[] st = new float[(t + 1) * obs], ac = new float[(t + 1) * act];
            for (int j = 0; j <= t; j++) {
                int i = (t + 1) * s + j;
                double[] x = states.get(i);
                for (int d = 0; d < obs; d++) st[j * obs + d] = (float) x[d];
                float[] a = i < len ? actions.get(i) : actions.get(i - 1);
                System.arraycopy(a, 0, ac, j * act, act);
            }
            out[s] = new Segment(st, ac);
        }
        return out;
    }
}

package sectar.agent.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an executed episode (the MPC's: consecutive T-step segments that share their boundary state)
 * into training segments of T+1 states. Each state is paired with the action taken from it; the
 * episode's last state repeats the action before it (as the explorer's final segment does, spec 2).
 * A trailing partial segment (an episode that terminated mid-segment) is dropped.
 */
public final class ExecutedSegments {
    private ExecutedSegments() {}

    /**
     * @param states  s_0..s_L of the episode
     * @param actions encoded a_0..a_{L-1}
     * @param t       actions per segment T
     */
    public static List<Segment> cut(List<double[]> states, List<float[]> actions, int t) {
        if (states.size() != actions.size() + 1)
            throw new IllegalArgumentException("an episode of " + actions.size() + " actions needs " + (actions.size() + 1)
                    + " states, got " + states.size());
        List<Segment> out = new ArrayList<>();
        if (actions.isEmpty()) return out;
        int obs = states.get(0).length, act = actions.get(0).length, len = actions.size();
        for (int from = 0; from + t <= len; from += t) {
            float[] st = new float[(t + 1) * obs], ac = new float[(t + 1) * act];
            for (int j = 0; j <= t; j++) {
                double[] x = states.get(from + j);
                for (int d = 0; d < obs; d++) st[j * obs + d] = (float) x[d];
                System.arraycopy(actions.get(Math.min(from + j, len - 1)), 0, ac, j * act, act);
            }
            out.add(new Segment(st, ac));
        }
        return out;
    }
}

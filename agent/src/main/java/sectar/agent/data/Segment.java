package sectar.agent.data;

/**
 * One trajectory segment: T+1 states and the action taken from each (spec section 2). Discrete actions
 * are stored one-hot. The action paired with s_T is the one actually taken from s_T, except in an
 * explorer rollout's final segment, where it repeats a_{T-1}.
 *
 * @param states  [(T+1), obsDim] flat
 * @param actions [(T+1), actDim] flat (actDim = number of discrete actions when one-hot)
 */
public record Segment(float[] states, float[] actions) {
    /** Number of states (T+1) for a given observation size. */
    public int length(int obsDim) { return states.length / obsDim; }
}

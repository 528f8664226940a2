package sectar.agent.vae;

import sectar.agent.nn.Nd;

/**
 * A minibatch of trajectory segments in the released code's record layout (spec 2): segment b has
 * T+1 states and T+1 actions (the action taken from each state, one-hot for discrete tasks).
 *
 * @param states  [batch][T+1][obsDim] row-major
 * @param actions [batch][T+1][actionSize] row-major (one-hot for discrete actions)
 * @param batch   number of segments
 */
public record SegmentBatch(float[] states, float[] actions, int batch) {
    public SegmentBatch {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        if (states == null || actions == null) throw new IllegalArgumentException("states and actions must not be null");
    }

    /** Throws naming both shapes when the arrays do not fit (T, obs, actions); rejects NaN. */
    void validate(int steps, int obs, int act) {
        Nd.checkInput("segment states", states, batch * (steps + 1) * obs, "[" + batch + ", " + (steps + 1) + ", " + obs + "]");
        Nd.checkInput("segment actions", actions, batch * (steps + 1) * act, "[" + batch + ", " + (steps + 1) + ", " + act + "]");
    }
}

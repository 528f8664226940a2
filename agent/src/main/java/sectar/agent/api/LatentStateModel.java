package sectar.agent.api;

/**
 * What the planner needs from a trajectory model: predicted state means for latent sequences,
 * chained segment after segment. Implemented by the SeCTAR state decoder and, in tests, by oracles.
 *
 * <p>All arrays are flat and row-major so one call can carry thousands of candidates without
 * per-candidate objects.
 */
public interface LatentStateModel {
    int obsDim();

    int latentDim();

    /** T: predicted states per segment (the segment's start state is not repeated). */
    int segmentLength();

    /**
     * Predicts H chained segments for each of N candidates: segment k starts at the last predicted
     * state of segment k-1 (segment 0 at {@code s0}).
     *
     * @param s0  start states, [N, obsDim]
     * @param z   latent sequences, [N, H, latentDim]
     * @param n   number of candidates N
     * @param h   segments per candidate H
     * @param out predicted means, [N, H, T, obsDim]; must have length N*H*T*obsDim
     */
    void predictChained(float[] s0, float[] z, int n, int h, float[] out);
}

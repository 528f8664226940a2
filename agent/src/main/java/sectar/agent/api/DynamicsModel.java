package sectar.agent.api;

/**
 * A one-step dynamics model s' = f(s, a), batched: what the one-step-model MPC baseline plans with
 * (spec section 10.1). Actions are encoded as the networks see them: one-hot for discrete tasks.
 */
public interface DynamicsModel {
    int obsDim();

    /** Encoded action size (number of discrete actions, or the action vector length). */
    int actionDim();

    /**
     * @param s   states [N, obsDim]
     * @param a   encoded actions [N, actionDim]
     * @param n   batch size N
     * @param out next states [N, obsDim]
     */
    void predictNext(float[] s, float[] a, int n, float[] out);
}

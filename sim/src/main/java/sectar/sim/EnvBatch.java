package sectar.sim;

/**
 * N envs of one task instance stepped in place by index, each writing its observation into a row the
 * caller owns: the form a vector env steps. A task whose step costs tens of nanoseconds (waypoint's
 * kinematic move) registers its own batch that keeps every env's state in arrays, because stepping N
 * separate {@link Env} objects round-robin costs more than the steps themselves (EnvPool's and
 * Gymnasium's native vector envs do the same); every other task is batched as separate envs.
 *
 * <p>Env i of a batch equals a time-limited {@link Env} of the same spec step for step: the same
 * observations bitwise, rewards, stages and flags, from the same reset seeds and actions.
 */
public interface EnvBatch {
    /** The task instance every env of the batch runs. */
    TaskSpec spec();

    /** Number of envs. */
    int size();

    /** Starts env i's instance start state (seed drives any start noise); writes the observation into {@code obs}. */
    void reset(int i, long seed, double[] obs);

    /** Starts env i from an arbitrary state at the given stage (checked as {@link Env#resetTo}); writes the observation into {@code obs}. */
    void resetTo(int i, double[] state, int stage, double[] obs);

    /**
     * One step of env i with an action its caller has validated against the action space; writes the
     * new observation into {@code obs} and returns the reward. Stepping an env whose episode ended
     * before resetting it throws {@link IllegalStateException}.
     */
    double step(int i, double[] action, double[] obs);

    /** Env i's stage after its last step or reset. */
    int stage(int i);

    /** Steps env i took since its last reset. */
    int elapsedSteps(int i);

    /** Whether env i's last step ended its episode by reaching the last stage. */
    boolean terminated(int i);

    /** Whether env i's last step ended its episode at the episode length ({@link TimeLimit}'s rule). */
    boolean truncated(int i);
}

package sectar.sim;

/**
 * Gymnasium-style episodic environment with SeCTAR's extra: {@link #resetTo(double[], int)} starts an
 * episode from any state vector (the planner, the explorer and the consistency rollouts need it).
 *
 * <p>Call {@link #reset(long)} (or {@code resetTo}) before {@link #step(double[])}; stepping before a
 * reset or after a terminal step throws {@link IllegalStateException}.
 */
public interface Env {
    /** The task this env runs (name, instance, spaces, episode length). */
    TaskSpec spec();

    default Space observationSpace() { return spec().observationSpace(); }

    default Space actionSpace() { return spec().actionSpace(); }

    /** Starts the instance's start state (seed drives any start noise); returns the observation. */
    double[] reset(long seed);

    /** Starts from an arbitrary state vector (an observation of this task) at the given stage. */
    double[] resetTo(double[] state, int stage);

    /** Starts from an arbitrary state vector at stage 0. */
    default double[] resetTo(double[] state) { return resetTo(state, 0); }

    /** Applies one action: a one-element index for discrete tasks, a vector for continuous ones. */
    Step step(double[] action);

    /** Index of the next goal; equals {@code spec().reward().numGoals()} when all are done. */
    int stage();

    /** Steps taken since the last reset. */
    int elapsedSteps();
}

package sectar.sim.vector;

import sectar.sim.Step;

/**
 * Receives every step of a batched {@link VectorEnv#run} call, on the thread that took it, in time
 * order for each env. Like an {@link ActionSource}, a sink may only touch state of the env it is
 * called for (per-env storage, the env's policy), because two threads call it at once.
 */
@FunctionalInterface
public interface StepSink {
    /**
     * @param env  index of the env in the vector
     * @param step the step just taken: when the episode ended, its observation is the finished episode's
     *             last one (a fresh array); otherwise it is {@code next}
     * @param next the observation the env acts on next (the new episode's first one after an auto-reset):
     *             the env's row, rewritten by its next step, so copy it to keep it
     */
    void accept(int env, Step step, double[] next);
}

package sectar.sim.vector;

/**
 * Chooses one env's action inside a {@link VectorEnv} call, on the thread that then steps that env.
 * With two threads, sources for different envs run at the same time, so a source may only touch
 * state of its own env (its own policy instance, its own random stream); results are then identical
 * whatever the thread count.
 */
@FunctionalInterface
public interface ActionSource {
    /**
     * @param env         index of the env in the vector
     * @param observation the observation env {@code env} acts on (with {@link VectorEnv#step(ActionSource)}
     *                    env {@code env}'s reused row: copy it to keep it)
     * @param stage       its current stage
     * @return an action valid for the task's action space
     */
    double[] act(int env, double[] observation, int stage);
}

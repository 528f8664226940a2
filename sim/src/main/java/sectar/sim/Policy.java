package sectar.sim;

import java.util.SplittableRandom;

/** A controller acting on observations: scripted experts, random policies, learned policies. */
@FunctionalInterface
public interface Policy {
    /**
     * @param observation the current observation
     * @param stage       the current stage (experts need it; learned SeCTAR policies ignore it)
     * @param rng         the caller's stream for any sampling
     * @return an action valid for the task's action space
     */
    double[] act(double[] observation, int stage, SplittableRandom rng);

    /** Called at the start of every episode; stateful controllers (a gait phase) restart here. */
    default void reset() {}

    /** Uniform random actions from {@code space}. */
    static Policy random(Space space) {
        return (obs, stage, rng) -> space.sample(rng);
    }
}

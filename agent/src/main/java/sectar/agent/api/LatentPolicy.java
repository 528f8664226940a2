package sectar.agent.api;

import java.util.SplittableRandom;

/** The policy decoder pi(a | s, z) as the planner and the rollouts use it: one action at a time. */
public interface LatentPolicy {
    /**
     * Samples an action for state {@code s} under latent {@code z}.
     *
     * @return a discrete index as a one-element array, or a continuous action vector
     */
    double[] act(double[] s, float[] z, SplittableRandom rng);
}

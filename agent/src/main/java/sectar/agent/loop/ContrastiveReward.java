package sectar.agent.loop;

import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.vae.Sectar;

/**
 * A contrastive consistency reward in the manner of DADS (Sharma et al., "Dynamics-Aware Unsupervised
 * Discovery of Skills", ICLR 2020): per step, how much more likely the reached state is under the
 * executed latent than under K other latents drawn from the prior at the same start,
 * {@code log p(s_t | s_0, z) - log mean_{z' in {z, z_1..z_K}} p(s_t | s_0, z')}, with p the state
 * decoder. The released reward {@code log p(s_t | s_0, z)} pays a policy decoder for landing where the
 * state decoder expects, whatever the latent; this one pays only for landing where this latent, and not
 * the others, expects, so latents must steer the policy apart. It is bounded by log(K + 1).
 */
public final class ContrastiveReward {
    private ContrastiveReward() {}

    /**
     * @param s0      start states [n, obs]
     * @param z       the executed latents [n, latent]
     * @param reached the states reached [n, T, obs]
     * @param own     log p(reached | s0, z) per step [n, T]
     * @param others  K, the other latents per rollout (>= 1)
     * @param prior   where the other latents come from
     * @return the contrastive reward per step [n, T]
     */
    public static double[] of(Sectar model, float[] s0, float[] z, float[] reached, float[] own, int n, int others,
                              LatentPrior prior, SplittableRandom rng) {
        if (others < 1) throw new IllegalArgumentException("the contrastive reward needs >= 1 other latent, got " + others);
        int obs = model.obsDim(), lat = model.latentDim(), t = model.steps(), m = n * others;
        float[] s0k = new float[m * obs], zk = new float[m * lat], reachedK = new float[m * t * obs];
        for (int r = 0; r < n; r++)
            for (int k = 0; k < others; k++) {
                int i = r * others + k;
                System.arraycopy(s0, r * obs, s0k, i * obs, obs);
                System.arraycopy(reached, r * t * obs, reachedK, i * t * obs, t * obs);
            }
        prior.sample(s0k, m, rng, zk, 0, lat);
        float[] alt = model.inference().stateLogDensity(s0k, zk, reachedK, m);
        NonFiniteLossException.check("the contrastive reward's other-latent log-densities", alt);
        double[] reward = new double[n * t];
        for (int r = 0; r < n; r++)
            for (int j = 0; j < t; j++) {
                double mine = own[r * t + j], max = mine;
                for (int k = 0; k < others; k++) max = Math.max(max, alt[(r * others + k) * t + j]);
                double sum = Math.exp(mine - max);
                for (int k = 0; k < others; k++) sum += Math.exp(alt[(r * others + k) * t + j] - max);
                reward[r * t + j] = mine - (max + Math.log(sum / (others + 1)));
            }
        return reward;
    }
}

package sectar.agent.api;

import java.util.SplittableRandom;

/**
 * Where latents come from when nothing is encoded: the planner's candidates, the consistency rollouts
 * and the diagnostics all draw through one prior. The released method uses N(0, I); a learned,
 * state-conditioned prior plugs in here.
 */
public interface LatentPrior {
    int latentDim();

    /**
     * Draws one latent per start state.
     *
     * @param states start states, [n, obsDim] row-major
     * @param n      number of draws
     * @param rng    the caller's stream
     * @param out    latents, [n, latentDim] row-major, written at {@code out[offset ..]} with row stride {@code stride}
     */
    void sample(float[] states, int n, SplittableRandom rng, float[] out, int offset, int stride);

    /** The released prior N(0, I). */
    static LatentPrior standardNormal(int latentDim) { return new StandardNormal(latentDim); }

    /** N(0, I), independent of the state. */
    record StandardNormal(int latentDim) implements LatentPrior {
        @Override public void sample(float[] states, int n, SplittableRandom rng, float[] out, int offset, int stride) {
            for (int i = 0; i < n; i++)
                for (int j = 0; j < latentDim; j++) out[offset + i * stride + j] = (float) rng.nextGaussian();
        }
    }
}

package sectar.agent.api;

import java.util.SplittableRandom;

/**
 * Where latents come from when nothing is encoded: the planner's candidates, the consistency rollouts
 * and the diagnostics all draw through one prior. The released method uses N(0, I); a learned,
 * state-conditioned prior plugs in here.
 */
public interface LatentPrior {
    /** log N(0; 0, 1) per dimension: -log(2 pi) / 2. */
    double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

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

    /**
     * The Gaussian this prior proposes from at each state, for searches that start from a mean and a
     * spread rather than from draws (N(0, I): mean 0, standard deviation 1).
     *
     * @param states [n, obsDim] row-major
     * @param mean   out: [n, latentDim]
     * @param std    out: [n, latentDim]
     */
    default void gaussian(float[] states, int n, double[] mean, double[] std) {
        java.util.Arrays.fill(mean, 0, n * latentDim(), 0.0);
        java.util.Arrays.fill(std, 0, n * latentDim(), 1.0);
    }

    /**
     * log p(z_i | s_i) of n pairs in one call (the planner scores thousands of candidates at once).
     *
     * @param states [n, obsDim] row-major
     * @param z      [n, latentDim] row-major
     * @param out    out: [n]
     */
    default void logDensity(float[] states, float[] z, int n, double[] out) {
        for (int i = 0; i < n; i++) out[i] = standardNormalLogDensity(z, i * latentDim(), latentDim());
    }

    /** log N(z; 0, I) of the {@code dim} numbers from {@code offset}. */
    static double standardNormalLogDensity(float[] z, int offset, int dim) {
        double ss = 0;
        for (int j = 0; j < dim; j++) ss += (double) z[offset + j] * z[offset + j];
        return -0.5 * ss - dim * HALF_LOG_2PI;
    }

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

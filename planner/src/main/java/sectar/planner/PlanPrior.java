package sectar.planner;

import sectar.agent.api.LatentPrior;

/**
 * log p(z_1..z_H | s) of latent sequences under the planning prior, for the trust region and its
 * diagnostic: each segment's latent is scored at the state that segment starts from (the plan's start,
 * then the predicted end of the previous segment), and the H terms are summed. One batched prior call
 * covers all sequences.
 */
final class PlanPrior {
    private PlanPrior() {}

    /**
     * @param s0        start states [n, obsDim]
     * @param z         latent sequences [n, h, latentDim]
     * @param predicted predicted states [n, h, t, obsDim]
     * @param out       log-priors, written at {@code out[outOffset .. outOffset + n)}
     */
    static void logPrior(LatentPrior prior, float[] s0, float[] z, float[] predicted, int n, int h, int t, int obs,
                         double[] out, int outOffset) {
        float[] states = new float[n * h * obs];
        for (int c = 0; c < n; c++) {
            System.arraycopy(s0, c * obs, states, c * h * obs, obs);
            for (int k = 1; k < h; k++)
                System.arraycopy(predicted, ((c * h + k) * t - 1) * obs, states, (c * h + k) * obs, obs);
        }
        double[] lp = new double[n * h];
        prior.logDensity(states, z, n * h, lp);
        for (int c = 0; c < n; c++) {
            double sum = 0;
            for (int k = 0; k < h; k++) sum += lp[c * h + k];
            out[outOffset + c] = sum;
        }
    }
}

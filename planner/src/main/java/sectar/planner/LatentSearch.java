package sectar.planner;

import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.api.LatentStateModel;

/**
 * A search over latent sequences z_1..z_H for M planning problems at once (one per parallel MPC
 * episode), so the model is called on large batches.
 */
public interface LatentSearch {

    /**
     * @param model  the state model
     * @param prior  where candidate latents are proposed from
     * @param scorer the plan score
     * @param starts start state of each problem, [M][obsDim]
     * @param stages real stage of each problem
     * @param h      plan horizon in segments
     * @param rng    the planner's stream
     * @return the best plan of each problem
     */
    Plan[] plan(LatentStateModel model, LatentPrior prior, PlanScorer scorer, double[][] starts, int[] stages, int h,
                SplittableRandom rng);

    /** {@link #plan} with the released prior N(0, I). */
    default Plan[] plan(LatentStateModel model, PlanScorer scorer, double[][] starts, int[] stages, int h, SplittableRandom rng) {
        return plan(model, LatentPrior.standardNormal(model.latentDim()), scorer, starts, stages, h, rng);
    }

    /**
     * Candidate sequences [M, c, h, latentDim]: every latent from N(0, I), then, for a prior other than
     * N(0, I), each candidate's first latent re-drawn from the prior at its problem's start state (later
     * segments start at predicted states, so they stay with N(0, I)).
     */
    static float[] candidates(LatentPrior prior, double[][] starts, int c, int h, int latentDim, SplittableRandom rng) {
        int m = starts.length, stride = h * latentDim;
        float[] z = new float[m * c * stride];
        Gaussians.fill(z, rng);
        if (prior instanceof LatentPrior.StandardNormal) return z;
        int obs = starts[0].length;
        float[] s = new float[c * obs];
        for (int p = 0; p < m; p++) {
            for (int i = 0; i < c; i++) for (int d = 0; d < obs; d++) s[i * obs + d] = (float) starts[p][d];
            prior.sample(s, c, rng, z, p * c * stride, stride);
        }
        return z;
    }

    /** Model evaluations (candidate sequences decoded) per problem: the budget to compare searches on. */
    int evaluationsPerProblem();

    /**
     * A chosen plan.
     *
     * @param latents [H, latentDim] flat
     * @param score   its score under the scorer
     * @param predicted its predicted states [H, T, obsDim] flat
     * @param blind   whether every candidate the search evaluated scored the same (the choice was arbitrary)
     */
    record Plan(float[] latents, double score, float[] predicted, boolean blind) {}

    /** Whether the {@code count} scores from {@code from} are all equal. */
    static boolean allEqual(double[] scores, int from, int count) {
        for (int i = from + 1; i < from + count; i++) if (scores[i] != scores[from]) return false;
        return true;
    }
}

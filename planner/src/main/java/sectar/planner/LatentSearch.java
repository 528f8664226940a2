package sectar.planner;

import java.util.SplittableRandom;
import sectar.agent.api.LatentStateModel;

/**
 * A search over latent sequences z_1..z_H for M planning problems at once (one per parallel MPC
 * episode), so the model is called on large batches.
 */
public interface LatentSearch {

    /**
     * @param model  the state model
     * @param scorer the plan score
     * @param starts start state of each problem, [M][obsDim]
     * @param stages real stage of each problem
     * @param h      plan horizon in segments
     * @param rng    the planner's stream
     * @return the best plan of each problem
     */
    Plan[] plan(LatentStateModel model, PlanScorer scorer, double[][] starts, int[] stages, int h, SplittableRandom rng);

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

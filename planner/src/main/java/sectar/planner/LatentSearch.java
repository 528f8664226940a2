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
     */
    record Plan(float[] latents, double score, float[] predicted) {}
}

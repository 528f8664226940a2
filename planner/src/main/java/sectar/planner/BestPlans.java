package sectar.planner;

import java.util.Arrays;
import sectar.agent.api.LatentStateModel;

/** The best sequence each problem's search has evaluated so far, and whether its first batch was blind. */
final class BestPlans {
    private final float[][] latents;
    private final double[] scores;
    private final boolean[] blind;

    /** For m problems of {@code dim} = h * latentDim numbers each. */
    BestPlans(int m, int dim) {
        latents = new float[m][dim];
        scores = new double[m];
        blind = new boolean[m];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
    }

    /**
     * Keeps candidate {@code c} of problem {@code p} if it beats the best so far.
     *
     * @param z      candidates [M, count, dim] flat
     * @param scores their scores [M, count] flat
     * @param count  candidates per problem
     */
    void offer(int p, int c, float[] z, double[] scores, int count) {
        int i = p * count + c, dim = latents[p].length;
        if (scores[i] > this.scores[p]) {
            this.scores[p] = scores[i];
            System.arraycopy(z, i * dim, latents[p], 0, dim);
        }
    }

    /** Records whether every one of problem p's first {@code count} scores was the same. */
    void markBlind(int p, double[] scores, int count) {
        blind[p] = LatentSearch.allEqual(scores, p * count, count);
    }

    /** The best latents of each problem, [m][dim] (this object's own arrays). */
    float[][] latents() { return latents; }

    /** One plan per problem, with the model's prediction of it from the problem's start. */
    LatentSearch.Plan[] plans(LatentStateModel model, PlanScorer scorer, double[][] starts, int h) {
        CandidateEvaluator eval = new CandidateEvaluator(model, scorer);
        LatentSearch.Plan[] plans = new LatentSearch.Plan[latents.length];
        for (int p = 0; p < plans.length; p++)
            plans[p] = new LatentSearch.Plan(latents[p], scores[p], eval.predict(starts[p], latents[p], h), blind[p]);
        return plans;
    }
}

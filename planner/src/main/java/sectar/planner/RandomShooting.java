package sectar.planner;

import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.api.LatentStateModel;

/** The released planner: C latent sequences from the prior (released: N(0, I)), keep the best (spec section 6). */
public final class RandomShooting implements LatentSearch {
    private final int candidates;

    public RandomShooting(int candidates) {
        if (candidates < 1) throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
        this.candidates = candidates;
    }

    @Override public int evaluationsPerProblem() { return candidates; }

    @Override public Plan[] plan(LatentStateModel model, LatentPrior prior, PlanScorer scorer, double[][] starts, int[] stages,
                                 int h, SplittableRandom rng) {
        int m = starts.length, stride = h * model.latentDim();
        float[] z = LatentSearch.candidates(prior, starts, candidates, h, model.latentDim(), rng);
        double[] scores = new double[m * candidates];
        CandidateEvaluator eval = new CandidateEvaluator(model, scorer, prior);
        eval.evaluate(starts, stages, z, candidates, h, scores);
        Plan[] plans = new Plan[m];
        for (int p = 0; p < m; p++) {
            int best = p * candidates;
            for (int c = best + 1; c < (p + 1) * candidates; c++) if (scores[c] > scores[best]) best = c;
            float[] latents = new float[stride];
            System.arraycopy(z, best * stride, latents, 0, stride);
            plans[p] = new Plan(latents, scores[best], eval.predict(starts[p], latents, h),
                    LatentSearch.allEqual(scores, p * candidates, candidates));
        }
        return plans;
    }
}

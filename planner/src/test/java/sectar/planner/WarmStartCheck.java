package sectar.planner;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import sectar.sim.tasks.Tasks;

/**
 * The warm-start promise, checked with the oracle: plan, execute exactly the predicted first segment,
 * replan one segment later with the same search object, and compare the replan with the previous plan
 * shifted by one segment (its new last segment at 0) under the same model.
 */
final class WarmStartCheck {
    private WarmStartCheck() {}

    /** Replans (5 seeds x 2 problems, plans of 3 segments) that scored below the shifted previous plan. */
    static int replansBelowShifted(Supplier<LatentSearch> searches) {
        WaypointOracle oracle = new WaypointOracle();
        PlanScorer scorer = new PlanScorer(Tasks.spec("waypoint", 0).reward(), 0.99, 0.05, 5.6);
        double[][] starts = {{-2.0, 2.0}, {0.5, 0.5}};
        int[] stages = {0, 7}; // the replans keep them: the score only grows with stage progress already made
        int lat = WaypointOracle.LATENT, h = 3, below = 0;
        for (int seed = 0; seed < 5; seed++) {
            LatentSearch search = searches.get();
            LatentSearch.Plan[] first = search.plan(oracle, scorer, starts, stages, h, new SplittableRandom(seed));
            double[][] next = new double[2][];
            for (int p = 0; p < 2; p++) {
                int end = (WaypointOracle.T - 1) * 2;
                next[p] = new double[] {first[p].predicted()[end], first[p].predicted()[end + 1]};
            }
            LatentSearch.Plan[] second = search.plan(oracle, scorer, next, stages, h, new SplittableRandom(100 + seed));
            double[] shiftedScore = new double[1];
            for (int p = 0; p < 2; p++) {
                float[] shifted = new float[h * lat];
                System.arraycopy(first[p].latents(), lat, shifted, 0, (h - 1) * lat);
                new CandidateEvaluator(oracle, scorer).evaluate(new double[][] {next[p]}, new int[] {stages[p]}, shifted, 1, h,
                        shiftedScore);
                if (second[p].score() < shiftedScore[0]) below++;
            }
        }
        return below;
    }
}

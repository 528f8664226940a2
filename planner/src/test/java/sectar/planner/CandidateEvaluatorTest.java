package sectar.planner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.sim.tasks.Tasks;

/** Scores do not depend on how candidates are split into model calls. */
class CandidateEvaluatorTest {
    @Test
    void chunkedScoresEqualOneProblemAtATime() {
        WaypointOracle oracle = new WaypointOracle();
        PlanScorer scorer = new PlanScorer(Tasks.spec("waypoint", 0).reward(), 0.99, 0.05, 5.6);
        int m = 8, c = 640, h = 2, stride = h * WaypointOracle.LATENT; // 5120 candidates: a full chunk and a smaller one
        assertTrue(m * c > CandidateEvaluator.MAX_BATCH);
        double[][] starts = new double[m][];
        int[] stages = new int[m];
        for (int p = 0; p < m; p++) {
            starts[p] = new double[] {-2 + 0.5 * p, 1 - 0.3 * p};
            stages[p] = 3 * p;
        }
        float[] z = new float[m * c * stride];
        Gaussians.fill(z, new SplittableRandom(3));
        double[] all = new double[m * c];
        new CandidateEvaluator(oracle, scorer).evaluate(starts, stages, z, c, h, all);
        for (int p = 0; p < m; p++) {
            float[] zp = new float[c * stride];
            System.arraycopy(z, p * c * stride, zp, 0, zp.length);
            double[] one = new double[c];
            new CandidateEvaluator(oracle, scorer).evaluate(new double[][] {starts[p]}, new int[] {stages[p]}, zp, c, h, one);
            for (int i = 0; i < c; i++) assertEquals(one[i], all[p * c + i], "problem " + p + " candidate " + i);
        }
    }
}

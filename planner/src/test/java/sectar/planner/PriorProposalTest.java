package sectar.planner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** Every search starts from the prior it is given: a prior concentrated at a point puts its first candidates there. */
class PriorProposalTest {
    private static final int H = 2, LAT = WaypointOracle.LATENT;
    private final TaskSpec spec = Tasks.spec("waypoint", 0);
    private final PlanScorer scorer = new PlanScorer(spec.reward(), 0.99, 0.05, 5.6);
    private final float[] point = {1.5f, -0.5f, 0.3f, 0, 0, -1, 0.7f, 0.2f};
    private final PointPrior prior = new PointPrior(point, 0.01);

    /** Largest distance from the point of the first segment's latent over one batched call's candidates. */
    private double farthestFirstLatent(float[] z, int candidates) {
        double worst = 0;
        for (int c = 0; c < candidates; c++) {
            double ss = 0;
            for (int j = 0; j < LAT; j++) {
                double d = z[c * H * LAT + j] - point[j];
                ss += d * d;
            }
            worst = Math.max(worst, Math.sqrt(ss));
        }
        return worst;
    }

    private RecordingModel search(LatentSearch s) {
        RecordingModel model = new RecordingModel();
        s.plan(model, prior, scorer, WaypointOracle.PROBLEM_STARTS, WaypointOracle.PROBLEM_STAGES, H, new SplittableRandom(3));
        return model;
    }

    @Test
    void everySearchesFirstCandidatesComeFromThePrior() {
        int problems = WaypointOracle.PROBLEM_STARTS.length;
        for (LatentSearch s : List.of(new RandomShooting(64), new CrossEntropySearch(16, 4, 4, 0.05), new CmaEsSearch(16, 4, false))) {
            RecordingModel model = search(s);
            double far = farthestFirstLatent(model.calls.get(0), problems * (s instanceof RandomShooting ? 64 : 16));
            assertTrue(far < 0.1, s.getClass().getSimpleName() + ": a first candidate is " + far + " from the prior's point");
        }
    }

    @Test
    void cmaEsStartsAtThePriorsMeanAndSpreadNotAtTheOrigin() {
        // The first generation is the prior's draws either way; the second is sampled around CMA-ES's state,
        // which stays near the point only when mean and C started at the prior's Gaussian (with mean 0 and C = I
        // the second generation spreads about 1 around the recombined draws).
        RecordingModel model = search(new CmaEsSearch(16, 2, false));
        double far = farthestFirstLatent(model.calls.get(1), WaypointOracle.PROBLEM_STARTS.length * 16);
        assertTrue(far < 0.5, "a second-generation candidate is " + far + " from the prior's point");
    }
}

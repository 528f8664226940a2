package sectar.planner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import sectar.agent.api.LatentPrior;
import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** The trust region (mpc.priorPenalty) pulls chosen plans toward the prior's mode and is inert at 0. */
class TrustRegionTest {
    private static final int H = 2, LAT = WaypointOracle.LATENT;
    private final TaskSpec spec = Tasks.spec("waypoint", 0);
    private final Supplier<Env> envs = () -> Tasks.entry("waypoint").env().apply(spec);
    private final WaypointOracle oracle = new WaypointOracle();
    private final PlanScorer scorer = new PlanScorer(spec.reward(), 0.99, 0.05, 5.6);
    private final float[] point = {1.0f, -1.0f, 0.5f, 0, 0, -0.5f, 0, 0.5f};

    private static List<LatentSearch> searches() {
        return List.of(new RandomShooting(128), new CrossEntropySearch(32, 4, 8, 0.05), new CmaEsSearch(32, 4, false));
    }

    /** Mean distance of the chosen plans' latents from {@code mode}, over 10 seeds x the oracle's four problems. */
    private double meanDistance(LatentSearch search, LatentPrior prior, float[] mode, double lambda) {
        double total = 0;
        int n = 0;
        for (int seed = 0; seed < 10; seed++)
            for (LatentSearch.Plan p : search.plan(oracle, prior, scorer.withPriorPenalty(lambda), WaypointOracle.PROBLEM_STARTS,
                    WaypointOracle.PROBLEM_STAGES, H, new SplittableRandom(seed))) {
                double ss = 0;
                for (int i = 0; i < H * LAT; i++) {
                    double d = p.latents()[i] - mode[i % LAT];
                    ss += d * d;
                }
                total += Math.sqrt(ss);
                n++;
            }
        return total / n;
    }

    @Test
    void aPenaltyMovesTheChosenPlansTowardThePriorsMode() {
        LatentPrior normal = LatentPrior.standardNormal(LAT), shifted = new PointPrior(point, 1.0);
        for (LatentSearch s : searches()) {
            String name = s.getClass().getSimpleName();
            double free = meanDistance(s, normal, new float[LAT], 0), held = meanDistance(s, normal, new float[LAT], 0.05);
            assertTrue(held < 0.8 * free, name + " with N(0, I): distance from 0 " + held + " should be under 0.8 x " + free);
            free = meanDistance(s, shifted, point, 0);
            held = meanDistance(s, shifted, point, 0.05);
            assertTrue(held < 0.8 * free, name + " with a shifted prior: distance from its mean " + held + " should be under 0.8 x " + free);
        }
    }

    @Test
    void aZeroPenaltyLeavesThePlansBitIdentical() {
        // MPC with priorPenalty 0 (its chosen plans' log-priors measured for plan_log_prior) plans exactly what the
        // search alone plans from the same stream; a positive penalty changes the plans, so the comparison has teeth.
        double[][] starts = WaypointOracle.PROBLEM_STARTS;
        int[] stages = WaypointOracle.PROBLEM_STAGES;
        PointPrior prior = new PointPrior(point, 1.0);
        for (SearchConfig method : List.of(new SearchConfig.Shooting(), new SearchConfig.Cem(4, 8, false), new SearchConfig.CmaEs(4, false))) {
            for (double lambda : new double[] {0, 0.05}) {
                MpcConfig c = new MpcConfig(starts.length, 128, H, 1, 0.99, 0.05, method, false, 0, lambda);
                MpcRollout r = new LatentMpc(c, prior).runFrom(envs, oracle, oracle, scorer, 9, starts, stages);
                LatentSearch.Plan[] alone = c.newSearch().plan(oracle, prior, scorer, starts, stages, 1, Seeds.rng(9, "mpc/plan"));
                boolean same = true;
                for (int p = 0; p < starts.length; p++) same &= java.util.Arrays.equals(alone[p].latents(), r.traces().get(p).latents().get(0));
                assertEquals(lambda == 0, same, method + " at priorPenalty " + lambda);
                assertTrue(Double.isFinite(r.stats().meanLogPrior()), "plan_log_prior is measured");
            }
        }
    }
}

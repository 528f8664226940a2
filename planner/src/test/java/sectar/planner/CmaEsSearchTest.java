package sectar.planner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.api.LatentStateModel;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** CMA-ES in latent space with the oracle model, against the other searches at equal model evaluations. */
class CmaEsSearchTest {
    private final TaskSpec spec = Tasks.spec("waypoint", 0);
    private final WaypointOracle oracle = new WaypointOracle();
    private final PlanScorer scorer = new PlanScorer(spec.reward(), 0.99, 0.05, 5.6);

    /** 256 candidates; CEM and CMA-ES in 16 generations of 16, CEM's elites a preset-like 1/8. */
    private static final SearchConfig SHOOTING = new SearchConfig.Shooting(), CEM = new SearchConfig.Cem(16, 2, false),
            CMAES = new SearchConfig.CmaEs(16, false);

    private static MpcConfig config(SearchConfig method) {
        return new MpcConfig(4, 256, 2, 1, 0.99, 0.05, method, false, 0, 0);
    }

    /** Mean plan score over 20 seeds x the four oracle problems. */
    private double meanScore(SearchConfig method) {
        double total = 0;
        for (int seed = 0; seed < 20; seed++)
            for (LatentSearch.Plan p : config(method).newSearch().plan(oracle, scorer, WaypointOracle.PROBLEM_STARTS,
                    WaypointOracle.PROBLEM_STAGES, 2, new SplittableRandom(seed)))
                total += p.score();
        return total / (20 * WaypointOracle.PROBLEM_STARTS.length);
    }

    @Test
    void findsBetterPlansThanCemAndRandomShootingAtEqualEvaluations() {
        for (SearchConfig m : java.util.List.of(SHOOTING, CEM, CMAES))
            assertEquals(256, config(m).newSearch().evaluationsPerProblem(), m + " must spend the same budget");
        assertInstanceOf(CmaEsSearch.class, config(CMAES).newSearch());
        double cma = meanScore(CMAES), cem = meanScore(CEM), rs = meanScore(SHOOTING);
        // Measured (mean per plan): CMA-ES 0.399, CEM 0.238, random shooting 0.179; on seeds 1000-1019 0.409,
        // 0.296, 0.244, so the asserted 1.2x and 1.4x hold with room on another seed set too. CMA-ES needs
        // generations: at the default split of 4 generations (64 x 4, CEM with 8 elites) CEM is ahead
        // (40 seeds: 0.368 against 0.338, a difference of 0.030 +- 0.020), and with CEM's best split here
        // (32 x 8, 4 elites) the two are close (CMA-ES 0.405, CEM 0.377).
        assertTrue(cma > 1.2 * cem, "CMA-ES mean score " + cma + " should beat CEM's " + cem + " by 20%");
        assertTrue(cma > 1.4 * rs, "CMA-ES mean score " + cma + " should beat random shooting's " + rs + " by 40%");
    }

    @Test
    void warmStartedCmaEsNeverScoresBelowThePreviousPlanShifted() {
        assertEquals(0, WarmStartCheck.replansBelowShifted(() -> new CmaEsSearch(16, 2, true)));
        assertTrue(WarmStartCheck.replansBelowShifted(() -> new CmaEsSearch(16, 2, false)) > 0,
                "without the warm start some replans fall below the shifted plan: the check has teeth");
    }

    @Test
    void longPlansUseTheSeparableVariantAndStillImproveOnTheirFirstGeneration() {
        // h = 10: 80 numbers, past FULL_COVARIANCE_MAX_DIM. One generation is the prior's sample; more must help.
        assertTrue(10 * WaypointOracle.LATENT > CmaEsSearch.FULL_COVARIANCE_MAX_DIM);
        double one = 0, eight = 0;
        for (int seed = 0; seed < 10; seed++) {
            for (LatentSearch.Plan p : new CmaEsSearch(32, 1, false).plan(oracle, scorer, WaypointOracle.PROBLEM_STARTS,
                    WaypointOracle.PROBLEM_STAGES, 10, new SplittableRandom(seed)))
                one += p.score();
            for (LatentSearch.Plan p : new CmaEsSearch(32, 8, false).plan(oracle, scorer, WaypointOracle.PROBLEM_STARTS,
                    WaypointOracle.PROBLEM_STAGES, 10, new SplittableRandom(seed)))
                eight += p.score();
        }
        assertTrue(eight > one, "8 generations (" + eight + ") should beat the first generation alone (" + one + ")");
    }

    @Test
    void rejectsNonsenseWithTheValueNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CmaEsSearch(1, 4, false));
        assertTrue(e.getMessage().contains("population must be >= 2, got 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CmaEsSearch(8, 0, false));
        assertTrue(e.getMessage().contains("generations must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CmaEsSearch(8, 2, false)
                .plan(oracle, scorer, new double[][] {{0, 0}}, new int[] {0}, 0, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("h must be >= 1, got 0"), e.getMessage());
        LatentStateModel broken = new LatentStateModel() {
            public int obsDim() { return 2; }
            public int latentDim() { return WaypointOracle.LATENT; }
            public int segmentLength() { return WaypointOracle.T; }
            public void predictChained(float[] s0, float[] z, int n, int h, float[] out) { Arrays.fill(out, Float.NaN); }
        };
        e = assertThrows(IllegalArgumentException.class, () -> new CmaEsSearch(8, 2, false)
                .plan(broken, scorer, new double[][] {{0, 0}}, new int[] {0}, 1, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("problem 0"), e.getMessage());
    }
}

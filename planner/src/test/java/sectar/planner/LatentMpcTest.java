package sectar.planner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import sectar.sim.Env;
import sectar.sim.Episode;
import sectar.sim.OrderedGoals;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** The planner with an oracle model: works independently of learning. */
class LatentMpcTest {
    private final TaskSpec spec = Tasks.spec("waypoint", 0);
    private final Supplier<Env> envs = () -> Tasks.entry("waypoint").env().apply(spec);
    private final WaypointOracle oracle = new WaypointOracle();

    private static MpcConfig config(int episodes, int candidates, int horizon, int segments, double progress) {
        return new MpcConfig(episodes, candidates, horizon, segments, 0.99, progress, new SearchConfig.Shooting(), false, 0, 0);
    }

    @Test
    void neverBlindOracleMpcReachesHalfTheExpertReturn() {
        double expert = Episode.run(Tasks.make("waypoint", 0), Tasks.expert("waypoint", 0), 1, new SplittableRandom(1))
                .totalReward();
        MpcRollout r = new LatentMpc(config(2, 512, 5, 20, 0.05))
                .run(envs, oracle, oracle, new PlanScorer(spec.reward(), 0.99, 0.05, 5.6), 11);
        assertTrue(r.meanReturn() >= expert / 2,
                "oracle MPC return " + r.meanReturn() + " should be at least half the expert's " + expert);
        assertEquals(2L * 20 * WaypointOracle.T, r.envSteps());
    }

    @Test
    void shorterExecutionReplansMoreOftenOverTheSameEpisodeLength() {
        MpcConfig c = config(2, 64, 2, 3, 0.05);
        MpcConfig every10 = new MpcConfig(c.episodes(), c.candidates(), c.horizon(), c.segments(), c.gamma(), c.progressWeight(),
                c.search(), false, 10, 0);
        MpcRollout r = new LatentMpc(every10).run(envs, oracle, oracle, new PlanScorer(spec.reward(), 0.99, 0.05, 5.6), 4);
        assertEquals(2L * 3 * WaypointOracle.T, r.envSteps(), "the episode keeps its length of 3 segments");
        MpcRollout.Trace tr = r.traces().get(0);
        assertEquals(java.util.List.of(0, 10, 20, 30, 40, 50), tr.chunkStarts(), "57 steps in chunks of 10 (the last one 7)");
        assertEquals(6 * 2, r.stats().segments());
        assertEquals(tr.chunkStarts().size(), tr.predicted().size());
    }

    @Test
    void collectsEveryPaidGoalWithinItsHorizon() {
        OrderedGoals goals = spec.reward();
        int checked = 0;
        for (int g = goals.payEvery() - 1; g < goals.numGoals(); g += goals.payEvery()) {
            double[] goal = goals.goal(g);
            // Start 1.2 away from the paid goal (well inside one segment's reach of 19 x 0.2).
            double sx = goal[0] + (goal[0] > 0 ? -1.2 : 1.2), sy = goal[1];
            MpcRollout r = new LatentMpc(config(1, 512, 1, 1, 0.0))
                    .runFrom(envs, oracle, oracle, new PlanScorer(goals, 0.99, 0.0, 5.6), 5 + g,
                            new double[][] {{sx, sy}}, new int[] {g});
            assertEquals(1.0, r.returns()[0], "paid goal " + g + " at distance 1.2 was not collected");
            checked++;
        }
        assertEquals(16, checked);
    }

    @Test
    void cemFindsBetterPlansThanRandomShootingOnTheSameBudget() {
        PlanScorer scorer = new PlanScorer(spec.reward(), 0.99, 0.05, 5.6);
        double[][] starts = WaypointOracle.PROBLEM_STARTS;
        int[] stages = WaypointOracle.PROBLEM_STAGES;
        double cemTotal = 0, rsTotal = 0;
        for (int seed = 0; seed < 20; seed++) {
            LatentSearch rs = new RandomShooting(256);
            LatentSearch cem = new CrossEntropySearch(64, 4, 8, 0.05);
            assertEquals(rs.evaluationsPerProblem(), cem.evaluationsPerProblem());
            for (LatentSearch.Plan p : rs.plan(oracle, scorer, starts, stages, 2, new SplittableRandom(seed)))
                rsTotal += p.score();
            for (LatentSearch.Plan p : cem.plan(oracle, scorer, starts, stages, 2, new SplittableRandom(seed)))
                cemTotal += p.score();
        }
        // Summed over 20 seeds x 4 problems (measured: CEM 29.5, random shooting 14.3).
        assertTrue(cemTotal > 1.3 * rsTotal, "CEM total score " + cemTotal + " should beat random shooting's " + rsTotal
                + " by 30%");
    }

    @Test
    void releasedScoreIsBlindWhenNoPaidGoalIsReachable() {
        // Stage 0: the first paid goal is goal 2; a 1-step horizon from far away cannot reach it.
        PlanScorer released = new PlanScorer(spec.reward(), 0.99, 0.0, 5.6);
        PlanScorer neverBlind = new PlanScorer(spec.reward(), 0.99, 0.05, 5.6);
        double[][] start = {{2.6, 2.6}};
        LatentSearch.Plan[] a = new RandomShooting(64).plan(oracle, released, start, new int[] {0}, 1, new SplittableRandom(3));
        LatentSearch.Plan[] b = new RandomShooting(64).plan(oracle, neverBlind, start, new int[] {0}, 1, new SplittableRandom(3));
        assertEquals(0.0, a[0].score());
        assertTrue(a[0].blind(), "every released candidate scores 0: the replan is blind");
        assertTrue(b[0].score() != 0.0, "the progress term must rank candidates when no paid goal is reachable");
        assertFalse(b[0].blind());
    }

    @Test
    void warmStartedCemNeverScoresBelowThePreviousPlanShifted() {
        assertEquals(0, WarmStartCheck.replansBelowShifted(() -> new CrossEntropySearch(16, 2, 4, 0.05, true)));
        assertTrue(WarmStartCheck.replansBelowShifted(() -> new CrossEntropySearch(16, 2, 4, 0.05, false)) > 0,
                "without the warm start some replans fall below the shifted plan: the check has teeth");
    }
}

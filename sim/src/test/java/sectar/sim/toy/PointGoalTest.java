package sectar.sim.toy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.sim.Env;
import sectar.sim.Step;
import sectar.sim.Episode;
import sectar.sim.Policy;

/** PointGoal honours the env contract, and a greedy controller scores far above a random walk. */
class PointGoalTest {
    /** Moves along the axis with the larger remaining distance (discrete) or straight at the goal. */
    static Policy greedy(boolean discrete) {
        return (obs, stage, rng) -> {
            double dx = PointGoal.GOAL[0] - obs[0], dy = PointGoal.GOAL[1] - obs[1];
            if (!discrete) return new double[] {Math.max(-1, Math.min(1, dx / PointGoal.STEP)),
                    Math.max(-1, Math.min(1, dy / PointGoal.STEP))};
            if (Math.abs(dx) >= Math.abs(dy)) return new double[] {dx >= 0 ? 0 : 2};
            return new double[] {dy >= 0 ? 1 : 3};
        };
    }

    private static double meanReturn(Env env, Policy p, int episodes) {
        SplittableRandom rng = new SplittableRandom(3);
        double s = 0;
        for (int e = 0; e < episodes; e++) s += Episode.run(env, p, rng.nextLong(), rng).totalReward();
        return s / episodes;
    }

    @Test
    void sameSeedSameEpisodeAndResetToRoundTrips() {
        for (boolean discrete : new boolean[] {true, false}) {
            Env a = PointGoal.make(discrete), b = PointGoal.make(discrete);
            assertArrayEquals(a.reset(42), b.reset(42), 0.0);
            SplittableRandom r1 = new SplittableRandom(5), r2 = new SplittableRandom(5);
            Policy p = Policy.random(a.actionSpace());
            for (int t = 0; t < 10; t++) {
                Step s1 = a.step(p.act(null, 0, r1)), s2 = b.step(p.act(null, 0, r2));
                assertArrayEquals(s1.observation(), s2.observation(), 0.0);
                assertEquals(s1.reward(), s2.reward(), 0.0);
            }
            double[] mid = a.step(p.act(null, 0, r1)).observation();
            assertArrayEquals(mid, b.resetTo(mid), 0.0);
            assertEquals(0, b.elapsedSteps());
        }
    }

    @Test
    void greedyBeatsRandomByAWideMargin() {
        for (boolean discrete : new boolean[] {true, false}) {
            Env env = PointGoal.make(discrete);
            double greedy = meanReturn(env, greedy(discrete), 50), random = meanReturn(env, Policy.random(env.actionSpace()), 200);
            assertTrue(greedy > -20, "greedy return " + greedy);
            assertTrue(random < -35, "random return " + random);
            assertEquals(PointGoal.EPISODE_STEPS, Episode.run(env, greedy(discrete), 1, new SplittableRandom(1)).steps());
        }
    }

    @Test
    void rejectsBadActionsAndStates() {
        Env env = PointGoal.make(true);
        env.reset(1);
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {4}));
        assertThrows(IllegalArgumentException.class, () -> env.resetTo(new double[] {2, 0}));
    }
}

package sectar.agent.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;
import sectar.agent.nn.ParamStore;
import sectar.agent.nn.PolicyNet;
import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.toy.PointGoal;

/** PPO learns the toy point-goal task (discrete and continuous) and is reproducible from its seed. */
class PpoTest {
    /** Mean return a policy must beat: the optimum is about -15, a random walk about -42. */
    static final double THRESHOLD = -25;
    static final int EPISODES = 20;

    /** Trains from {@code seed}; returns every update's stats followed by the final mean return. */
    static List<double[]> train(boolean discrete, long seed, int updates) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom init = root.split(), shuffle = root.split(), act = root.split();
        ParamStore ps = new ParamStore(false);
        PolicyNet pi = discrete ? PolicyNet.categorical(ps, "pi", 2, new int[] {64, 64}, 4, init)
                : PolicyNet.gaussian(ps, "pi", 2, new int[] {64, 64}, 2, Math.log(0.5), init);
        PpoConfig cfg = Fixtures.ppo(1e-3, new int[0], 1e-3);
        Ppo ppo = new Ppo(pi, cfg, shuffle);
        Env env = PointGoal.make(discrete);
        List<double[]> out = new ArrayList<>();
        for (int u = 0; u < updates; u++) {
            PpoStats s = ppo.update(Rollouts.collect(env, pi, EPISODES, act).batch());
            out.add(new double[] {s.policyLoss(), s.valueLoss(), s.approxKl(), s.entropy(), s.clipFraction(), s.steps()});
        }
        out.add(new double[] {Rollouts.collect(env, pi, 50, act).meanReturn()});
        return out;
    }

    static double randomReturn(boolean discrete) {
        PolicyNet pi = discrete ? PolicyNet.categorical(new ParamStore(false), "r", 2, new int[] {8}, 4, new SplittableRandom(9))
                : PolicyNet.gaussian(new ParamStore(false), "r", 2, new int[] {8}, 2, 0.0, new SplittableRandom(9));
        return Rollouts.collect(PointGoal.make(discrete), pi, 200, new SplittableRandom(10)).meanReturn();
    }

    @Test
    void randomPolicyStaysBelowThreshold() {
        for (boolean discrete : new boolean[] {true, false}) {
            double r = randomReturn(discrete);
            assertTrue(r < THRESHOLD - 10, "random return " + r + " should be far below " + THRESHOLD);
        }
    }

    @Test
    void solvesDiscretePointGoal() {
        long t0 = System.nanoTime();
        List<double[]> log = train(true, Seeds.derive(7, "ppo-discrete"), 40);
        double finalReturn = log.get(log.size() - 1)[0];
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("PPO discrete PointGoal: mean return %.2f after 40 updates in %.1f s (random %.2f)%n",
                finalReturn, secs, randomReturn(true));
        assertTrue(finalReturn > THRESHOLD, "PPO mean return " + finalReturn + " must exceed " + THRESHOLD);
        assertTrue(secs < 60, "took " + secs + " s");
    }

    @Test
    void solvesContinuousPointGoal() {
        List<double[]> log = train(false, Seeds.derive(7, "ppo-continuous"), 40);
        double finalReturn = log.get(log.size() - 1)[0];
        System.out.printf("PPO continuous PointGoal: mean return %.2f after 40 updates (random %.2f)%n",
                finalReturn, randomReturn(false));
        assertTrue(finalReturn > THRESHOLD, "PPO mean return " + finalReturn + " must exceed " + THRESHOLD);
    }

    @Test
    void sameSeedGivesIdenticalStats() {
        List<double[]> a = train(true, 123, 3), b = train(true, 123, 3);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), 0.0, "entry " + i);
    }

    @Test
    void valueBaselineLearnsReturns() {
        SplittableRandom rng = new SplittableRandom(11);
        PolicyNet pi = PolicyNet.categorical(new ParamStore(false), "pi", 2, new int[] {32}, 4, rng.split());
        Ppo ppo = new Ppo(pi, Fixtures.ppo(3e-4, new int[] {32, 32}, 3e-3), rng.split());
        RolloutBatch batch = Rollouts.collect(PointGoal.make(true), pi, 20, rng.split()).batch();
        double first = ppo.update(batch).valueLoss(), last = first;
        for (int i = 0; i < 5; i++) last = ppo.update(batch).valueLoss();
        assertTrue(last < 0.5 * first, "value loss should fall on a fixed batch: " + first + " -> " + last);
    }

    @Test
    void configRejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new PpoConfig(0.2, 0.99, 0.95, 0, 200, 3e-4, 1e-5, 0, true, new int[0], 1e-3));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.ppo(-1, new int[0], 1e-3));
        assertThrows(IllegalArgumentException.class,
                () -> new RolloutBatch(new double[2][1], new double[2][1], new double[2], new int[] {3}, null));
    }
}

package sectar.agent.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;
import sectar.agent.nn.Categorical;
import sectar.agent.nn.DiagGaussian;
import sectar.agent.nn.ParamStore;
import sectar.agent.nn.PolicyNet;
import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.toy.PointGoal;

/**
 * TRPO improves the toy task while every kept step respects the trust region, with the KL measured
 * here independently from the acting snapshots before and after the step.
 */
class TrpoTest {
    private static final double MAX_KL = 0.01;

    /** Mean KL(before || after) over the batch inputs, from two snapshots' head outputs. */
    private static double measuredKl(PolicyNet pi, double[][] before, double[] lsBefore, double[][] x) {
        int a = pi.actionSize();
        double sum = 0;
        double[] k = new double[1];
        for (int i = 0; i < x.length; i++) {
            double[] after = pi.output(x[i]);
            if (pi.discrete()) Categorical.kl(before[i], after, a, 1, k, null, null);
            else DiagGaussian.kl(before[i], lsBefore, after, pi.clampedLogStd(), a, 1, k, null, null, null);
            sum += k[0];
        }
        return sum / x.length;
    }

    /** Runs {@code iters} TRPO updates; returns {initial mean return, final mean return, stats...}. */
    private static List<double[]> train(boolean discrete, long seed, int iters) {
        SplittableRandom root = new SplittableRandom(seed), init = root.split(), act = root.split();
        ParamStore ps = new ParamStore(true);
        PolicyNet pi = discrete ? PolicyNet.categorical(ps, "pi", 2, new int[] {32, 32}, 4, init)
                : PolicyNet.gaussian(ps, "pi", 2, new int[] {32, 32}, 2, Math.log(0.5), init);
        Trpo trpo = new Trpo(pi, Fixtures.trpo());
        Env env = PointGoal.make(discrete);
        List<double[]> out = new ArrayList<>();
        double first = Double.NaN;
        int accepted = 0;
        for (int it = 0; it < iters; it++) {
            Rollouts.Result r = Rollouts.collect(env, pi, 20, act);
            if (it == 0) first = r.meanReturn();
            double[][] x = r.batch().inputs(), before = new double[x.length][];
            for (int i = 0; i < x.length; i++) before[i] = pi.output(x[i]);
            double[] lsBefore = pi.clampedLogStd();
            TrpoStats s = trpo.update(r.batch());
            double kl = measuredKl(pi, before, lsBefore, x);
            if (s.accepted()) {
                accepted++;
                assertTrue(kl <= 1.5 * MAX_KL, "iteration " + it + ": measured KL " + kl + " exceeds 1.5 x " + MAX_KL);
                assertEquals(kl, s.meanKl(), 1e-9, "reported KL must be the measured one");
                assertTrue(s.lossAfter() < s.lossBefore(), "an accepted step must improve the surrogate");
            } else {
                assertEquals(0, kl, 1e-15, "a rejected step must restore the parameters");
            }
            out.add(new double[] {s.lossBefore(), s.lossAfter(), s.meanKl(), s.backtracks(), s.entropy()});
        }
        double last = Rollouts.collect(env, pi, 50, act).meanReturn();
        out.add(0, new double[] {first, last, accepted});
        return out;
    }

    @Test
    void improvesDiscretePointGoalWithinTheTrustRegion() {
        long t0 = System.nanoTime();
        double[] r = train(true, Seeds.derive(7, "trpo-discrete"), 30).get(0);
        System.out.printf("TRPO discrete PointGoal: mean return %.2f -> %.2f, %d of 30 steps accepted, %.1f s%n",
                r[0], r[1], (int) r[2], (System.nanoTime() - t0) / 1e9);
        assertTrue(r[1] > r[0] + 8, "TRPO should improve the mean return by > 8: " + r[0] + " -> " + r[1]);
        assertTrue(r[2] >= 20, "most steps should be accepted, got " + r[2]);
    }

    @Test
    void improvesContinuousPointGoalWithinTheTrustRegion() {
        double[] r = train(false, Seeds.derive(7, "trpo-continuous"), 30).get(0);
        System.out.printf("TRPO continuous PointGoal: mean return %.2f -> %.2f, %d of 30 steps accepted%n",
                r[0], r[1], (int) r[2]);
        assertTrue(r[1] > r[0] + 8, "TRPO should improve the mean return by > 8: " + r[0] + " -> " + r[1]);
    }

    @Test
    void sameSeedGivesIdenticalStats() {
        List<double[]> a = train(true, 5, 3), b = train(true, 5, 3);
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), 0.0, "entry " + i);
    }
}

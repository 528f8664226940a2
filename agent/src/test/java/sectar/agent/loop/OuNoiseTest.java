package sectar.agent.loop;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;
import sectar.sim.Env;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** The explorer's Ornstein-Uhlenbeck noise: correlated in time, standard normal at every step, a policy sample for PPO. */
class OuNoiseTest {
    private final TaskSpec wheeled = Tasks.spec("wheeled", 0);
    private final Env env = Tasks.entry("wheeled").env().apply(wheeled);

    @Test
    void smallThetaIsAutocorrelatedAndKeepsTheMarginal() {
        OuNoise ou = new OuNoise(1, 0.1);
        SplittableRandom rng = new SplittableRandom(11);
        int n = 40_000;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = ou.next(rng)[0];
        // theory: lag-1 correlation 1 - theta = 0.9, std 1
        assertTrue(lag1(z) > 0.85, "lag-1 correlation " + lag1(z));
        assertEquals(1.0, std(z), 0.08, "marginal std");
        double[] w = new double[n];
        OuNoise indep = new OuNoise(1, 1.0);
        for (int i = 0; i < n; i++) w[i] = indep.next(rng)[0];
        assertTrue(Math.abs(lag1(w)) < 0.03, "theta 1 is independent noise: " + lag1(w));
    }

    @Test
    void thetaOneActsExactlyAsTheReleasedExplorer() {
        ExplorerConfig released = new ExplorerConfig(3, 2, new int[] {16, 16}, Math.log(20), 1e-3, 0, 1);
        Explorer.Rollouts a = explorer(released).collect(env, List.of(env.reset(1)), new SplittableRandom(9));
        Explorer.Rollouts b = explorer(released.withOuTheta(1)).collect(env, List.of(env.reset(1)), new SplittableRandom(9));
        for (int j = 0; j < 3; j++)
            for (int i = 0; i < a.actions().get(j).size(); i++)
                assertArrayEquals(a.actions().get(j).get(i), b.actions().get(j).get(i), "rollout " + j + " step " + i);
    }

    @Test
    void theExplorersActionsDriftAndCarryTheirPolicyLogProbability() {
        ExplorerConfig cfg = new ExplorerConfig(4, 2, new int[] {16, 16}, Math.log(20), 1e-3, 0, 1);
        double released = actionLag1(explorer(cfg), cfg), ou = actionLag1(explorer(cfg.withOuTheta(0.1)), cfg);
        assertTrue(ou > 0.7 && Math.abs(released) < 0.15, "lag-1 correlation of actions: OU " + ou + ", released " + released);
        Explorer e = explorer(cfg.withOuTheta(0.1));
        Explorer.Rollouts r = e.collect(env, List.of(env.reset(1)), new SplittableRandom(9));
        for (int i = 0; i < 10; i++)
            assertEquals(e.policy().logProb(r.states().get(0).get(i), r.actions().get(0).get(i)), r.logps().get(0)[i], 1e-12,
                    "the recorded log-probability is the policy's of the action taken");
    }

    @Test
    void thetaIsValidatedByName() {
        ExplorerConfig cfg = new ExplorerConfig(4, 2, new int[] {16}, 0, 0, 0, 1);
        for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> cfg.withOuTheta(bad));
            assertTrue(e.getMessage().contains("explorer.ouTheta") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
        TaskSpec block = Tasks.spec("block", 0);
        var d = assertThrows(IllegalArgumentException.class,
                () -> new Explorer(cfg.withOuTheta(0.5), Fixtures.ppo(), block, false, new SplittableRandom(1)));
        assertTrue(d.getMessage().contains("explorer.ouTheta") && d.getMessage().contains("discrete"), d.getMessage());
    }

    private Explorer explorer(ExplorerConfig cfg) {
        return new Explorer(cfg, Fixtures.ppo(), wheeled, false, new SplittableRandom(5));
    }

    /** Lag-1 correlation of the first action coordinate along each rollout, pooled. */
    private double actionLag1(Explorer e, ExplorerConfig cfg) {
        Explorer.Rollouts r = e.collect(env, List.of(env.reset(1)), new SplittableRandom(9));
        double[] x = r.actions().stream().flatMap(List::stream).mapToDouble(a -> a[0]).toArray();
        return lag1(x); // rollout boundaries are 3 of ~160 pairs
    }

    private static double lag1(double[] x) {
        double m = 0;
        for (double v : x) m += v / x.length;
        double num = 0, den = 0;
        for (int i = 0; i < x.length; i++) {
            den += (x[i] - m) * (x[i] - m);
            if (i > 0) num += (x[i] - m) * (x[i - 1] - m);
        }
        return num / den;
    }

    private static double std(double[] x) {
        double m = 0, v = 0;
        for (double a : x) m += a / x.length;
        for (double a : x) v += (a - m) * (a - m) / x.length;
        return Math.sqrt(v);
    }
}

package sectar.agent.loop;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;
import sectar.agent.nn.ParamStore;
import sectar.agent.vae.Sectar;
import sectar.sim.Env;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** The explorer reset as released (spec 4.3): it reads the collected batch's entropy and re-draws weights only. */
class ExplorerResetTest {
    private final TaskSpec spec = Tasks.spec("waypoint", 0);
    private final Env env = Tasks.entry("waypoint").env().apply(spec);

    private Explorer explorer(double threshold) {
        return new Explorer(new ExplorerConfig(6, 2, new int[] {16, 16}, 0, 0, threshold, 1), Fixtures.ppo(), spec, false,
                new SplittableRandom(5));
    }

    private Explorer.Rollouts collect(Explorer e) {
        return e.collect(env, List.of(env.reset(1), new double[] {1.0, -1.0}), new SplittableRandom(9));
    }

    @Test
    void entropyIsThePolicysMeanOverTheStatesItActedFrom() {
        Explorer e = explorer(0);
        Explorer.Rollouts r = collect(e);
        int len = r.logps().get(0).length;
        double sum = 0;
        int n = 0;
        for (List<double[]> roll : r.states())
            for (double h : e.policy().entropies(roll.subList(0, len).toArray(new double[0][]))) {
                sum += h;
                n++;
            }
        assertEquals(sum / n, r.entropy(), 1e-9);
        assertTrue(r.entropy() > 0 && r.entropy() <= Math.log(4) + 1e-9, "entropy " + r.entropy());
    }

    @Test
    void theDecisionUsesTheCollectedBatchNotThePolicyAfterItsUpdate() {
        Explorer e = explorer(0);
        Explorer.Rollouts r = collect(e);
        Sectar model = new Sectar(Fixtures.sectar(16, 16, 8), spec, new SplittableRandom(3));
        e.update(r, model, new SplittableRandom(4)); // moves the policy: its entropy now differs from the batch's
        Explorer above = explorer(r.entropy() + 1e-9), below = explorer(r.entropy() - 1e-9);
        assertTrue(above.maybeReset(r, new SplittableRandom(1)), "a batch entropy below the threshold resets");
        assertFalse(below.maybeReset(r, new SplittableRandom(1)), "a batch entropy above the threshold does not");
        assertEquals(1, above.resets());
        assertEquals(0, below.resets());
    }

    @Test
    void aResetRedrawsWeightsAndKeepsBiasesAndTheOptimiser() {
        Explorer e = explorer(10); // every batch is below: always resets
        Explorer.Rollouts r = collect(e);
        Sectar model = new Sectar(Fixtures.sectar(16, 16, 8), spec, new SplittableRandom(3));
        e.update(r, model, new SplittableRandom(4)); // gives the optimiser a state worth keeping
        ParamStore store = e.store();
        Map<String, float[]> before = store.state(), adamBefore = e.ppo().optimizer().state();
        assertTrue(e.maybeReset(r, new SplittableRandom(2)));
        Map<String, float[]> after = store.state(), adamAfter = e.ppo().optimizer().state();
        Map<String, int[]> shapes = store.shapes();
        for (String name : before.keySet()) {
            int cols = shapes.get(name)[1];
            float[] b = before.get(name), a = after.get(name);
            boolean weightsMoved = false;
            for (int i = 0; i < b.length; i++) {
                if (i % cols == cols - 1) assertEquals(b[i], a[i], name + ": bias " + i / cols + " must be kept");
                else weightsMoved |= b[i] != a[i];
            }
            assertTrue(weightsMoved, name + ": weights must be re-drawn");
        }
        for (String k : adamBefore.keySet()) assertArrayEquals(adamBefore.get(k), adamAfter.get(k), "Adam state " + k + " must be kept");
        // the acting copy follows the new weights
        double[] p = e.policy().probabilities(new double[] {0.3, 0.4});
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
    }
}

package sectar.agent.loop;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;
import sectar.agent.vae.Sectar;
import sectar.sim.Env;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** The explorer's action repeat: each sampled action is held, and PPO learns from the decisions only. */
class ExplorerRepeatTest {
    private final TaskSpec spec = Tasks.spec("block", 0);
    private final Env env = Tasks.entry("block").env().apply(spec);

    private Explorer explorer(int repeat) {
        return new Explorer(new ExplorerConfig(5, 2, new int[] {16, 16}, 0, 0, 0, repeat), Fixtures.ppo(), spec, false,
                new SplittableRandom(5));
    }

    @Test
    void actionsAreHeldForTheRepeatAndSampledOnlyAtDecisions() {
        int repeat = 4;
        Explorer.Rollouts r = explorer(repeat).collect(env, List.of(env.reset(1)), new SplittableRandom(9));
        int len = r.actions().get(0).size(), changes = 0;
        for (List<double[]> acts : r.actions())
            for (int i = 1; i < len; i++) {
                boolean same = acts.get(i)[0] == acts.get(i - 1)[0];
                if (i % repeat != 0) assertTrue(same, "step " + i + " holds the action sampled at step " + (i - i % repeat));
                else if (!same) changes++;
            }
        assertTrue(changes > 0, "decisions sample new actions");
        for (double[] logp : r.logps())
            for (int i = 0; i < len; i++)
                if (i % repeat == 0) assertTrue(logp[i] < 0, "a decision's log-probability is recorded");
                else assertEquals(0.0, logp[i], "held steps carry no log-probability");
    }

    @Test
    void heldActionsTravelFartherThanFreshOnes() {
        // block's fist moves 0.2 per step: a near-uniform explorer that holds its moves goes farther per segment
        assertTrue(meanEndDistance(6) > 1.5 * meanEndDistance(1),
                "repeat 6: " + meanEndDistance(6) + ", repeat 1: " + meanEndDistance(1));
    }

    private double meanEndDistance(int repeat) {
        Explorer.Rollouts r = explorer(repeat).collect(env, List.of(env.reset(1)), new SplittableRandom(9));
        double sum = 0;
        for (List<double[]> roll : r.states()) {
            double[] a = roll.get(0), b = roll.get(roll.size() - 1);
            sum += Math.hypot(b[0] - a[0], b[1] - a[1]);
        }
        return sum / r.states().size();
    }

    @Test
    void ppoLearnsFromOneStepPerDecision() {
        Explorer e = explorer(3);
        Explorer.Rollouts r = e.collect(env, List.of(env.reset(1)), new SplittableRandom(9));
        Sectar model = new Sectar(Fixtures.sectar(16, 16, 8), spec, new SplittableRandom(3));
        Explorer.Update u = e.update(r, model, new SplittableRandom(4));
        assertTrue(Double.isFinite(u.bonus()), "bonus " + u.bonus());
        // had the held steps entered the batch (with no log-probability of their own), their ratios
        // would be ~1/6 from the first step on and most samples would be clipped
        assertTrue(u.stats().clipFraction() < 0.2, "clip fraction " + u.stats().clipFraction());
        assertTrue(Math.abs(u.stats().approxKl()) < 0.05, "approx KL " + u.stats().approxKl());
    }

    @Test
    void aNegativeRepeatIsRejectedByName() {
        var ex = assertThrows(IllegalArgumentException.class,
                () -> new ExplorerConfig(5, 2, new int[] {16}, 0, 0, 0, -1));
        assertTrue(ex.getMessage().contains("explorer.actionRepeat"), ex.getMessage());
    }
}

package sectar.sim.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sectar.sim.Env;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.Step;
import sectar.sim.tasks.Tasks;

/**
 * Box2dTask reuses one world across resets; a reset must still be exactly a fresh start: an env with
 * a long history and a brand-new env, reset to the same state and given the same actions, must
 * produce bitwise-identical trajectories.
 */
class WorldReuseTest {
    static List<String> tasks() { return Tasks.names(); }

    @ParameterizedTest
    @MethodSource("tasks")
    void resetAfterHistoryEqualsFreshEnv(String task) {
        Env used = Tasks.make(task, 1);
        Policy random = Policy.random(used.actionSpace());
        Policy expert = Tasks.expert(task, 1);
        SplittableRandom rng = new SplittableRandom(3);
        List<double[]> visited = new ArrayList<>();
        for (int ep = 0; ep < 3; ep++) {
            Policy p = ep == 1 ? expert : random;
            double[] obs = used.reset(ep);
            p.reset();
            Step s;
            do {
                s = used.step(p.act(obs, used.stage(), rng));
                obs = s.observation();
                if (used.elapsedSteps() % 37 == 0) visited.add(obs);
            } while (!s.done());
            used.resetTo(visited.get(visited.size() / 2), 0); // resets without a step in between
        }
        for (double[] start : List.of(visited.get(0), visited.get(visited.size() - 1), used.spec().start())) {
            Env fresh = Tasks.make(task, 1);
            long seed = Seeds.derive(7, "actions");
            List<double[]> a = rollout(used, start, expert, seed);
            List<double[]> b = rollout(fresh, start, expert, seed);
            assertEquals(a.size(), b.size());
            for (int t = 0; t < a.size(); t++) assertArrayEquals(b.get(t), a.get(t), task + " step " + t);
        }
    }

    private static List<double[]> rollout(Env env, double[] start, Policy policy, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        double[] obs = env.resetTo(start, 0);
        policy.reset(); // experts may keep a gait phase
        rows.add(obs);
        for (int t = 0; t < 120; t++) {
            double[] action = t % 3 == 0 ? env.actionSpace().sample(rng) : policy.act(obs, env.stage(), rng);
            Step s = env.step(action);
            obs = s.observation();
            rows.add(obs);
            if (s.done()) break;
        }
        return rows;
    }
}

package sectar.sim.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.sim.Env;
import sectar.sim.Step;

/** Two envs given the same seed and the same 300 actions produce bitwise-identical steps. */
class DeterminismTest {
    @Test void sameSeedAndActionsGiveIdenticalTrajectories() {
        for (String name : Tasks.names()) {
            Env a = Tasks.make(name, 3), b = Tasks.make(name, 3);
            assertArrayEquals(a.reset(42), b.reset(42), name);
            SplittableRandom rng = new SplittableRandom(9);
            for (int t = 0; t < 300; t++) {
                double[] action = a.actionSpace().sample(rng);
                Step sa = a.step(action), sb = b.step(action.clone());
                assertArrayEquals(sa.observation(), sb.observation(), 0.0, name + " step " + t);
                assertEquals(sa.reward(), sb.reward(), name + " step " + t);
                assertEquals(sa.stage(), sb.stage(), name + " step " + t);
                assertEquals(sa.done(), sb.done(), name + " step " + t);
                if (sa.done()) {
                    a.reset(t);
                    b.reset(t);
                }
            }
        }
    }
}

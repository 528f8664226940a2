package sectar.sim.tasks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.Space;
import sectar.sim.Step;
import sectar.sim.TimeLimit;
import sectar.sim.block.BlockTask;

/** Random walks never leave the observation space: the walls (and the block clip) really hold. */
class WallsTest {
    static final int STEPS = 10_000;

    static Stream<String> names() { return Tasks.names().stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void randomStepsStayInsideTheObservationSpace(String name) {
        assertStaysInside(() -> Tasks.make(name, 0), Seeds.derive(11, "walls/" + name));
    }

    @Test void blockWithContactsStaysInside() {
        assertStaysInside(() -> new TimeLimit(new BlockTask(Tasks.spec("block", 2), true)), Seeds.derive(11, "walls/collide"));
    }

    /**
     * Sticky random actions (each held for 1-24 steps, whatever the action space), which travel far and
     * so hit the walls often, at every angle and speed.
     */
    static void assertStaysInside(Supplier<Env> factory, long seed) {
        Env env = factory.get();
        Space space = env.observationSpace();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] obs = env.reset(seed);
        int episodes = 0;
        double[] action = env.actionSpace().sample(rng);
        int hold = 0;
        for (int t = 0; t < STEPS; t++) {
            if (hold-- <= 0) {
                action = env.actionSpace().sample(rng);
                hold = rng.nextInt(24);
            }
            Step s = env.step(action);
            obs = s.observation();
            assertTrue(space.contains(obs), "step " + t + ": " + Arrays.toString(obs) + " outside " + space);
            if (s.done()) obs = env.reset(seed + ++episodes);
        }
    }
}

package sectar.sim.swimmer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.sim.Env;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.Space;
import sectar.sim.Step;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** The swimmer env card's promises: it swims, the expert solves it, random does not, and the contract holds. */
class SwimmerTaskTest {
    private static final double JOINT_TOLERANCE = Math.toRadians(5);

    /** Runs one full episode of {@code policy} on instance k (reset seed k) and returns its return. */
    private static double episodeReturn(int k, Policy policy, SplittableRandom rng) {
        Env env = Tasks.make("swimmer", k);
        double[] obs = env.reset(k);
        double ret = 0;
        int stage = 0;
        while (true) {
            Step s = env.step(policy.act(obs, stage, rng));
            obs = s.observation();
            stage = s.stage();
            ret += s.reward();
            if (s.done()) return ret;
        }
    }

    @Test void specMatchesTheTaskFile() {
        TaskSpec spec = Tasks.spec("swimmer", 0);
        assertEquals(8, spec.obsDim());
        assertEquals(2, spec.actionSize());
        assertEquals(4950, spec.episodeSteps());
        assertEquals(99, spec.segmentLength());
        assertEquals(10, spec.numGoals());
        assertEquals(3, spec.maxReturn());
        assertEquals(6, spec.reward().xIndex(0));
    }

    @Test void travellingWaveSwimsAndStillnessDoesNot() {
        SwimmerTask env = new SwimmerTask(Tasks.spec("swimmer", 0));
        double[] start = env.reset(0);
        double[] obs = start;
        double scale = SwimmerExpert.STEP_SECONDS * SwimmerTask.MAX_JOINT_SPEED; // action that reaches a target in one step
        for (int t = 1; t <= 50; t++) { // 10 s of an open-loop wave: period 2.4 s, joint 3 lagging by 1.5 rad
            double ph = 2 * Math.PI * t * 0.2 / 2.4;
            double[] target = {0.8 * Math.sin(ph), 0.8 * Math.sin(ph - 1.5)};
            obs = env.step(new double[] {(target[0] - obs[2]) / scale, (target[1] - obs[3]) / scale}).observation();
        }
        double moved = Math.hypot(obs[6] - start[6], obs[7] - start[7]);
        assertTrue(moved > 1.0, "a travelling wave should move the com over 1 m in 10 s, moved " + moved);

        start = env.reset(0);
        for (int t = 0; t < 50; t++) obs = env.step(new double[] {0, 0}).observation();
        assertEquals(0, Math.hypot(obs[6] - start[6], obs[7] - start[7]), 1e-3, "a still body must not drift");
    }

    @Test void expertReachesTheTargetsOnEveryInstance() {
        double total = 0;
        for (int k = 0; k < Tasks.NUM_INSTANCES; k++) {
            double ret = episodeReturn(k, Tasks.expert("swimmer", k), new SplittableRandom(k));
            assertTrue(ret >= 2, "expert return on instance " + k + " was " + ret); // measured: 3 on all five
            total += ret;
        }
        assertTrue(total >= 14, "expert total over 5 instances was " + total + " (measured 15)");
    }

    @Test void randomPolicyEarnsAlmostNothing() {
        double total = 0;
        for (int k = 0; k < Tasks.NUM_INSTANCES; k++) {
            TaskSpec spec = Tasks.spec("swimmer", k);
            total += episodeReturn(k, Policy.random(spec.actionSpace()), Seeds.rng(7, "random/" + k));
        }
        assertTrue(total <= 2, "random total over 5 instances was " + total + " (measured 0.04 per episode)");
    }

    @Test void wallsAndJointLimitsHoldUnderRandomActions() {
        Env env = Tasks.make("swimmer", 1);
        Space obsSpace = env.observationSpace();
        SplittableRandom rng = new SplittableRandom(11);
        double[] obs = env.reset(11);
        double limit = SwimmerTask.JOINT_LIMIT + JOINT_TOLERANCE;
        for (int t = 0; t < 10_000; t++) {
            double[] a = {3 * rng.nextDouble() - 1.5, 3 * rng.nextDouble() - 1.5}; // out of range: clipped
            Step s = env.step(a);
            obs = s.observation();
            assertTrue(obsSpace.contains(obs), "step " + t + " left the observation space: " + java.util.Arrays.toString(obs));
            assertTrue(Math.abs(obs[2]) <= limit && Math.abs(obs[3]) <= limit,
                    "step " + t + " joint beyond 100 degrees + 5: " + obs[2] + ", " + obs[3]);
            if (s.done()) obs = env.reset(t);
        }
    }

    @Test void sameSeedSameActionsIsBitwiseIdentical() {
        double[][] a = rollout(5, 300), b = rollout(5, 300);
        for (int t = 0; t < a.length; t++) assertArrayEquals(a[t], b[t], "step " + t);
        assertFalse(java.util.Arrays.equals(rollout(6, 1)[0], a[0]), "another seed should start elsewhere");
    }

    private static double[][] rollout(long seed, int steps) {
        Env env = Tasks.make("swimmer", 2);
        SplittableRandom rng = new SplittableRandom(99);
        double[][] out = new double[steps + 1][];
        out[0] = env.reset(seed);
        for (int t = 1; t <= steps; t++) out[t] = env.step(env.actionSpace().sample(rng)).observation();
        return out;
    }

    @Test void resetToAnObservationReturnsItExactly() {
        Env env = Tasks.make("swimmer", 3), other = Tasks.make("swimmer", 3);
        SplittableRandom rng = new SplittableRandom(4);
        env.reset(4);
        for (int t = 0; t < 2000; t++) {
            Step s = env.step(env.actionSpace().sample(rng));
            assertArrayEquals(s.observation(), other.resetTo(s.observation(), s.stage()), "step " + t);
            assertEquals(s.stage(), other.stage());
        }
        double th = Math.PI - 1e-6; // a head angle next to the wrap point
        double[] nearPi = {0.3, -0.2, 1.2, -1.0, Math.sin(th), Math.cos(th), 0, 0};
        double[] obs = other.resetTo(nearPi, 0);
        assertArrayEquals(obs, env.resetTo(obs, 0));
        assertEquals(1.2, obs[2], 1e-6);
    }

    @Test void comIsRecomputedFromThePose() {
        Env env = Tasks.make("swimmer", 0);
        double[] state = {1, 0, 0, 0, 0, 1, 5, 5}; // com entries are ignored
        double[] obs = env.resetTo(state, 0);
        assertEquals(0, obs[6], 1e-6);
        assertEquals(0, obs[7], 1e-6);
    }

    @Test void badInputThrowsNamingTheValue() {
        Env env = Tasks.make("swimmer", 0);
        env.reset(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0.1}));
        assertTrue(e.getMessage().contains("length 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0.1, Double.NaN}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> env.resetTo(new double[7], 0));
        assertTrue(e.getMessage().contains("length 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> env.resetTo(new double[] {0, 0, Double.POSITIVE_INFINITY, 0, 0, 1, 0, 0}, 0));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    }
}

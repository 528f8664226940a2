package sectar.sim.wheeled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sectar.sim.Env;
import sectar.sim.Episode;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.Step;
import sectar.sim.tasks.Tasks;

/** The wheeled task: solvable and sparse, car-like, walled, deterministic, exact resets, checked input. */
class WheeledTaskTest {
    private static final long SEED = Seeds.derive(2018, "wheeled-test");

    /** Measured: the expert collects 11-12 of 16 on every instance (34-37 waypoints in 950 steps). */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void expertReachesMostWaypoints(int k) {
        Env env = Tasks.make("wheeled", k);
        double ret = rollout(env, Tasks.expert("wheeled", k), SEED, new SplittableRandom(1));
        assertTrue(ret >= 10, "expert return on instance " + k + " was " + ret + ", expected >= 10");
        assertTrue(env.stage() >= 30, "expert reached stage " + env.stage() + " on instance " + k);
    }

    /** Measured: uniform random actions never paid once in 100 episodes; the car only jitters. */
    @Test
    void randomPolicyStaysNearZero() {
        double total = 0;
        for (int k = 0; k < Tasks.NUM_INSTANCES; k++) {
            Env env = Tasks.make("wheeled", k);
            SplittableRandom rng = Seeds.rng(SEED, "random/" + k);
            for (int e = 0; e < 2; e++) total += rollout(env, Policy.random(env.actionSpace()), SEED + e, rng);
        }
        assertTrue(total <= 1, "random policy collected " + total + " over 10 episodes, expected <= 1");
    }

    @Test
    void wallsHoldAndObservationsStayInTheirSpace() {
        Env env = Tasks.make("wheeled", 0);
        SplittableRandom rng = Seeds.rng(SEED, "walls");
        double[] obs = env.reset(SEED);
        double[] action = env.actionSpace().sample(rng);
        double reach = 0;
        for (int i = 0; i < 10_000; i++) {
            if (i % 19 == 0) action = env.actionSpace().sample(rng); // held for a segment so the car travels
            Step s = env.step(action);
            obs = s.observation();
            assertTrue(env.observationSpace().contains(obs), "step " + i + " left the observation space");
            reach = Math.max(reach, Math.max(Math.abs(obs[0]), Math.abs(obs[1])));
            if (s.done()) obs = env.reset(SEED + i);
        }
        assertTrue(reach > 1.8, "the car never came near a wall (max |x|, |y| = " + reach + "), the test is vacuous");
    }

    @Test
    void drivingIntoAWallStopsAtTheCarsOutline() {
        Env env = Tasks.make("wheeled", 0);
        env.resetTo(new double[] {0, 0, 0, 1, 0, 0, 0});
        double[] obs = null;
        for (int i = 0; i < 200; i++) obs = env.step(new double[] {20, 20}).observation();
        // JBox2D keeps polygons a skin (2 x 0.01, minus a 0.005 slop) apart, so the front rests 0.015 short
        double stop = 2 - WheeledTask.CHASSIS_HALF_LENGTH - 0.015;
        assertEquals(stop, obs[0], 0.003, "the chassis front should rest on the wall");
        assertEquals(0, obs[1], 1e-3, "pressing square into a frictionless wall should not slide the car far");
    }

    @Test
    void equalWheelSpeedsDriveStraightAtRimSpeed() {
        Env env = Tasks.make("wheeled", 0);
        double th = 0.7;
        env.resetTo(new double[] {-1, -1, Math.sin(th), Math.cos(th), 0, 0, 0});
        double[] obs = null;
        for (int i = 0; i < 30; i++) obs = env.step(new double[] {10, 10}).observation();
        double dx = obs[0] + 1, dy = obs[1] + 1;
        assertEquals(0, -dx * Math.sin(th) + dy * Math.cos(th), 1e-5, "sideways drift");
        assertEquals(1.0, obs[4] * Math.cos(th) + obs[5] * Math.sin(th), 1e-3, "speed = 10 rad/s x 0.1 m");
        assertEquals(th, Math.atan2(obs[2], obs[3]), 1e-5, "heading must not change");
        assertTrue(Math.hypot(dx, dy) > 0.7, "moved only " + Math.hypot(dx, dy));
    }

    @Test
    void oppositeWheelSpeedsTurnOnTheSpot() {
        Env env = Tasks.make("wheeled", 0);
        env.resetTo(new double[] {0.5, 0.5, 0, 1, 0, 0, 0});
        double[] obs = null;
        for (int i = 0; i < 30; i++) obs = env.step(new double[] {-10, 10}).observation();
        assertEquals(0.5, obs[0], 1e-5);
        assertEquals(0.5, obs[1], 1e-5);
        assertEquals(2 * 1.0 / (2 * WheeledTask.HALF_TRACK), obs[6], 1e-3, "omega = rim speed difference / track");
    }

    @Test
    void sidewaysVelocityIsCancelled() {
        Env env = Tasks.make("wheeled", 0);
        env.resetTo(new double[] {0, 0, 0, 1, 0, 1.5, 0}); // heading +x, moving +y
        double[] obs = env.step(new double[] {0, 0}).observation();
        assertEquals(0, obs[1], 1e-6, "the car slid sideways");
        assertEquals(0, obs[5], 1e-6);
    }

    @Test
    void outOfRangeActionsAreClipped() {
        Env a = Tasks.make("wheeled", 1), b = Tasks.make("wheeled", 1);
        a.reset(SEED);
        b.reset(SEED);
        for (int i = 0; i < 50; i++)
            assertArrayEquals(a.step(new double[] {20, -20}).observation(),
                    b.step(new double[] {1e6, -35}).observation());
    }

    @Test
    void sameSeedAndActionsGiveBitwiseIdenticalTrajectories() {
        Env a = Tasks.make("wheeled", 2), b = Tasks.make("wheeled", 2);
        assertArrayEquals(a.reset(SEED), b.reset(SEED));
        assertNotEquals(a.reset(SEED + 1)[0], b.reset(SEED)[0], "different seeds should start differently");
        a.reset(SEED);
        SplittableRandom ra = new SplittableRandom(5), rb = new SplittableRandom(5);
        for (int i = 0; i < 950; i++) {
            Step sa = a.step(a.actionSpace().sample(ra)), sb = b.step(b.actionSpace().sample(rb));
            assertArrayEquals(sa.observation(), sb.observation(), "step " + i);
            assertEquals(sa.reward(), sb.reward());
            assertEquals(sa.stage(), sb.stage());
        }
    }

    @Test
    void resetStartsNearTheOriginAtRest() {
        double[] obs = Tasks.make("wheeled", 0).reset(SEED);
        assertTrue(Math.hypot(obs[0], obs[1]) < 0.06, "start " + obs[0] + ", " + obs[1]);
        assertTrue(Math.abs(Math.atan2(obs[2], obs[3])) < 0.05);
        assertArrayEquals(new double[] {0, 0, 0}, new double[] {obs[4], obs[5], obs[6]});
    }

    @Test
    void resetToRoundTripsEveryObservationExactly() {
        Env env = Tasks.make("wheeled", 3), probe = Tasks.make("wheeled", 3);
        Policy expert = Tasks.expert("wheeled", 3);
        double[] obs = env.reset(SEED);
        int turns = 0;
        for (int i = 0; i < 950; i++) {
            Step s = env.step(expert.act(obs, env.stage(), null));
            obs = s.observation();
            assertArrayEquals(obs, probe.resetTo(obs, s.stage()), "step " + i);
            assertEquals(s.stage(), probe.stage());
            if (s.done()) break;
        }
        // the round trip must also hold after the car has spun past +-pi many times
        env.resetTo(new double[] {0, 0, 0, 1, 0, 0, 0});
        for (int i = 0; i < 300; i++) {
            obs = env.step(new double[] {-20, 20}).observation();
            assertArrayEquals(obs, probe.resetTo(obs, 0), "spin step " + i);
        }
    }

    @Test
    void resetToContinuesTheSameMotion() {
        Env env = Tasks.make("wheeled", 0), probe = Tasks.make("wheeled", 0);
        double[] obs = env.resetTo(new double[] {0, 0, 0, 1, 0, 0, 0});
        for (int i = 0; i < 20; i++) obs = env.step(new double[] {20, 5}).observation();
        probe.resetTo(obs, 0);
        for (int i = 0; i < 10; i++)
            assertArrayEquals(env.step(new double[] {3, 15}).observation(), probe.step(new double[] {3, 15}).observation(),
                    1e-4, "step " + i);
    }

    @Test
    void velocityBoundsRestOnTheStatedMassDistribution() {
        WheeledTask task = new WheeledTask(Tasks.spec("wheeled", 0));
        task.reset(SEED);
        assertEquals(WheeledTask.totalMass(), task.body().getMass(), 1e-4);
        assertEquals(WheeledTask.inertia(), task.body().getInertia(), 1e-4);
        double rhoSq = task.body().getInertia() / task.body().getMass();
        assertTrue(rhoSq <= WheeledTask.HALF_TRACK * WheeledTask.HALF_TRACK,
                "the energy bound needs I/m <= half track^2, got " + rhoSq);
    }

    @Test
    void badInputThrowsNamingTheValue() {
        Env env = Tasks.make("wheeled", 0);
        env.reset(SEED);
        var len = assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {1, 2, 3}));
        assertTrue(len.getMessage().contains("length 3"), len.getMessage());
        var nan = assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0, Double.NaN}));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        var state = assertThrows(IllegalArgumentException.class, () -> env.resetTo(new double[] {0, 0, 1}));
        assertTrue(state.getMessage().contains("length 3") && state.getMessage().contains("7"), state.getMessage());
    }

    private static double rollout(Env env, Policy policy, long seed, SplittableRandom rng) {
        return Episode.run(env, policy, seed, rng).totalReward();
    }
}

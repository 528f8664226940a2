package sectar.sim.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.sim.Seeds;
import sectar.sim.tasks.BadInputTest;
import sectar.sim.tasks.Tasks;

/** VectorEnv: thread-count independence, seeding by name, auto-reset with the final observation kept. */
class VectorEnvTest {
    /** Runs {@code steps} random vector steps; returns every observation, reward, flag and stage as rows. */
    static List<double[]> run(int threads, long runSeed, int n, int steps) {
        List<double[]> rows = new ArrayList<>();
        try (VectorEnv v = new VectorEnv(() -> Tasks.make("waypoint", 1), n, runSeed, threads)) {
            assertEquals(threads, v.threads());
            for (double[] o : v.reset()) rows.add(o);
            SplittableRandom rng = Seeds.rng(runSeed, "actions");
            for (int t = 0; t < steps; t++) {
                double[][] actions = new double[n][];
                for (int i = 0; i < n; i++) actions[i] = v.spec().actionSpace().sample(rng);
                VectorEnv.VectorStep s = v.step(actions);
                for (int i = 0; i < n; i++) {
                    rows.add(s.observations()[i].clone()); // the row is overwritten by the next step
                    rows.add(new double[] {s.rewards()[i], s.terminated()[i] ? 1 : 0, s.truncated()[i] ? 1 : 0, s.stages()[i]});
                    if (s.finalObservations()[i] != null) rows.add(s.finalObservations()[i]);
                }
            }
        }
        return rows;
    }

    @Test void oneAndTwoThreadsGiveIdenticalResults() {
        List<double[]> one = run(1, 17, 8, 400), two = run(2, 17, 8, 400);
        assertEquals(one.size(), two.size());
        for (int r = 0; r < one.size(); r++) assertArrayEquals(one.get(r), two.get(r), 0.0, "row " + r);
        List<double[]> other = run(2, 18, 8, 400);
        boolean differs = false;
        for (int r = 0; r < Math.min(one.size(), other.size()) && !differs; r++)
            differs = !java.util.Arrays.equals(one.get(r), other.get(r));
        assertTrue(differs || one.size() != other.size(), "another run seed should give other random actions");
    }

    /** Per-env random actions drawn on the stepping thread: env i's stream depends on nothing else. */
    static ActionSource randomSource(VectorEnv v, long runSeed) {
        SplittableRandom[] rngs = new SplittableRandom[v.size()];
        for (int i = 0; i < rngs.length; i++) rngs[i] = Seeds.rng(runSeed, "actions/" + i);
        return (i, observation, stage) -> v.spec().actionSpace().sample(rngs[i]);
    }

    /** Waypoint instance 1 as separate envs, or (own) as the task's own batch. */
    static VectorEnv waypoint(boolean own, int n, int threads) {
        return own ? VectorEnv.of(Tasks.spec("waypoint", 1), n, 5, threads) : new VectorEnv(() -> Tasks.make("waypoint", 1), n, 5, threads);
    }

    static List<List<double[]>> perStep(int threads, int n, int steps) { return perStep(false, threads, n, steps); }

    static List<List<double[]>> perStep(boolean own, int threads, int n, int steps) { return perStep(own, false, threads, n, steps); }

    /**
     * Env i's steps as rows (observation after, reward, flags, stage, next observation), per-step calls:
     * with the source choosing per env, or (arrays) with its actions chosen first for all envs.
     */
    static List<List<double[]>> perStep(boolean own, boolean arrays, int threads, int n, int steps) {
        List<List<double[]>> rows = rowsPerEnv(n);
        try (VectorEnv v = waypoint(own, n, threads)) {
            v.reset();
            ActionSource source = randomSource(v, 5);
            for (int t = 0; t < steps; t++) {
                double[][] actions = new double[n][];
                if (arrays) for (int i = 0; i < n; i++) actions[i] = source.act(i, null, 0); // the random source reads no observation
                VectorEnv.VectorStep s = arrays ? v.step(actions) : v.step(source);
                for (int i = 0; i < n; i++) {
                    double[] last = s.done(i) ? s.finalObservations()[i] : s.observations()[i];
                    rows.get(i).add(row(last, s.rewards()[i], s.terminated()[i], s.truncated()[i], s.stages()[i], s.observations()[i]));
                }
            }
        }
        return rows;
    }

    static List<List<double[]>> batched(int threads, int n, int steps, int batch) { return batched(false, threads, n, steps, batch); }

    /** The same trajectories from batched calls of {@code batch} steps. */
    static List<List<double[]>> batched(boolean own, int threads, int n, int steps, int batch) {
        List<List<double[]>> rows = rowsPerEnv(n);
        try (VectorEnv v = waypoint(own, n, threads)) {
            v.reset();
            ActionSource source = randomSource(v, 5);
            for (int t = 0; t < steps; t += batch)
                v.run(source, batch, (i, s, next) -> rows.get(i).add(
                        row(s.observation(), s.reward(), s.terminated(), s.truncated(), s.stage(), next)));
        }
        return rows;
    }

    private static List<List<double[]>> rowsPerEnv(int n) {
        List<List<double[]>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) rows.add(new ArrayList<>());
        return rows;
    }

    private static double[] row(double[] obs, double reward, boolean terminated, boolean truncated, int stage, double[] next) {
        return new double[] {obs[0], obs[1], reward, terminated ? 1 : 0, truncated ? 1 : 0, stage, next[0], next[1]};
    }

    private static void assertSameRows(List<List<double[]>> a, List<List<double[]>> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).size(), b.get(i).size(), "env " + i);
            for (int t = 0; t < a.get(i).size(); t++) assertArrayEquals(a.get(i).get(t), b.get(i).get(t), 0.0, "env " + i + " step " + t);
        }
    }

    @Test void perStepSourcesAndBatchedRunsGiveTheSameTrajectoriesOnAnyThreadCount() {
        int n = 6, steps = 2 * 380 + 40; // two auto-resets per env
        List<List<double[]>> reference = perStep(1, n, steps);
        assertSameRows(reference, perStep(2, n, steps));
        assertSameRows(reference, batched(1, n, steps, 40));
        assertSameRows(reference, batched(2, n, steps, 40));
        long resets = reference.get(0).stream().filter(r -> r[4] == 1).count();
        assertEquals(2, resets, "the run crosses two episode ends");
    }

    @Test void theTasksOwnBatchStepsLikeSeparateEnvsInEveryFormAndThreadCount() {
        int n = 5, steps = 2 * 380 + 40;
        assertTrue(Tasks.batch(Tasks.spec("waypoint", 1), n).isPresent(), "waypoint registers its own batch");
        assertFalse(Tasks.batch(Tasks.spec("block", 1), n).isPresent(), "block steps separate envs");
        List<List<double[]>> reference = perStep(false, 1, n, steps);
        for (int threads = 1; threads <= 2; threads++) {
            assertSameRows(reference, perStep(true, threads, n, steps));
            assertSameRows(reference, batched(true, threads, n, steps, 40));
            assertSameRows(reference, perStep(true, true, threads, n, steps));
            assertSameRows(reference, perStep(false, true, threads, n, steps));
        }
    }

    @Test void arraysAndSourcesStepAlike() {
        try (VectorEnv a = VectorEnv.of("block", 0, 3, 9); VectorEnv b = VectorEnv.of("block", 0, 3, 9)) {
            a.reset();
            b.reset();
            for (int t = 0; t < 50; t++) {
                double[][] actions = {{t % 6}, {(t + 2) % 6}, {(t * 5) % 6}};
                VectorEnv.VectorStep x = a.step(actions);
                double[][] xObs = x.observations().clone();
                VectorEnv.VectorStep y = b.step((i, observation, stage) -> actions[i]);
                for (int i = 0; i < 3; i++) assertArrayEquals(xObs[i], y.observations()[i], 0.0, "env " + i + " step " + t);
            }
        }
    }

    @Test void autoResetReturnsTheNewObservationAndKeepsTheFinalOne() {
        int n = 3, length = Tasks.spec("block", 0).episodeSteps();
        try (VectorEnv v = VectorEnv.of("block", 0, n, 5)) {
            assertEquals(2, v.threads());
            double[][] obs = v.reset();
            double[][] action = {{0}, {1}, {2}};
            VectorEnv.VectorStep s = null;
            for (int t = 1; t <= length; t++) {
                s = v.step(action);
                for (int i = 0; i < n; i++) {
                    if (t < length) {
                        assertFalse(s.done(i));
                        assertNull(s.finalObservations()[i]);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                assertTrue(s.truncated()[i], "env " + i + " truncated at " + length);
                assertArrayEquals(obs[i], s.observations()[i], "env " + i + " restarted at the start state");
                assertTrue(s.finalObservations()[i][0] != obs[i][0] || s.finalObservations()[i][1] != obs[i][1],
                        "env " + i + " final observation is the moved one");
                assertEquals(2, v.episodesStarted(i));
                assertEquals(0, v.elapsedSteps(i));
            }
            assertArrayEquals(new int[n], v.stages());
            VectorEnv.VectorStep last = s;
            s = v.step(action); // the reset envs step on
            assertTrue(s.rewards() == last.rewards(), "the step's arrays are the env's reused buffers");
            assertTrue(s.observations()[0] == last.observations()[0], "env 0's observation row is reused");
            assertTrue(obs[0] != s.observations()[0], "reset() returned a fresh array, not the row");
            for (int i = 0; i < n; i++) {
                assertFalse(s.done(i));
                assertNull(s.finalObservations()[i], "env " + i + " did not finish in this step");
            }
        }
    }

    @Test void envSeedsDeriveByName() {
        try (VectorEnv v = VectorEnv.of("waypoint", 0, 2, 3)) {
            v.reset();
            double[] st = {0.5, -0.5};
            assertArrayEquals(st, v.resetTo(1, st, 2), 1e-6);
            assertEquals(2, v.stages()[1]);
            assertEquals(0, v.stages()[0]);
        }
        assertEquals(Seeds.derive(Seeds.derive(3, "env/1"), "episode/0"),
                Seeds.derive(Seeds.derive(3, "env/1"), "episode/0"));
    }

    @Test void badVectorInput() {
        try (VectorEnv v = VectorEnv.of("block", 0, 2, 1)) {
            v.reset();
            BadInputTest.assertRejected(() -> v.step(new double[1][]), "2 rows", "got 1");
            BadInputTest.assertRejected(() -> v.step(new double[][] {{0}, {6}}), "env 1", "6.0", "[0, 6)");
            BadInputTest.assertRejected(() -> v.elapsedSteps(2), "[0, 1]", "got 2");
            BadInputTest.assertRejected(() -> v.step((i, o, st) -> new double[] {i == 1 ? 7 : 0}), "env 1", "7.0", "[0, 6)");
            BadInputTest.assertRejected(() -> v.run((i, o, st) -> new double[] {0}, 0, (i, s, next) -> {}), "steps", "got 0");
            BadInputTest.assertRejected(() -> v.step((ActionSource) null), "null");
        }
        BadInputTest.assertRejected(() -> new VectorEnv(() -> Tasks.make("block", 0), 0, 1, 1), "got 0");
        BadInputTest.assertRejected(() -> new VectorEnv(() -> Tasks.make("block", 0), 2, 1, 3), "got 3");
    }
}

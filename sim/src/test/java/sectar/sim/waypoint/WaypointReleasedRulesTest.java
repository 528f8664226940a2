package sectar.sim.waypoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sectar.sim.Env;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.Step;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/**
 * Waypoint equals the released rules ({@link ReleasedWaypoint}) step for step on every instance:
 * positions bitwise, stages, rewards and both flags, under random actions, sticky actions that run
 * into walls and push against them, corner sequences, a goal-seeking policy that cuts along the walls,
 * and starts on the edges and in the corners (JBox2D walls would stop the agent 0.011 short of the
 * clip and move goal reaching to other steps, which this guards against). A vector env's form of the task,
 * {@link WaypointBatch}, is held against the task on the same sequences.
 */
class WaypointReleasedRulesTest {
    /** The env of a three-env batch held against the task. */
    private static final int LANE = 1;

    static IntStream instances() { return IntStream.range(0, Tasks.NUM_INSTANCES); }

    /** Chooses the next action from the current observation and the step index. */
    interface Actions {
        int next(double[] obs, int stage, int t);
    }

    @ParameterizedTest(name = "instance {0}")
    @MethodSource("instances")
    void randomAndStickyActionsFromTheStart(int k) {
        TaskSpec spec = Tasks.spec("waypoint", k);
        double[] s = spec.start();
        for (int seed = 0; seed < 8; seed++) {
            SplittableRandom rng = Seeds.rng(seed, "released/random/" + k);
            compare(k, s, "random seed " + seed, (obs, stage, t) -> rng.nextInt(4));
            SplittableRandom sticky = Seeds.rng(seed, "released/sticky/" + k);
            int[] held = {0, 0};
            compare(k, s, "sticky seed " + seed, (obs, stage, t) -> {
                if (held[1]-- <= 0) {
                    held[0] = sticky.nextInt(4);
                    held[1] = 5 + sticky.nextInt(30); // long enough to cross the arena and push at a wall
                }
                return held[0];
            });
        }
    }

    @ParameterizedTest(name = "instance {0}")
    @MethodSource("instances")
    void wallHuggingAndCornerSequences(int k) {
        double[] s = Tasks.spec("waypoint", k).start();
        for (int a = 0; a < 4; a++) {
            int into = a, along = (a + 1) % 4, back = (a + 2) % 4, other = (a + 3) % 4;
            // run into a wall, then slide along it while pushing into it every other step
            compare(k, s, "hug wall " + a, (obs, stage, t) -> t < 30 ? into : t % 2 == 0 ? into : t % 40 < 20 ? along : other);
            // into a corner, push both walls, leave, come back
            compare(k, s, "corner " + a, (obs, stage, t) -> {
                int phase = t % 80;
                return phase < 30 ? into : phase < 60 ? along : phase < 70 ? back : other;
            });
        }
    }

    /** A greedy goal seeker (x first, as the expert) that pushes into the nearest wall every 7th step. */
    @ParameterizedTest(name = "instance {0}")
    @MethodSource("instances")
    void goalSeekingPolicyThatTouchesWalls(int k) {
        TaskSpec spec = Tasks.spec("waypoint", k);
        Policy expert = Tasks.expert(spec);
        SplittableRandom rng = Seeds.rng(1, "released/seek/" + k);
        compare(k, spec.start(), "goal seeker", (obs, stage, t) -> {
            if (t % 7 == 6) return nearestWall(obs);
            return (int) expert.act(obs, stage, rng)[0];
        });
    }

    @ParameterizedTest(name = "instance {0}")
    @MethodSource("instances")
    void startsOnTheEdgesAndInTheCorners(int k) {
        double e = ReleasedWaypoint.ARENA, mid = Tasks.spec("waypoint", k).start()[1];
        List<double[]> starts = new ArrayList<>(List.of(new double[] {e, mid}, new double[] {-e, mid},
                new double[] {mid, e}, new double[] {mid, -e}));
        for (double cx : new double[] {-e, e})
            for (double cy : new double[] {-e, e}) starts.add(new double[] {cx, cy});
        for (double[] start : starts) {
            for (int a = 0; a < 4; a++) {
                int first = a;
                SplittableRandom rng = Seeds.rng(a, "released/edge/" + k);
                compare(k, start, "edge start " + start[0] + "," + start[1] + " action " + a,
                        (obs, stage, t) -> t < 3 ? first : rng.nextInt(4));
            }
        }
    }

    private static int nearestWall(double[] obs) {
        double[] gap = {ReleasedWaypoint.ARENA - obs[0], ReleasedWaypoint.ARENA - obs[1],
                ReleasedWaypoint.ARENA + obs[0], ReleasedWaypoint.ARENA + obs[1]};
        int best = 0;
        for (int i = 1; i < 4; i++) if (gap[i] < gap[best]) best = i;
        return best;
    }

    /**
     * Runs one whole episode of the task, of the reference and of env {@link #LANE} of a vector env's
     * {@link WaypointBatch} on the same actions, comparing every step.
     */
    private static void compare(int k, double[] start, String what, Actions actions) {
        TaskSpec spec = Tasks.spec("waypoint", k);
        Env env = Tasks.make(spec);
        double[] obs = env.resetTo(start, 0);
        assertEquals(start[0], obs[0]);
        assertEquals(start[1], obs[1]);
        WaypointBatch batch = new WaypointBatch(spec, 3);
        double[] row = new double[2];
        for (int i = 0; i < 3; i++) batch.reset(i, i, row); // the other envs hold other states
        batch.resetTo(LANE, start, 0, row);
        assertArrayEquals(obs, row, 0.0);
        ReleasedWaypoint ref = new ReleasedWaypoint(Tasks.instance("waypoint", k).goals(), start[0], start[1]);
        int walls = 0;
        for (int t = 0; ; t++) {
            int a = actions.next(obs, env.stage(), t);
            Step s = env.step(new double[] {a});
            ReleasedWaypoint.Outcome r = ref.step(a);
            String at = "instance " + k + ", " + what + ", step " + (t + 1) + " (action " + a + ")";
            assertEquals(r.x(), s.observation()[0], 0.0, at + ": x");
            assertEquals(r.y(), s.observation()[1], 0.0, at + ": y");
            assertEquals(r.stage(), s.stage(), at + ": stage");
            assertEquals(r.reward(), s.reward(), at + ": reward");
            assertEquals(r.terminated(), s.terminated(), at + ": terminated");
            assertEquals(r.truncated(), s.truncated(), at + ": truncated");
            double reward = batch.step(LANE, new double[] {a}, row);
            assertArrayEquals(s.observation(), row, 0.0, at + ": batch observation");
            assertEquals(s.reward(), reward, at + ": batch reward");
            assertEquals(s.stage(), batch.stage(LANE), at + ": batch stage");
            assertEquals(s.terminated(), batch.terminated(LANE), at + ": batch terminated");
            assertEquals(s.truncated(), batch.truncated(LANE), at + ": batch truncated");
            assertEquals(env.elapsedSteps(), batch.elapsedSteps(LANE), at + ": batch steps");
            if (Math.abs(r.x()) == ReleasedWaypoint.ARENA || Math.abs(r.y()) == ReleasedWaypoint.ARENA) walls++;
            obs = s.observation();
            if (s.done()) break;
        }
        double[] done = row.clone();
        assertThrows(IllegalStateException.class, () -> batch.step(LANE, new double[] {0}, done), "a finished batch env steps only after a reset");
        if (what.startsWith("hug") || what.startsWith("corner") || what.startsWith("edge"))
            assertTrue(walls > 0, what + " never reached a wall on instance " + k); // the sequence tests what it says
    }
}

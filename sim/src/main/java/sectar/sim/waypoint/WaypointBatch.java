package sectar.sim.waypoint;

import sectar.sim.EnvBatch;
import sectar.sim.OrderedGoals;
import sectar.sim.TaskSpec;
import sectar.sim.TimeLimit;

/**
 * N waypoint envs as arrays: a vector env's form of the task. A waypoint step is a move and a clip,
 * 15-25 ns, and stepping eight {@link WaypointTask} objects round-robin (the wrapper, the task, a fresh
 * observation and {@code Step} each) cost 25-30 ns per step, slower than one env stepped in a loop;
 * here a step reads and writes two doubles and two ints of its env. The rules are the task's own
 * ({@link WaypointTask#moved}, the spec's {@link OrderedGoals}, {@link TimeLimit#truncates}), and
 * {@code WaypointReleasedRulesTest} holds env i against the released rules step for step with the task.
 *
 * <p>Each env's state sits on its own 64-byte line ({@link #DOUBLES}, {@link #INTS} apart), so two
 * threads stepping neighbouring envs do not write the same cache line.
 */
public final class WaypointBatch implements EnvBatch {
    private static final int DOUBLES = 8, INTS = 16;
    private static final int X = 0, Y = 1, STAGE = 0, STEPS = 1, FLAGS = 2;
    private static final int RUNNING = 1, TERMINATED = 2, TRUNCATED = 4;

    private final TaskSpec spec;
    private final OrderedGoals goals;
    private final int n, numGoals;
    private final double stepSize, arena;
    private final double[] pos;
    private final int[] counters;

    public WaypointBatch(TaskSpec spec, int n) {
        if (n < 1) throw new IllegalArgumentException("number of envs must be >= 1, got " + n);
        this.spec = spec;
        this.goals = spec.reward();
        this.n = n;
        this.numGoals = spec.numGoals();
        this.stepSize = spec.taskInstance().parameter("step_size");
        this.arena = spec.taskInstance().parameter("arena_half_width");
        this.pos = new double[n * DOUBLES];
        this.counters = new int[n * INTS];
    }

    @Override public TaskSpec spec() { return spec; }

    @Override public int size() { return n; }

    /** No start noise, as the task: the seed is not used. */
    @Override public void reset(int i, long seed, double[] obs) { resetTo(i, spec.start(), 0, obs); }

    @Override public void resetTo(int i, double[] state, int stage, double[] obs) {
        check(i);
        spec.checkStart(state, stage);
        pos[i * DOUBLES + X] = state[0];
        pos[i * DOUBLES + Y] = state[1];
        counters[i * INTS + STAGE] = stage;
        counters[i * INTS + STEPS] = 0;
        counters[i * INTS + FLAGS] = RUNNING;
        obs[0] = state[0];
        obs[1] = state[1];
    }

    @Override public double step(int i, double[] action, double[] obs) {
        int p = i * DOUBLES, c = i * INTS;
        if ((counters[c + FLAGS] & RUNNING) == 0) throw notRunning(i);
        double[] m = WaypointTask.MOVES[(int) action[0]];
        double x = WaypointTask.moved(pos[p + X], m[0], stepSize, arena);
        double y = WaypointTask.moved(pos[p + Y], m[1], stepSize, arena);
        pos[p + X] = x;
        pos[p + Y] = y;
        obs[0] = x;
        obs[1] = y;
        int stage = counters[c + STAGE];
        int next = goals.nextStage(obs, 0, stage);
        int steps = counters[c + STEPS] + 1;
        boolean terminated = next >= numGoals;
        boolean truncated = TimeLimit.truncates(spec, steps, terminated);
        counters[c + STAGE] = next;
        counters[c + STEPS] = steps;
        counters[c + FLAGS] = terminated ? TERMINATED : truncated ? TRUNCATED : RUNNING;
        return goals.reward(stage, next);
    }

    private IllegalStateException notRunning(int i) { // out of line: keeps step small enough to inline
        return new IllegalStateException(spec.name() + " env " + i + ": call reset before step (or after the episode ended)");
    }

    @Override public int stage(int i) { return counters[i * INTS + STAGE]; }

    @Override public int elapsedSteps(int i) { return counters[i * INTS + STEPS]; }

    @Override public boolean terminated(int i) { return (counters[i * INTS + FLAGS] & TERMINATED) != 0; }

    @Override public boolean truncated(int i) { return (counters[i * INTS + FLAGS] & TRUNCATED) != 0; }

    private void check(int i) {
        if (i < 0 || i >= n) throw new IllegalArgumentException("env index must be in [0, " + (n - 1) + "], got " + i);
    }
}

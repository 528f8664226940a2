package sectar.sim.toy;

import java.util.SplittableRandom;
import sectar.sim.Env;
import sectar.sim.OrderedGoals;
import sectar.sim.Space;
import sectar.sim.Step;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;

/**
 * <h2>Description</h2>
 * A kinematic point in [-1, 1]^2 must move to a fixed goal and stay there. A learning-test task: the
 * reward is dense, so PPO and TRPO solve it in seconds, while a random walk does not.
 *
 * <h2>Action Space</h2>
 * Discrete variant: {@code Discrete(4)}: 0 = +x, 1 = +y, 2 = -x, 3 = -y, each a move of {@link #STEP}.
 * Continuous variant: {@code Box(2)} in [-1, 1]^2 (clipped), a move of {@code STEP * a}.
 *
 * <h2>Observation Space</h2>
 * {@code Box(2)}: the position (x, y), clipped to [-1, 1]^2.
 *
 * <h2>Rewards</h2>
 * Minus the distance to {@link #GOAL} after each move (dense, in [-2.83, 0]). The {@link TaskSpec}'s
 * sparse reward (one goal of radius {@link #GOAL_RADIUS}) is only used for the stage bookkeeping.
 *
 * <h2>Starting State</h2>
 * {@link #START} plus uniform noise of +-{@link #START_NOISE} per coordinate drawn from the reset seed.
 *
 * <h2>Episode Termination</h2>
 * Never terminates; truncated after {@link #EPISODE_STEPS} steps (wrap in {@code TimeLimit}, or use
 * {@link #make(boolean)}).
 */
public final class PointGoal implements Env {
    public static final double STEP = 0.1;
    public static final int EPISODE_STEPS = 30;
    public static final double[] START = {-0.5, -0.5};
    public static final double START_NOISE = 0.1;
    public static final double[] GOAL = {0.5, 0.5};
    public static final double GOAL_RADIUS = 0.1;
    private static final double[][] MOVES = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};

    private final TaskSpec spec;
    private final boolean discrete;
    private final double[] pos = new double[2];
    private int stage, steps;
    private boolean started;

    /** @param discrete four-direction moves (true) or a continuous 2-D move (false) */
    public PointGoal(boolean discrete) {
        this.discrete = discrete;
        this.spec = spec(discrete);
    }

    /** The spec: "pointgoal" (discrete) or "pointgoal-continuous", instance 0. */
    public static TaskSpec spec(boolean discrete) {
        Space action = discrete ? new Space.Discrete(4) : Space.Box.symmetric(2, 1);
        OrderedGoals reward = new OrderedGoals(new double[][] {GOAL.clone()}, GOAL_RADIUS, 1, 0, 0);
        String name = discrete ? "pointgoal" : "pointgoal-continuous";
        TaskInstance data = new TaskInstance(name, 0, "toy task", new java.util.TreeMap<>(), START.clone(),
                new double[0][], new double[][] {GOAL.clone()});
        return new TaskSpec(data, Space.Box.symmetric(2, 1), action,
                EPISODE_STEPS, EPISODE_STEPS, reward, START.clone());
    }

    /** A fresh env wrapped in its time limit. */
    public static Env make(boolean discrete) { return new sectar.sim.TimeLimit(new PointGoal(discrete)); }

    @Override public TaskSpec spec() { return spec; }

    @Override public double[] reset(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] s = new double[2];
        for (int i = 0; i < 2; i++) s[i] = START[i] + (2 * rng.nextDouble() - 1) * START_NOISE;
        return resetTo(s, 0);
    }

    @Override public double[] resetTo(double[] state, int stage) {
        spec.observationSpace().validate("PointGoal state", state);
        if (!spec.observationSpace().contains(state))
            throw new IllegalArgumentException("PointGoal state must lie in [-1, 1]^2, got " + java.util.Arrays.toString(state));
        if (stage < 0 || stage > spec.numGoals())
            throw new IllegalArgumentException("PointGoal stage must be in [0, " + spec.numGoals() + "], got " + stage);
        pos[0] = state[0];
        pos[1] = state[1];
        this.stage = stage;
        steps = 0;
        started = true;
        return pos.clone();
    }

    @Override public Step step(double[] action) {
        if (!started) throw new IllegalStateException("PointGoal: call reset before step");
        spec.actionSpace().validate("PointGoal action", action);
        double dx, dy;
        if (discrete) {
            double[] m = MOVES[(int) action[0]];
            dx = m[0] * STEP;
            dy = m[1] * STEP;
        } else {
            dx = clip(action[0]) * STEP;
            dy = clip(action[1]) * STEP;
        }
        pos[0] = clip(pos[0] + dx);
        pos[1] = clip(pos[1] + dy);
        steps++;
        stage = spec.reward().apply(pos, stage).nextStage();
        return new Step(pos.clone(), -distanceToGoal(pos), false, false, stage);
    }

    /** Euclidean distance from {@code p} to the goal. */
    public static double distanceToGoal(double[] p) {
        return Math.hypot(p[0] - GOAL[0], p[1] - GOAL[1]);
    }

    private static double clip(double v) { return Math.max(-1, Math.min(1, v)); }

    @Override public int stage() { return stage; }

    @Override public int elapsedSteps() { return steps; }
}

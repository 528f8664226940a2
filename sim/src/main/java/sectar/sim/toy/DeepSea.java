package sectar.sim.toy;

import java.util.SplittableRandom;
import java.util.TreeMap;
import sectar.sim.Env;
import sectar.sim.OrderedGoals;
import sectar.sim.Space;
import sectar.sim.Step;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.TimeLimit;

/**
 * <h2>Description</h2>
 * Deep sea (Osband et al. 2020, "Behaviour Suite for Reinforcement Learning"): an N x N grid descended
 * one row per step from the top-left cell; only the bottom-right cell pays. A learning-test task for
 * exploration: the reward needs N - 1 moves to the right in a row, which a random policy makes with
 * probability 2^-(N-1), so a learner that only dithers never sees a reward.
 *
 * <h2>Action Space</h2>
 * {@code Discrete(2)}: one action moves down-left, the other down-right (the column is clipped to the
 * grid). Which one is which differs from cell to cell, drawn once from the instance's action seed, as in
 * bsuite: a policy that settles on one action everywhere (what PPO's policy does when it only follows
 * the noise of an untrained value net) is then no more likely to find the reward than a random one.
 * Unlike bsuite, moving right costs nothing: the reward is as sparse as the project's tasks, with no
 * shaping of either sign.
 *
 * <h2>Observation Space</h2>
 * {@code Box(2 + N * N)} in [0, 1]: (column, row) / (N - 1), then bsuite's observation, the one-hot of
 * the cell (row-major). The one-hot lets a policy choose each cell's action on its own, as the per-cell
 * action meanings need.
 *
 * <h2>Rewards</h2>
 * +1 on arriving in the bottom-right cell (the {@link TaskSpec}'s one goal), else 0. Return 0 or 1.
 *
 * <h2>Starting State</h2>
 * The top-left cell (0, 0); no noise.
 *
 * <h2>Episode Termination</h2>
 * Terminated on reaching the bottom-right cell; otherwise truncated on reaching the bottom row, after
 * N - 1 steps (wrap in {@code TimeLimit}, or use {@link #make(int, long)}).
 *
 * <h2>Arguments</h2>
 * {@code size}: N, at least 2; {@code actionSeed}: draws which action moves right in each cell.
 */
public final class DeepSea implements Env {
    private final int size;
    private final TaskSpec spec;
    private final boolean[][] rightIsOne; // [row][col]: action 1 moves right there (else action 0 does)
    private int row, col, stage;
    private boolean started;

    /**
     * @param size       N, the grid's side
     * @param actionSeed draws which action moves right in each cell
     */
    public DeepSea(int size, long actionSeed) {
        if (size < 2) throw new IllegalArgumentException("DeepSea size must be >= 2, got " + size);
        this.size = size;
        this.spec = spec(size);
        SplittableRandom rng = new SplittableRandom(actionSeed);
        rightIsOne = new boolean[size][size];
        for (boolean[] r : rightIsOne)
            for (int c = 0; c < size; c++) r[c] = rng.nextBoolean();
    }

    /** The spec: "deepsea", instance 0, episodes of N - 1 steps, one goal at the bottom-right cell. */
    public static TaskSpec spec(int size) {
        double[] treasure = {1, 1};
        // half a cell: only the bottom-right cell is within the radius
        OrderedGoals reward = new OrderedGoals(new double[][] {treasure}, 0.5 / (size - 1), 1, 0, 0);
        TreeMap<String, Double> params = new TreeMap<>();
        params.put("size", (double) size);
        TaskInstance data = new TaskInstance("deepsea", 0, "toy task", params, new double[] {0, 0}, new double[0][],
                new double[][] {treasure});
        int dim = 2 + size * size;
        double[] hi = new double[dim];
        java.util.Arrays.fill(hi, 1);
        return new TaskSpec(data, new Space.Box(new double[dim], hi), new Space.Discrete(2), size - 1, size - 1, reward,
                observe(size, 0, 0));
    }

    /** A fresh N x N deep sea wrapped in its time limit. */
    public static Env make(int size, long actionSeed) { return new TimeLimit(new DeepSea(size, actionSeed)); }

    public int size() { return size; }

    /** The action that moves right from the cell of observation {@code obs} (the scripted solver's). */
    public double[] rightAction(double[] obs) {
        int c = (int) Math.round(obs[0] * (size - 1)), r = (int) Math.round(obs[1] * (size - 1));
        return new double[] {rightIsOne[r][c] ? 1 : 0};
    }

    @Override public TaskSpec spec() { return spec; }

    @Override public double[] reset(long seed) { return resetTo(spec.start(), 0); } // deterministic start: the seed is unused

    @Override public double[] resetTo(double[] state, int stage) {
        spec.observationSpace().validate("DeepSea state", state);
        int c = (int) Math.round(state[0] * (size - 1)), r = (int) Math.round(state[1] * (size - 1));
        if (!spec.observationSpace().contains(state) || !java.util.Arrays.equals(state, observe(size, c, r)))
            throw new IllegalArgumentException("DeepSea state must be an observation of a cell: (column, row) / " + (size - 1)
                    + " and the cell's one-hot, got (" + state[0] + ", " + state[1] + ", ...)");
        if (stage < 0 || stage > spec.numGoals())
            throw new IllegalArgumentException("DeepSea stage must be in [0, " + spec.numGoals() + "], got " + stage);
        row = r;
        col = c;
        this.stage = stage;
        started = true;
        return observe(size, col, row);
    }

    @Override public Step step(double[] action) {
        if (!started) throw new IllegalStateException("DeepSea: call reset before step");
        if (row >= size - 1) throw new IllegalStateException("DeepSea: the episode is over (bottom row reached); call reset");
        spec.actionSpace().validate("DeepSea action", action);
        boolean right = (action[0] == 1) == rightIsOne[row][col];
        col = Math.max(0, Math.min(size - 1, col + (right ? 1 : -1)));
        row++;
        double[] obs = observe(size, col, row);
        OrderedGoals.Outcome o = spec.reward().apply(obs, stage);
        stage = o.nextStage();
        return new Step(obs, o.reward(), stage == spec.numGoals(), false, stage);
    }

    private static double[] observe(int size, int col, int row) {
        double[] o = new double[2 + size * size];
        o[0] = col / (double) (size - 1);
        o[1] = row / (double) (size - 1);
        o[2 + row * size + col] = 1;
        return o;
    }

    @Override public int stage() { return stage; }

    /** Steps since the reset: the row, as every step descends one (a {@code resetTo} row counts from there). */
    @Override public int elapsedSteps() { return row; }
}

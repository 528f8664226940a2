package sectar.sim.block;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import sectar.sim.OrderedGoals;
import sectar.sim.Policy;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;

/**
 * Scripted block controller for the default (contact-free) task. For the current object g: walk the
 * fist to a spot within grasp range of object g but out of range of every earlier object (a grasp
 * takes the first object in order 1..4 in range, and placed objects may lie near g), grasp, carry
 * object g greedily towards its goal, and drop it once the stage advances. The walk is a
 * breadth-first search over the fist's 0.2 lattice with the released clip at the walls, so it also
 * finds a spot when the straight approach is blocked. Deterministic: it ignores the rng.
 */
public final class BlockExpert implements Policy {
    private static final int GRASP = 4, DROP = 5;
    private static final double[][] MOVES = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    /** Keeps the chosen grasp spot clear of the range boundaries, so float rounding cannot flip a test. */
    private static final double MARGIN = 0.01;

    private final OrderedGoals goals;
    private final double arena;
    private final double step;
    private final double graspRadius;

    public BlockExpert(TaskSpec spec) {
        TaskInstance inst = spec.taskInstance();
        this.goals = spec.reward();
        this.arena = inst.parameter("arena_half_width");
        this.step = inst.parameter("step_size");
        this.graspRadius = inst.parameter("grasp_radius");
    }

    @Override public double[] act(double[] obs, int stage, SplittableRandom rng) {
        if (stage >= goals.numGoals()) return new double[] {DROP};
        int held = BlockTask.attachedIndex(obs);
        if (held >= 0 && held != stage) return new double[] {DROP};
        if (held == stage) return new double[] {carry(obs, stage)};
        if (graspable(obs, stage, obs[0], obs[1], 0)) return new double[] {GRASP};
        return new double[] {approach(obs, stage)};
    }

    /** True when a grasp at (x, y) would take object g (with {@code margin} of slack on both tests). */
    private boolean graspable(double[] obs, int g, double x, double y, double margin) {
        if (distance(obs, g, x, y) >= graspRadius - margin) return false;
        for (int j = 0; j < g; j++) if (distance(obs, j, x, y) < graspRadius + margin) return false;
        return true;
    }

    private static double distance(double[] obs, int object, double x, double y) {
        return Math.hypot(obs[2 + 2 * object] - x, obs[3 + 2 * object] - y);
    }

    /** First move of a shortest lattice path to a graspable spot; a greedy move if none is reachable. */
    private int approach(double[] obs, int g) {
        ArrayDeque<double[]> queue = new ArrayDeque<>(); // {x, y, first move}
        Set<Long> seen = new HashSet<>();
        seen.add(key(obs[0], obs[1]));
        for (int a = 0; a < MOVES.length; a++) enqueue(queue, seen, obs[0], obs[1], a, a);
        while (!queue.isEmpty()) {
            double[] n = queue.poll();
            if (graspable(obs, g, n[0], n[1], MARGIN)) return (int) n[2];
            for (int a = 0; a < MOVES.length; a++) enqueue(queue, seen, n[0], n[1], a, (int) n[2]);
        }
        return greedy(obs[0], obs[1], obs[2 + 2 * g], obs[3 + 2 * g]);
    }

    private void enqueue(ArrayDeque<double[]> queue, Set<Long> seen, double x, double y, int move, int first) {
        double nx = clip(x + step * MOVES[move][0]), ny = clip(y + step * MOVES[move][1]);
        if (seen.add(key(nx, ny))) queue.add(new double[] {nx, ny, first});
    }

    private static long key(double x, double y) {
        return Math.round(x * 1e4) * 1_000_003L + Math.round(y * 1e4);
    }

    private double clip(double v) { return Math.max(-arena, Math.min(arena, v)); }

    /** Moves the fist so the carried object g heads for goal g, along an axis the clip does not block. */
    private int carry(double[] obs, int g) {
        double[] goal = goals.goal(g);
        double dx = goal[0] - obs[2 + 2 * g], dy = goal[1] - obs[3 + 2 * g];
        int ax = dx >= 0 ? 0 : 2, ay = dy >= 0 ? 1 : 3;
        boolean xFree = clip(obs[0] + step * MOVES[ax][0]) != obs[0];
        boolean yFree = clip(obs[1] + step * MOVES[ay][1]) != obs[1];
        if (Math.abs(dx) >= Math.abs(dy)) return xFree || !yFree ? ax : ay;
        return yFree || !xFree ? ay : ax;
    }

    private static int greedy(double x, double y, double tx, double ty) {
        double dx = tx - x, dy = ty - y;
        return Math.abs(dx) >= Math.abs(dy) ? (dx >= 0 ? 0 : 2) : (dy >= 0 ? 1 : 3);
    }
}

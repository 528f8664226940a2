package sectar.sim;

import java.util.SplittableRandom;

/**
 * Scripted waypoint controller: a greedy move along the axis with the larger distance to the
 * current waypoint. It ignores the rng (deterministic).
 */
public final class WaypointExpert implements Policy {
    private final OrderedGoals goals;

    public WaypointExpert(TaskSpec spec) {
        this.goals = spec.reward();
    }

    @Override public double[] act(double[] obs, int stage, SplittableRandom rng) {
        if (stage >= goals.numGoals()) return new double[] {0};
        double[] g = goals.goal(stage);
        double dx = g[0] - obs[0], dy = g[1] - obs[1];
        int a = Math.abs(dx) >= Math.abs(dy) ? (dx >= 0 ? 0 : 2) : (dy >= 0 ? 1 : 3);
        return new double[] {a};
    }
}

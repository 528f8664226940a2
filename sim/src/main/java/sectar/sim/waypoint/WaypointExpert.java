package sectar.sim.waypoint;

import java.util.SplittableRandom;
import sectar.sim.OrderedGoals;
import sectar.sim.Policy;
import sectar.sim.TaskSpec;

/**
 * Scripted waypoint controller: an L-shaped path to the current waypoint, first along x until the
 * agent is within half a move of the goal's x, then along y. It is as short as any path of axis moves
 * (the Manhattan distance) and, unlike a staircase that alternates x and y moves, its action changes
 * at most once per waypoint, so a segment of it is easy to encode and imitate. It ignores the rng.
 */
public final class WaypointExpert implements Policy {
    private final OrderedGoals goals;
    private final double halfMove;

    public WaypointExpert(TaskSpec spec) {
        this.goals = spec.reward();
        this.halfMove = spec.taskInstance().parameter("step_size") / 2;
    }

    @Override public double[] act(double[] obs, int stage, SplittableRandom rng) {
        if (stage >= goals.numGoals()) return new double[] {0};
        double[] g = goals.goal(stage);
        double dx = g[0] - obs[0], dy = g[1] - obs[1];
        int a = Math.abs(dx) > halfMove ? (dx >= 0 ? 0 : 2) : (dy >= 0 ? 1 : 3);
        return new double[] {a};
    }
}

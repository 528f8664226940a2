package sectar.sim.waypoint;

/**
 * The released {@code WaypointPlaypenDiscrete-v0} rules (spec section 8.1), written from the spec
 * alone so that {@link WaypointTask} can be held against them: a point moved 0.2 along one axis per
 * step and clipped to [-2.8, 2.8]^2, 50 ordered waypoints reached within 0.4 (numpy's norm), +1 on
 * every third, an episode of 20 segments of 19 steps. Nothing here uses the project's task code.
 */
final class ReleasedWaypoint {
    static final double ARENA = 2.8, STEP = 0.2, RADIUS = 0.4;
    static final int PAY_EVERY = 3, EPISODE_STEPS = 20 * 19;
    private static final double[][] DELTAS = {{STEP, 0}, {0, STEP}, {-STEP, 0}, {0, -STEP}};

    /** What one step gives: the new position, the reward, the next waypoint's index and the flags. */
    record Outcome(double x, double y, double reward, int stage, boolean terminated, boolean truncated) {}

    private final double[][] goals;
    private double x, y;
    private int goal, steps;

    ReleasedWaypoint(double[][] goals, double x, double y) {
        this.goals = goals;
        this.x = x;
        this.y = y;
    }

    Outcome step(int action) {
        x = Math.min(ARENA, Math.max(-ARENA, x + DELTAS[action][0]));
        y = Math.min(ARENA, Math.max(-ARENA, y + DELTAS[action][1]));
        steps++;
        double reward = 0;
        if (goal < goals.length) {
            double dx = x - goals[goal][0], dy = y - goals[goal][1];
            if (Math.sqrt(dx * dx + dy * dy) < RADIUS) {
                if (goal % PAY_EVERY == PAY_EVERY - 1) reward = 1;
                goal++;
            }
        }
        boolean terminated = goal == goals.length;
        return new Outcome(x, y, reward, goal, terminated, !terminated && steps >= EPISODE_STEPS);
    }
}

package sectar.sim.wheeled;

import java.util.SplittableRandom;
import sectar.sim.OrderedGoals;
import sectar.sim.Policy;
import sectar.sim.TaskSpec;

/**
 * Scripted wheeled controller: turns toward the current waypoint in proportion to the heading error
 * and drives at a speed that falls with that error (full speed when aligned, none when the goal is
 * abeam). A goal behind the car is approached in reverse, which the car does as well as forward. It
 * ignores the rng (deterministic).
 */
public final class WheeledExpert implements Policy {
    /** Commanded turn rate per radian of heading error (1/s); the car turns at up to 10 rad/s. */
    static final double TURN_GAIN = 8;
    /** Top rim speed the car can reach (m/s): wheel speed 20 rad/s times radius 0.1. */
    static final double TOP_SPEED = WheeledTask.MAX_WHEEL_SPEED * WheeledTask.WHEEL_RADIUS;

    private final OrderedGoals goals;

    public WheeledExpert(TaskSpec spec) {
        this.goals = spec.reward();
    }

    @Override public double[] act(double[] obs, int stage, SplittableRandom rng) {
        if (stage >= goals.numGoals()) return new double[] {0, 0};
        double[] g = goals.goal(stage);
        double heading = StrictMath.atan2(obs[2], obs[3]);
        double error = wrap(StrictMath.atan2(g[1] - obs[1], g[0] - obs[0]) - heading);
        double direction = 1;
        if (Math.abs(error) > Math.PI / 2) { // goal behind: back up toward it
            direction = -1;
            error = wrap(error - Math.PI);
        }
        double speed = direction * TOP_SPEED * Math.max(0, StrictMath.cos(error));
        double turn = TURN_GAIN * error;
        double half = WheeledTask.HALF_TRACK;
        return new double[] {wheel(speed - half * turn), wheel(speed + half * turn)};
    }

    /** Rim speed to wheel angular speed, clipped to the actuator range. */
    private static double wheel(double rimSpeed) {
        double w = rimSpeed / WheeledTask.WHEEL_RADIUS;
        return Math.max(-WheeledTask.MAX_WHEEL_SPEED, Math.min(WheeledTask.MAX_WHEEL_SPEED, w));
    }

    private static double wrap(double a) {
        return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }
}

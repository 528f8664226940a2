package sectar.sim.swimmer;

import java.util.SplittableRandom;
import sectar.sim.OrderedGoals;
import sectar.sim.Policy;
import sectar.sim.Space;
import sectar.sim.TaskSpec;

/**
 * Scripted swimmer controller: a travelling sine wave on the two joints (joint 3 lags joint 2, so the
 * wave runs from head to tail and the body swims head first) plus a common steering bias on both
 * joints proportional to the heading error from the body axis (com towards head) to a wanted
 * direction. Two rules keep it from getting stuck:
 * <ul>
 *   <li>a goal inside the full-bias turning circle would be orbited forever, so the swimmer goes
 *       straight until the goal is outside it (the Dubins-car fix);</li>
 *   <li>the head leads the com by about one link, so heading straight at a goal near a wall pins the
 *       head to the wall with the com short of the goal; when the head is within {@link Gait#wallMargin}
 *       of a wall, the wanted direction loses its component into that wall and the body slides along it.</li>
 * </ul>
 *
 * <p>Joint targets are tracked by asking each motor for the speed that reaches the next target angle
 * in one env step. The gait phase is the number of {@link #act} calls this instance has seen (a field:
 * this policy keeps state). {@link #reset()} restarts it, and every episode runner calls it, so an
 * episode is reproducible bitwise whatever the instance ran before. It ignores
 * the rng (deterministic given the call sequence).
 */
public final class SwimmerExpert implements Policy {
    /** Seconds of simulated time per env step. */
    static final double STEP_SECONDS = SwimmerTask.DT * SwimmerTask.SUBSTEPS;

    /**
     * Gait and steering constants.
     *
     * @param period     stroke period, s
     * @param amplitude  stroke amplitude of each joint, rad
     * @param lag        phase lag of joint 3 behind joint 2, rad
     * @param turnGain   steering bias per radian of heading error (negative: a positive bias turns clockwise)
     * @param maxBias    largest steering bias, rad
     * @param turnRadius com turning radius at full bias, m
     * @param wallMargin head-centre distance to a wall below which the swimmer slides along it, m
     */
    record Gait(double period, double amplitude, double lag, double turnGain, double maxBias, double turnRadius,
                double wallMargin) {
        static Gait defaults() { return new Gait(2.4, 0.8, 1.5, -2.0, 1.0, 0.4, 0.8); }
    }

    private final OrderedGoals goals;
    private final double arena;
    private final Gait gait;
    private long calls;

    /** Restarts the gait phase, so an episode's actions depend only on its own observations. */
    @Override public void reset() { calls = 0; }

    public SwimmerExpert(TaskSpec spec) {
        this(spec, Gait.defaults());
    }

    SwimmerExpert(TaskSpec spec, Gait gait) {
        this.goals = spec.reward();
        this.arena = ((Space.Box) spec.observationSpace()).high()[0];
        this.gait = gait;
    }

    @Override public double[] act(double[] obs, int stage, SplittableRandom rng) {
        long t = ++calls;
        if (stage >= goals.numGoals()) return new double[] {0, 0};
        double[] g = goals.goal(stage);
        double[] want = wantedDirection(obs, g);
        double axis = Math.atan2(obs[1] - obs[7], obs[0] - obs[6]);
        double err = Math.IEEEremainder(Math.atan2(want[1], want[0]) - axis, 2 * Math.PI);
        double dist = Math.hypot(g[0] - obs[6], g[1] - obs[7]);
        boolean insideTurn = dist < 2 * gait.turnRadius() * Math.abs(Math.sin(err));
        double bias = insideTurn ? 0 : Math.max(-gait.maxBias(), Math.min(gait.maxBias(), gait.turnGain() * err));
        double phase = 2 * Math.PI * t * STEP_SECONDS / gait.period();
        double q2 = gait.amplitude() * Math.sin(phase) + bias;
        double q3 = gait.amplitude() * Math.sin(phase - gait.lag()) + bias;
        double scale = STEP_SECONDS * SwimmerTask.MAX_JOINT_SPEED;
        return new double[] {clip((q2 - obs[2]) / scale), clip((q3 - obs[3]) / scale)};
    }

    /** Direction com -> goal, without its component into any wall the head is close to. */
    double[] wantedDirection(double[] obs, double[] g) {
        double[] d = {g[0] - obs[6], g[1] - obs[7]};
        double[] axis = {obs[0] - obs[6], obs[1] - obs[7]};
        double limit = arena - gait.wallMargin();
        boolean blocked = false;
        for (int i = 0; i < 2; i++) {
            if (Math.abs(obs[i]) > limit && d[i] * Math.signum(obs[i]) > 0) {
                d[i] = 0;
                axis[i] = 0;
                blocked = true;
            }
        }
        double n = Math.hypot(d[0], d[1]);
        // Goal straight into the wall: keep sliding the way the body already points along it.
        if (blocked && n < 0.3 * Math.hypot(g[0] - obs[6], g[1] - obs[7]))
            return Math.hypot(axis[0], axis[1]) > 1e-3 ? axis : new double[] {-obs[6], -obs[7]}; // corner: go to the centre
        return d;
    }

    private static double clip(double a) {
        return Math.max(-1, Math.min(1, a));
    }
}

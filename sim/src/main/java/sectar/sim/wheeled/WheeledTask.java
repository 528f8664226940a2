package sectar.sim.wheeled;

import java.util.SplittableRandom;
import org.jbox2d.collision.shapes.MassData;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;
import sectar.sim.InstanceFormat;
import sectar.sim.OrderedGoals;
import sectar.sim.Space;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.physics.Arena;
import sectar.sim.physics.Box2dTask;

/**
 * <h2>Description</h2>
 * Wheeled locomotion (the released {@code envs/wheeled.py}): a differential-drive car seen from above
 * must visit 50 waypoints in order. The car is a chassis (0.3 x 0.2) with two wheels (0.2 long, 0.05
 * wide) on one axle at y = +-0.2 in the car frame, through the centre of mass. Each wheel has a
 * velocity actuator: a force along the car's heading, applied at the wheel, that pulls the wheel's
 * forward speed toward its target with time constant {@link #DRIVE_TIME_CONSTANT}. A lateral-friction
 * impulse cancels each wheel's sideways velocity before every physics step (the classic top-down car
 * technique), so the car drives straight when both wheels turn alike, turns on the spot when they turn
 * oppositely, and never slides sideways. Static frictionless walls at +-2 stop it.
 *
 * <h2>Action Space</h2>
 * {@code Box(2)} in [-20, 20]: target angular speed (rad/s) of the left and right wheel; the target rim
 * speed is that times the wheel radius 0.1, so at most 2 m/s. Out-of-range actions are clipped; a
 * wrong length or a non-finite entry throws {@link IllegalArgumentException}.
 *
 * <h2>Observation Space</h2>
 * {@code Box(7)}: [x, y, sin th, cos th, vx, vy, omega] of the chassis (position of the centre,
 * heading, linear and angular velocity). Bounds: x, y in [-2, 2] (the car's outline keeps its centre
 * at least 0.15 from a wall); sin, cos in [-1, 1]; |vx|, |vy| &lt;= {@link #SPEED_BOUND} and |omega|
 * &lt;= {@link #omegaBound()}. The velocity bounds follow from energy: the drive does negative work
 * whenever the wheel-speed vector (uL, uR) is longer than the longest target (2 sqrt 2), and contacts
 * and lateral impulses only remove energy; with the inertia here (I/m = rho^2 &lt;= 0.2^2) the kinetic
 * energy from rest therefore never exceeds 2m, so |v| &lt;= 2 and |omega| &lt;= 2/rho = 11.4. The bounds
 * add 10% for the discrete time step. They hold for episodes started by {@link #reset(long)};
 * {@link #resetTo} accepts any finite state.
 *
 * <h2>Rewards (stages)</h2>
 * The stage g is the index of the next waypoint. Coming within 0.6 of waypoint g (measured on x, y)
 * advances g; +1 is paid when g % 3 == 2 (the 3rd, 6th, ... waypoint), so the return is at most 16.
 * See {@link OrderedGoals}.
 *
 * <h2>Starting State</h2>
 * {@link #reset(long)}: position (0, 0) and heading 0, each plus N(0, 0.01^2) noise drawn from a
 * {@code SplittableRandom} seeded with the seed, at rest. {@link #resetTo}: position, heading
 * atan2(sin, cos), linear and angular velocity from the state; the wheels are part of the rigid car,
 * so their velocities follow from the chassis.
 *
 * <h2>Episode Termination</h2>
 * Terminated when all 50 waypoints are reached; truncated after 950 steps (50 segments of 19).
 *
 * <h2>Differences from the released code</h2>
 * The released car is a MuJoCo model (mass 14, wheels rolling on a floor with friction 0.4, velocity
 * actuators kv = 1 on the wheel hinges, timestep 0.01, frame skip 3). Here it is planar:
 * <ul>
 *   <li>No z: the observation drops z and vz (7-D instead of 9-D).</li>
 *   <li>The car is one rigid body, not a chassis with hinged wheel bodies: wheels welded to the chassis
 *       move rigidly with it, and one body avoids the joint solver's softness and cost. Its collision
 *       shape is the convex hull of the chassis and wheel rectangles (identical against flat walls),
 *       its mass and inertia those of the three rectangles; the wheels act through the drive forces
 *       and lateral impulses at their positions. Wheel spin is not simulated: the actuator acts on
 *       the wheel's forward (rim) speed.</li>
 *   <li>Drive gain: with kv = 1 and radius 0.1 the released actuator pushes the ground with
 *       100 N per m/s of rim-speed error per wheel, i.e. a time constant of 14 / 200 = 0.07 s for
 *       the mass-14 car; {@link #DRIVE_TIME_CONSTANT} keeps that 0.07 s. The released car is also
 *       traction-limited (about 4 m/s^2); this one is not, so it reaches its target speed faster.</li>
 *   <li>Lateral grip is perfect (the sideways velocity is cancelled every physics step); the released
 *       car can skid a little.</li>
 *   <li>Masses follow the released proportions (chassis 5.5, wheels 4.25 each, total 14), which gives
 *       I/m = 0.031 (the released car: about 0.03).</li>
 *   <li>Time: 3 JBox2D steps of 0.01 s per env step, the released timestep and frame skip, so an env
 *       step is 0.03 s. (2 steps of 1/60 would make it 0.033 s.)</li>
 *   <li>Actions are clipped to +-20 (the released code leaves {@code ctrllimited} off); no velocity
 *       noise at reset (the released reset adds N(0, 0.1^2) to the velocities).</li>
 * </ul>
 */
public final class WheeledTask extends Box2dTask {
    static final float DT = 0.01f;
    static final int SUBSTEPS = 3;
    static final int VELOCITY_ITERATIONS = 8;
    static final int POSITION_ITERATIONS = 3;
    static final double MAX_WHEEL_SPEED = 20;
    static final double WHEEL_RADIUS = 0.1;
    /** Wheel offset from the centre along the axle (car y axis). */
    static final float HALF_TRACK = 0.2f;
    static final float CHASSIS_HALF_LENGTH = 0.15f, CHASSIS_HALF_WIDTH = 0.1f;
    static final float WHEEL_HALF_LENGTH = 0.1f, WHEEL_HALF_WIDTH = 0.025f;
    static final double CHASSIS_MASS = 5.5, WHEEL_MASS = 4.25;
    /** Seconds for a wheel's rim-speed error to fall by e (the released kv = 1 on a mass-14 car). */
    static final double DRIVE_TIME_CONSTANT = 0.07;
    /** Bound on |vx| and |vy|: the 2 m/s top speed plus 10%. */
    static final double SPEED_BOUND = 2.2;
    static final double START_NOISE = 0.01;
    /** The largest float below pi: a wrapped heading never rounds past +-pi, where atan2 would flip sign. */
    private static final float PI_BELOW = Math.nextDown((float) Math.PI);

    /**
     * Instance fields (goals only: the car starts at the origin) and default parameters (the released
     * values); the arena must hold the car's outline (0.225 from its centre) at the origin.
     */
    public static final InstanceFormat FORMAT = InstanceFormat.of(null, 0, 0.225, java.util.Map.of(
            "arena_half_width", 2.0, "success_radius", 0.6, "pay_every", 3.0, "segment_len", 19.0,
            "episode_segments", 50.0));

    private final double arena;
    /** Force per unit rim-speed error on one wheel: m / (2 tau), so forward speed lags by tau. */
    private final float driveGain;
    private final Vec2 scratch = new Vec2();
    private float targetLeft, targetRight;
    private Body car;

    public WheeledTask(TaskSpec spec) {
        super(spec);
        this.arena = spec.taskInstance().parameter("arena_half_width");
        this.driveGain = (float) (totalMass() / (2 * DRIVE_TIME_CONSTANT));
    }

    /** The spec of an instance. */
    public static TaskSpec spec(TaskInstance inst) {
        double a = inst.parameter("arena_half_width");
        int t = inst.intParameter("segment_len");
        OrderedGoals reward = new OrderedGoals(inst.goals(), inst.parameter("success_radius"),
                inst.intParameter("pay_every"), 0, 0);
        double w = omegaBound(), v = SPEED_BOUND;
        Space.Box obs = new Space.Box(new double[] {-a, -a, -1, -1, -v, -v, -w}, new double[] {a, a, 1, 1, v, v, w});
        return new TaskSpec(inst, obs, Space.Box.symmetric(2, MAX_WHEEL_SPEED),
                t * inst.intParameter("episode_segments"), t, reward, new double[] {0, 0, 0, 1, 0, 0, 0});
    }

    static double totalMass() { return CHASSIS_MASS + 2 * WHEEL_MASS; }

    /** Moment of inertia about the centre of the chassis and wheel rectangles (uniform density each). */
    static double inertia() {
        double lc = 2 * CHASSIS_HALF_LENGTH, wc = 2 * CHASSIS_HALF_WIDTH;
        double lw = 2 * WHEEL_HALF_LENGTH, ww = 2 * WHEEL_HALF_WIDTH;
        double chassis = CHASSIS_MASS * (lc * lc + wc * wc) / 12;
        double wheel = WHEEL_MASS * (lw * lw + ww * ww) / 12 + WHEEL_MASS * HALF_TRACK * HALF_TRACK;
        return chassis + 2 * wheel;
    }

    /** Bound on |omega|: 2 / rho (rho^2 = I/m) plus 10%; see the class comment. */
    static double omegaBound() {
        return 1.1 * 2 / Math.sqrt(inertia() / totalMass());
    }

    @Override protected double[] startState(SplittableRandom rng) {
        double x = START_NOISE * rng.nextGaussian();
        double y = START_NOISE * rng.nextGaussian();
        double th = START_NOISE * rng.nextGaussian();
        return new double[] {x, y, StrictMath.sin(th), StrictMath.cos(th), 0, 0, 0};
    }

    @Override protected void buildScene(World world, double[] state) {
        Arena.addWalls(world, arena);
        BodyDef def = new BodyDef();
        def.type = BodyType.DYNAMIC;
        def.position.set((float) state[0], (float) state[1]);
        def.angle = (float) StrictMath.atan2(state[2], state[3]);
        car = world.createBody(def);
        car.createFixture(outline());
        MassData mass = new MassData(); // centre (0, 0): the wheels sit symmetrically on the axle
        mass.mass = (float) totalMass();
        mass.I = (float) inertia();
        car.setMassData(mass);
        // velocities after the mass data: JBox2D adds omega x (shift of the centre of mass) to a velocity
        // set before a fixture or mass change, which would break exact resets
        car.setLinearVelocity(new Vec2((float) state[4], (float) state[5]));
        car.setAngularVelocity((float) state[6]);
        targetLeft = 0;
        targetRight = 0;
    }

    /**
     * The car's one collision fixture: the convex hull of the chassis and the two wheel rectangles
     * (8 vertices, JBox2D's maximum). The car can only touch the flat walls, and against a flat wall a
     * union of convex pieces collides exactly like its hull; one fixture instead of three makes a
     * physics step about 1.8x faster (fewer broad-phase proxies to move). Density 0: the mass data of
     * the three rectangles is set explicitly.
     */
    private static FixtureDef outline() {
        float a = CHASSIS_HALF_LENGTH, b = CHASSIS_HALF_WIDTH, l = WHEEL_HALF_LENGTH, o = HALF_TRACK + WHEEL_HALF_WIDTH;
        PolygonShape hull = new PolygonShape();
        hull.set(new Vec2[] {new Vec2(a, -b), new Vec2(a, b), new Vec2(l, o), new Vec2(-l, o),
                new Vec2(-a, b), new Vec2(-a, -b), new Vec2(-l, -o), new Vec2(l, -o)}, 8);
        FixtureDef f = new FixtureDef();
        f.shape = hull;
        f.density = 0;
        f.friction = 0;
        f.restitution = 0;
        return f;
    }

    @Override protected void applyAction(double[] action) {
        targetLeft = (float) (clip(action[0]) * WHEEL_RADIUS);
        targetRight = (float) (clip(action[1]) * WHEEL_RADIUS);
    }

    private static double clip(double a) {
        return Math.max(-MAX_WHEEL_SPEED, Math.min(MAX_WHEEL_SPEED, a));
    }

    @Override protected void simulate() {
        for (int i = 0; i < SUBSTEPS; i++) {
            drive();
            world.step(DT, VELOCITY_ITERATIONS, POSITION_ITERATIONS);
        }
    }

    /**
     * Lateral-friction impulse, then the two actuator forces. Both wheels sit on the axle through the
     * centre of mass, so each wheel's sideways velocity equals the centre's and the two cancelling
     * impulses add up to one impulse at the centre with no torque.
     */
    private void drive() {
        // From the angle, not the body's Rot: JBox2D fills Rot from a sine lookup table whose ~1e-4 error
        // would make the car drive (and skid) slightly off the heading it reports.
        double angle = car.getAngle();
        float c = (float) StrictMath.cos(angle), s = (float) StrictMath.sin(angle);
        Vec2 v = car.getLinearVelocity();
        float forward = v.x * c + v.y * s;
        car.setLinearVelocity(scratch.set(forward * c, forward * s));
        float w = car.getAngularVelocity();
        float forceLeft = driveGain * (targetLeft - (forward - HALF_TRACK * w));
        float forceRight = driveGain * (targetRight - (forward + HALF_TRACK * w));
        float total = forceLeft + forceRight;
        car.applyForceToCenter(scratch.set(total * c, total * s));
        car.applyTorque(HALF_TRACK * (forceRight - forceLeft)); // r x F of the forces at (0, +-HALF_TRACK)
    }

    @Override protected double[] observe() {
        Vec2 p = car.getPosition();
        Vec2 v = car.getLinearVelocity();
        float th = wrappedAngle(car.getAngle());
        return new double[] {p.x, p.y, StrictMath.sin(th), StrictMath.cos(th), v.x, v.y, car.getAngularVelocity()};
    }

    /**
     * The heading in [-pi, pi] as a float, so that resetTo(observe()) recovers the same float angle
     * and therefore the same sin and cos (JBox2D's angle grows without bound as the car spins).
     */
    static float wrappedAngle(float angle) {
        double twoPi = 2 * Math.PI;
        float a = (float) (angle - twoPi * Math.floor((angle + Math.PI) / twoPi));
        return Math.max(-PI_BELOW, Math.min(PI_BELOW, a));
    }

    /** The car's body (tests check its mass and inertia against the bounds' derivation). */
    Body body() { return car; }
}

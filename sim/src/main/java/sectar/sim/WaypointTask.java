package sectar.sim;

import org.jbox2d.collision.shapes.CircleShape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;

/**
 * <h2>Description</h2>
 * 2-D waypoint navigation (the released {@code WaypointPlaypenDiscrete-v0}): a point agent must visit
 * 50 waypoints in order. Sparse: only every third waypoint pays.
 *
 * <h2>Action Space</h2>
 * {@code Discrete(4)}: 0 = +x, 1 = +y, 2 = -x, 3 = -y, each a move of 0.2.
 *
 * <h2>Observation Space</h2>
 * {@code Box(2)}: the agent's (x, y), within [-2.8, 2.8]^2.
 *
 * <h2>Rewards (stages)</h2>
 * The stage g is the index of the next waypoint. Coming within 0.4 of waypoint g advances g; +1 is
 * paid when g % 3 == 2 (the 3rd, 6th, ... waypoint), so the return is at most 16. See {@link OrderedGoals}.
 *
 * <h2>Starting State</h2>
 * The instance's start position (no noise).
 *
 * <h2>Episode Termination</h2>
 * Terminated when all 50 waypoints are reached; truncated after 380 steps (20 segments of 19).
 *
 * <h2>Differences from the released code</h2>
 * The released task is kinematic and clips the position to [-2.8, 2.8]. Here the agent is a small
 * JBox2D circle: an action sets its velocity to 0.2/DT for exactly one physics step and then zeroes
 * it, and static walls stop it (placed by {@link Arena#wallFor} so the centre never leaves +-2.8).
 * Against a wall the body rests about 0.011 short of where the released clip would put it; everywhere
 * else the motion is the released one up to float rounding.
 */
public final class WaypointTask extends Box2dTask {
    static final float DT = 0.1f;
    static final int VELOCITY_ITERATIONS = 8;
    static final int POSITION_ITERATIONS = 3;
    /** Body radius; the walls are pushed out by it so the centre stops just inside +-ARENA. */
    static final float RADIUS = 0.05f;
    private static final double[][] MOVES = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};

    private final float stepSize;
    private final double arena;
    private Body agent;
    private final Vec2 velocity = new Vec2(); // reused: setLinearVelocity copies it

    public WaypointTask(TaskSpec spec) {
        super(spec);
        TaskFile file = TaskFile.load("waypoint");
        this.stepSize = (float) file.parameter("step_size");
        this.arena = file.parameter("arena_half_width");
    }

    /** The spec of instance {@code k}. */
    public static TaskSpec spec(int k) {
        TaskFile file = TaskFile.load("waypoint");
        double a = file.parameter("arena_half_width");
        int t = (int) file.parameter("segment_len");
        OrderedGoals reward = new OrderedGoals(file.goals(k), file.parameter("success_radius"),
                (int) file.parameter("pay_every"), 0, 0);
        return new TaskSpec("waypoint", k, Space.Box.symmetric(2, a), new Space.Discrete(4),
                t * (int) file.parameter("episode_segments"), t, reward, file.vector(k, "start"));
    }

    @Override protected void buildScene(World world, double[] state) {
        Arena.addWalls(world, Arena.wallFor(arena, RADIUS));
        BodyDef def = new BodyDef();
        def.type = BodyType.DYNAMIC;
        def.position.set((float) state[0], (float) state[1]);
        def.fixedRotation = true;
        agent = world.createBody(def);
        CircleShape c = new CircleShape();
        c.m_radius = RADIUS;
        FixtureDef f = new FixtureDef();
        f.shape = c;
        f.density = 1;
        f.friction = 0;
        f.restitution = 0;
        agent.createFixture(f);
    }

    @Override protected void applyAction(double[] action) {
        double[] m = MOVES[(int) action[0]];
        velocity.set((float) (m[0] * stepSize / DT), (float) (m[1] * stepSize / DT));
        agent.setLinearVelocity(velocity);
    }

    @Override protected void simulate() {
        world.step(DT, VELOCITY_ITERATIONS, POSITION_ITERATIONS);
        velocity.setZero();
        agent.setLinearVelocity(velocity); // a move lasts exactly one physics step
    }

    @Override protected double[] observe() {
        Vec2 p = agent.getPosition();
        return new double[] {p.x, p.y};
    }
}

package sectar.sim.waypoint;

import java.util.Map;
import org.jbox2d.collision.shapes.CircleShape;
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
 * 2-D waypoint navigation (the released {@code WaypointPlaypenDiscrete-v0}): a point agent must visit
 * 50 waypoints in order. Sparse: only every third waypoint pays.
 *
 * <h2>Action Space</h2>
 * {@code Discrete(4)}: 0 = +x, 1 = +y, 2 = -x, 3 = -y, each a move of 0.2 ({@code step_size}).
 *
 * <h2>Observation Space</h2>
 * {@code Box(2)}: the agent's (x, y), within [-2.8, 2.8]^2 ({@code arena_half_width}).
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
 * None in the motion: as released, a move adds 0.2 to one coordinate and clips the position to
 * [-2.8, 2.8], in double precision, so positions, stages and rewards equal the released rules step
 * for step (a reference of those rules checks it on every instance). The task is kinematic,
 * as released, so no physics step runs: an earlier version moved a JBox2D circle against static walls,
 * which stopped it about 0.011 short of the clip, kept that offset after it left a wall and pushed a
 * start on the edge inward, so goals near the walls were reached on other steps than released. The
 * world holds a circle at the agent's position (moved there whenever the world is read, for the
 * renderer) and walls where a circle at the clip touches them.
 */
public final class WaypointTask extends Box2dTask {
    /** The circle the renderer draws. */
    static final float RADIUS = 0.05f;
    /** Each action's move direction, in units of the step size (shared with {@link WaypointBatch}). */
    static final double[][] MOVES = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};

    /** Instance fields and default parameters (the released values). */
    public static final InstanceFormat FORMAT = InstanceFormat.of("start", 0, 0, Map.of(
            "arena_half_width", 2.8, "step_size", 0.2, "success_radius", 0.4, "pay_every", 3.0,
            "segment_len", 19.0, "episode_segments", 20.0));

    private final double stepSize;
    private final double arena;
    private double x, y;
    private Body agent;

    public WaypointTask(TaskSpec spec) {
        super(spec);
        this.stepSize = spec.taskInstance().parameter("step_size");
        this.arena = spec.taskInstance().parameter("arena_half_width");
    }

    /** The spec of an instance. */
    public static TaskSpec spec(TaskInstance inst) {
        double a = inst.parameter("arena_half_width");
        int t = inst.intParameter("segment_len");
        OrderedGoals reward = new OrderedGoals(inst.goals(), inst.parameter("success_radius"),
                inst.intParameter("pay_every"), 0, 0);
        return new TaskSpec(inst, Space.Box.symmetric(2, a), new Space.Discrete(4),
                t * inst.intParameter("episode_segments"), t, reward, inst.start());
    }

    @Override protected void buildScene(World world, double[] state) {
        x = state[0];
        y = state[1];
        Arena.addWalls(world, arena + RADIUS);
        BodyDef def = new BodyDef();
        def.type = BodyType.KINEMATIC;
        def.position.set((float) x, (float) y);
        agent = world.createBody(def);
        CircleShape c = new CircleShape();
        c.m_radius = RADIUS;
        FixtureDef f = new FixtureDef();
        f.shape = c;
        agent.createFixture(f);
    }

    /** The released move: one coordinate changes by the step, then both are clipped to the arena. */
    @Override protected void applyAction(double[] action) {
        double[] m = MOVES[(int) action[0]];
        x = moved(x, m[0], stepSize, arena);
        y = moved(y, m[1], stepSize, arena);
    }

    /** One coordinate after a move: plus {@code direction} steps, clipped to the arena (shared with {@link WaypointBatch}). */
    static double moved(double v, double direction, double stepSize, double arena) {
        return Math.max(-arena, Math.min(arena, v + direction * stepSize));
    }

    /** Kinematic, as released: the move is the whole step. */
    @Override protected void simulate() {}

    @Override protected double[] observe() { return new double[] {x, y}; }

    /** Moves the drawn circle to the agent first (only renders read the world, so steps never pay for it). */
    @Override public World world() {
        if (agent != null) agent.setTransform(new Vec2((float) x, (float) y), 0);
        return world;
    }
}

package sectar.sim.block;

import java.util.Arrays;
import org.jbox2d.collision.shapes.CircleShape;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.collision.shapes.Shape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.Filter;
import org.jbox2d.dynamics.Fixture;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;
import org.jbox2d.dynamics.joints.Joint;
import org.jbox2d.dynamics.joints.WeldJointDef;
import sectar.sim.InstanceFormat;
import sectar.sim.OrderedGoals;
import sectar.sim.Space;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.physics.Arena;
import sectar.sim.physics.Box2dTask;

/**
 * <h2>Description</h2>
 * Object manipulation (the released {@code BlockPlaypen-v0}): a fist must carry four objects (red
 * cube, blue cube, black sphere, yellow cylinder) one after the other to their goals.
 *
 * <h2>Action Space</h2>
 * {@code Discrete(6)}: 0 = +x, 1 = +y, 2 = -x, 3 = -y, each a move of the fist by 0.2; 4 = grasp: if
 * nothing is attached, attach the first object, in the order 1..4, whose centre is within 0.4 of the
 * fist; 5 = drop the attached object (if any).
 *
 * <h2>Observation Space</h2>
 * {@code Box(15)}: fist (x, y) in [-2.82, 2.82]^2; objects 1..4 (x, y) in [-3.25, 3.25]^2 each; a
 * one-hot of the attached object (5 entries: none, object 1..4) in [0, 1].
 *
 * <h2>Rewards (stages)</h2>
 * The stage g is the index of the next object to place. Object g's centre (state indices 2 + 2g,
 * 3 + 2g) coming within 0.8 of goal g advances g and pays +1, so the return is at most 4. Objects must
 * be placed in order. See {@link OrderedGoals}.
 *
 * <h2>Starting State</h2>
 * The instance's fist and object positions, nothing attached (no noise).
 *
 * <h2>Episode Termination</h2>
 * Terminated when all 4 objects are placed; truncated after 950 steps (50 segments of 19).
 *
 * <h2>Arguments</h2>
 * {@code collide} (default false): false follows the released semantics, where nothing touches
 * anything: the fist passes through objects and objects through each other. True turns on fist-object
 * and object-object contacts (frictionless), so the fist pushes objects and a carried object pushes
 * others; a pushed object stops when the step ends. The fist is much heavier than an object, so
 * pushing slows it only a little.
 *
 * <h2>Differences from the released code</h2>
 * The released task is kinematic. Here the fist is a 0.05 circle, objects 1-2 are 0.3 boxes and
 * objects 3-4 are 0.15 circles, all frictionless JBox2D bodies (objects with fixed rotation). A move sets the fist's velocity
 * to (clipped displacement)/DT for exactly one physics step and then zeroes it; the displacement is
 * clipped so the fist stays in [-2.8, 2.8]^2 exactly as released. A grasp welds the object to the fist
 * with a {@link org.jbox2d.dynamics.joints.WeldJoint} and the object gets the fist's velocity during a
 * move, so it is carried by the same displacement up to float rounding and, as released, is not
 * clipped. Unattached objects get zero velocity after every step, so they stay put. Static walls back
 * this up: the fist's walls keep its centre within +-2.82 (only reachable when contacts push it, with
 * {@code collide}); the objects have their own walls, which never touch the fist, keeping their centres
 * within +-3.25 (a carried object is at most 0.4 beyond the fist's clip; pushed objects in collide mode
 * are stopped there). These bounds are the observation space's.
 */
public final class BlockTask extends Box2dTask {
    static final float DT = 0.1f;
    static final int VELOCITY_ITERATIONS = 8;
    static final int POSITION_ITERATIONS = 3;
    static final float FIST_RADIUS = 0.05f;
    /** Half side of the cubes and radius of the sphere and cylinder. */
    static final float OBJECT_HALF = 0.15f;
    static final int NUM_OBJECTS = 4;
    /** The fist is ~17 times heavier than an object, so in collide mode it pushes objects like a hand. */
    static final float FIST_DENSITY = 200f, OBJECT_DENSITY = 1f;
    /** How far past the fist's clip its backstop walls sit (contacts can push it there in collide mode). */
    static final double FIST_MARGIN = 0.02;
    /** Room beyond arena + grasp radius, so a carried object never touches the objects' walls. */
    static final double OBJECT_MARGIN = 0.05;
    static final int ONE_HOT = 2 + 2 * NUM_OBJECTS;
    private static final int[][] MOVES = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    /** Instance fields (the fist's start, four objects) and default parameters (the released values). */
    public static final InstanceFormat FORMAT = InstanceFormat.of("fist", NUM_OBJECTS, 0, java.util.Map.of(
            "arena_half_width", 2.8, "step_size", 0.2, "grasp_radius", 0.4, "success_radius", 0.8,
            "segment_len", 19.0, "episode_segments", 50.0));
    private static final int FIST_BITS = 0x1, OBJECT_BITS = 0x2, FIST_WALL_BITS = 0x4, OBJECT_WALL_BITS = 0x8;

    private final boolean collide;
    private final double arena;
    private final float stepSize;
    private final double graspRadius;
    private Body fist;
    private final Body[] objects = new Body[NUM_OBJECTS];
    private Joint grip;
    private int attached = -1;

    /** The released semantics: no contacts between the fist and objects or among objects. */
    public BlockTask(TaskSpec spec) {
        this(spec, false);
    }

    /** @param collide true turns fist-object and object-object contacts on (see the Arguments section) */
    public BlockTask(TaskSpec spec, boolean collide) {
        super(spec);
        TaskInstance inst = spec.taskInstance();
        this.collide = collide;
        this.arena = inst.parameter("arena_half_width");
        this.stepSize = (float) inst.parameter("step_size");
        this.graspRadius = inst.parameter("grasp_radius");
    }

    /** The spec of an instance. */
    public static TaskSpec spec(TaskInstance inst) {
        double a = inst.parameter("arena_half_width");
        double objectBound = a + inst.parameter("grasp_radius") + OBJECT_MARGIN;
        double[] low = new double[ONE_HOT + NUM_OBJECTS + 1], high = new double[low.length];
        for (int i = 0; i < ONE_HOT; i++) {
            double b = i < 2 ? a + FIST_MARGIN : objectBound;
            low[i] = -b;
            high[i] = b;
        }
        Arrays.fill(high, ONE_HOT, high.length, 1.0);
        double[] start = new double[low.length];
        double[] fist = inst.start();
        double[][] objects = inst.objects();
        start[0] = fist[0];
        start[1] = fist[1];
        for (int i = 0; i < NUM_OBJECTS; i++) {
            start[2 + 2 * i] = objects[i][0];
            start[3 + 2 * i] = objects[i][1];
        }
        start[ONE_HOT] = 1;
        int t = inst.intParameter("segment_len");
        OrderedGoals reward = new OrderedGoals(inst.goals(), inst.parameter("success_radius"), 1, 2, 2,
                new OrderedGoals.Carrier(0, ONE_HOT));
        return new TaskSpec(inst, new Space.Box(low, high), new Space.Discrete(6),
                t * inst.intParameter("episode_segments"), t, reward, start);
    }

    public boolean collide() { return collide; }

    /** Index (0..3) of the attached object, or -1. */
    public int attached() { return attached; }

    /** Also checks that the one-hot is valid and an attached object is within grasp range of the fist. */
    @Override public double[] resetTo(double[] state, int stage) {
        if (state != null && state.length == spec.obsDim()) validateState(state);
        return super.resetTo(state, stage);
    }

    private void validateState(double[] state) {
        Space.Box box = (Space.Box) spec.observationSpace();
        for (int i = 0; i < ONE_HOT; i++)
            if (!(state[i] >= box.low()[i] && state[i] <= box.high()[i]))
                throw new IllegalArgumentException("block state[" + i + "] must be in [" + box.low()[i] + ", "
                        + box.high()[i] + "], got " + state[i]);
        double[] hot = Arrays.copyOfRange(state, ONE_HOT, state.length);
        int ones = 0, zeros = 0;
        for (double h : hot) {
            if (h == 1) ones++;
            else if (h == 0) zeros++;
        }
        if (ones != 1 || zeros != NUM_OBJECTS)
            throw new IllegalArgumentException("block attachment state[" + ONE_HOT + ".." + (state.length - 1)
                    + "] must be a one-hot (one 1, four 0s), got " + Arrays.toString(hot));
        int a = attachedIndex(state);
        if (a >= 0) {
            double d = Math.hypot(state[2 + 2 * a] - state[0], state[3 + 2 * a] - state[1]);
            if (d > graspRadius + 1e-3)
                throw new IllegalArgumentException("block: attached object " + (a + 1) + " must be within "
                        + graspRadius + " of the fist, got distance " + d);
        }
    }

    /** The attached object index (0..3) encoded in a valid state's one-hot, or -1 for none. */
    static int attachedIndex(double[] state) {
        for (int i = 1; i <= NUM_OBJECTS; i++) if (state[ONE_HOT + i] == 1) return i - 1;
        return -1;
    }

    @Override protected void buildScene(World world, double[] state) {
        filter(Arena.addWalls(world, Arena.wallFor(arena + FIST_MARGIN, FIST_RADIUS)), FIST_WALL_BITS, FIST_BITS);
        double objectBound = arena + graspRadius + OBJECT_MARGIN;
        filter(Arena.addWalls(world, Arena.wallFor(objectBound, OBJECT_HALF)), OBJECT_WALL_BITS, OBJECT_BITS);
        CircleShape fistShape = new CircleShape();
        fistShape.m_radius = FIST_RADIUS;
        int fistMask = FIST_WALL_BITS | (collide ? OBJECT_BITS : 0);
        fist = body(world, state[0], state[1], fistShape, FIST_DENSITY, FIST_BITS, fistMask, false);
        int objectMask = OBJECT_WALL_BITS | (collide ? OBJECT_BITS | FIST_BITS : 0);
        for (int i = 0; i < NUM_OBJECTS; i++)
            objects[i] = body(world, state[2 + 2 * i], state[3 + 2 * i], objectShape(i), OBJECT_DENSITY, OBJECT_BITS,
                    objectMask, true);
        grip = null;
        attached = -1;
        int a = attachedIndex(state);
        if (a >= 0) attach(a);
    }

    /** Objects 1 and 2 are cubes, 3 and 4 (the sphere and the cylinder) are circles. */
    private static Shape objectShape(int i) {
        if (i < 2) {
            PolygonShape box = new PolygonShape();
            box.setAsBox(OBJECT_HALF, OBJECT_HALF);
            return box;
        }
        CircleShape c = new CircleShape();
        c.m_radius = OBJECT_HALF;
        return c;
    }

    /**
     * A frictionless dynamic body. The fist may rotate (a frictionless circle never gets a torque) because
     * a weld between two fixed-rotation bodies has a singular angular row and JBox2D then drops the
     * whole constraint; objects have fixed rotation so the state (positions only) is exact.
     */
    private static Body body(World world, double x, double y, Shape shape, float density, int category, int mask,
                             boolean fixedRotation) {
        BodyDef def = new BodyDef();
        def.type = BodyType.DYNAMIC;
        def.position.set((float) x, (float) y);
        def.fixedRotation = fixedRotation;
        Body b = world.createBody(def);
        FixtureDef f = new FixtureDef();
        f.shape = shape;
        f.density = density;
        f.friction = 0;
        f.restitution = 0;
        f.filter.categoryBits = category;
        f.filter.maskBits = mask;
        b.createFixture(f);
        return b;
    }

    private static void filter(Body walls, int category, int mask) {
        Filter filter = new Filter();
        filter.categoryBits = category;
        filter.maskBits = mask;
        for (Fixture f = walls.getFixtureList(); f != null; f = f.getNext()) f.setFilterData(filter);
    }

    private void attach(int i) {
        WeldJointDef def = new WeldJointDef();
        def.initialize(fist, objects[i], fist.getPosition());
        def.collideConnected = false;
        grip = world.createJoint(def);
        attached = i;
    }

    @Override protected void applyAction(double[] action) {
        int a = (int) action[0];
        if (a < MOVES.length) {
            Vec2 p = fist.getPosition();
            float dx = clippedMove(p.x, MOVES[a][0]), dy = clippedMove(p.y, MOVES[a][1]);
            Vec2 v = new Vec2(dx / DT, dy / DT);
            fist.setLinearVelocity(v);
            if (attached >= 0) objects[attached].setLinearVelocity(v.clone());
        } else if (a == 4) {
            if (attached < 0) grasp();
        } else if (attached >= 0) {
            world.destroyJoint(grip);
            grip = null;
            attached = -1;
        }
    }

    /** The released move: the displacement that keeps the coordinate within +-arena. */
    private float clippedMove(float x, int direction) {
        if (direction == 0) return 0;
        float target = (float) Math.max(-arena, Math.min(arena, x + direction * stepSize));
        return target - x;
    }

    private void grasp() {
        Vec2 f = fist.getPosition();
        for (int i = 0; i < NUM_OBJECTS; i++) {
            Vec2 o = objects[i].getPosition();
            if (Math.hypot(o.x - f.x, o.y - f.y) < graspRadius) {
                attach(i);
                return;
            }
        }
    }

    @Override protected void simulate() {
        world.step(DT, VELOCITY_ITERATIONS, POSITION_ITERATIONS);
        Vec2 zero = new Vec2(0, 0);
        fist.setLinearVelocity(zero);
        fist.setAngularVelocity(0);
        for (Body o : objects) o.setLinearVelocity(zero); // a move lasts one physics step; pushes end too
    }

    @Override protected double[] observe() {
        double[] obs = new double[spec.obsDim()];
        Vec2 p = fist.getPosition();
        obs[0] = p.x;
        obs[1] = p.y;
        for (int i = 0; i < NUM_OBJECTS; i++) {
            Vec2 o = objects[i].getPosition();
            obs[2 + 2 * i] = o.x;
            obs[3 + 2 * i] = o.y;
        }
        obs[ONE_HOT + 1 + attached] = 1;
        return obs;
    }
}

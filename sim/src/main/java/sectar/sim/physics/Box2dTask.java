package sectar.sim.physics;

import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.World;
import sectar.sim.Env;
import sectar.sim.OrderedGoals;
import sectar.sim.Step;
import sectar.sim.TaskSpec;
import sectar.sim.TimeLimit;

/**
 * Base of the JBox2D tasks: owns the world, the stage, the step counter and the reward bookkeeping,
 * so a task only builds its scene, applies an action, advances physics and reads its observation.
 *
 * <p>Each env owns one zero-gravity {@link World}; every reset destroys all its bodies (their joints,
 * contacts and proxies go with them) and rebuilds the scene. Building a JBox2D world costs ~100-300 us
 * (it preallocates two islands of 256 contact constraints), as much as a hundred steps, so it is
 * built once. Reuse is exact because nothing that outlives the bodies affects the physics: the
 * island and pool objects are scratch space, pooled contacts are re-initialised, warm starting only
 * scales impulses of contacts that existed in the previous step, and {@link SmallBroadPhase} numbers
 * proxies canonically (JBox2D's tree would not: its history reorders new contacts, the trap of
 * Gymnasium bug #728). So a reset to a state vector is exact, whatever the env did before, and two
 * envs given the same seed and actions produce bitwise-identical trajectories.
 * The episode length is not enforced here: {@link TimeLimit} does that.
 */
public abstract class Box2dTask implements Env {
    protected final TaskSpec spec;
    protected World world;
    private int stage;
    private int steps;
    private boolean running;

    private final String actionLabel;

    protected Box2dTask(TaskSpec spec) {
        this.spec = spec;
        this.actionLabel = spec.name() + " action"; // built once: a concat per step cost ~5% of a step
    }

    /** Builds walls and bodies in a fresh world so that {@link #observe()} returns {@code state}. */
    protected abstract void buildScene(World world, double[] state);

    /** Applies a validated action (velocities, motor speeds, joints) before physics advances. */
    protected abstract void applyAction(double[] action);

    /** Advances physics by one environment step (one or more world steps). */
    protected abstract void simulate();

    /** The observation of the current world. */
    protected abstract double[] observe();

    /** The start state for {@link #reset(long)}; tasks with start noise draw it from {@code rng}. */
    protected double[] startState(java.util.SplittableRandom rng) {
        return spec.start();
    }

    @Override public TaskSpec spec() { return spec; }

    @Override public double[] reset(long seed) {
        return resetTo(startState(new java.util.SplittableRandom(seed)), 0);
    }

    @Override public double[] resetTo(double[] state, int stage) {
        spec.checkStart(state, stage);
        clearWorld();
        buildScene(world, state);
        this.stage = stage;
        this.steps = 0;
        this.running = true;
        return observe();
    }

    @Override public Step step(double[] action) {
        if (!running) throw notRunning();
        spec.actionSpace().validate(actionLabel, action);
        applyAction(action);
        simulate();
        steps++;
        double[] obs = observe();
        OrderedGoals.Outcome out = spec.reward().apply(obs, stage);
        stage = out.nextStage();
        boolean terminated = stage >= spec.numGoals();
        if (terminated) running = false;
        return new Step(obs, out.reward(), terminated, false, stage);
    }

    private IllegalStateException notRunning() { // out of line: keeps step small enough to inline
        return new IllegalStateException(spec.name() + ": call reset before step (or after a terminal step)");
    }

    /** Empties the world (building it on first use), leaving it as a fresh one. */
    private void clearWorld() {
        if (world == null) world = new TaskWorld();
        else ((TaskWorld) world).flushMoveBuffer();
        Body b = world.getBodyList();
        while (b != null) {
            Body next = b.getNext();
            world.destroyBody(b);
            b = next;
        }
        world.setAllowSleep(false);
    }

    /** The current world, for rendering (bodies in {@code getBodyList()} order); null before the first reset. */
    public World world() { return world; }

    @Override public int stage() { return stage; }

    @Override public int elapsedSteps() { return steps; }
}

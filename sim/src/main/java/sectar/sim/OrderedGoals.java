package sectar.sim;

/**
 * The sparse multi-stage task reward as a pure function {@code (state, stage) -> (reward, nextStage)}.
 *
 * <p>Goal {@code g} is reached when the 2-D point at indices {@code (xIndex(g), xIndex(g) + 1)} of the
 * state lies within {@code radius} of {@code goals[g]}; goals must be reached in order and at most
 * one goal advances per step. Reaching goal {@code g} pays +1 when {@code g % payEvery == payEvery - 1}
 * (every third waypoint in waypoint/wheeled/swimmer, every object in block). After the last goal the
 * stage saturates and nothing more is paid, so each goal pays at most once.
 *
 * <p>The environment, the planner (on predicted states, no world needed) and the evaluation code all
 * call this one function, so they agree by construction.
 */
public final class OrderedGoals {
    private final double[][] goals;
    private final double radiusSq;
    private final double radius;
    private final int payEvery;
    private final int firstIndex;
    private final int indexStride;
    private final Carrier carrier;

    /**
     * A point that carries the goal points to their goals (block's fist). It does not change the
     * reward; it lets {@link #progressDistance} see the distance still to go before a goal's point can
     * move at all: to reach goal g the carrier must first come to point g and hold it.
     *
     * @param pointIndex    state index of the carrier's x coordinate
     * @param attachedIndex state index where the attachment one-hot starts (entry 0 = nothing held,
     *                      entry 1 + g = goal g's point held)
     */
    public record Carrier(int pointIndex, int attachedIndex) {}

    /**
     * @param goals       goal points in order, each {x, y}
     * @param radius      success distance
     * @param payEvery    reaching goal g pays when g % payEvery == payEvery - 1
     * @param firstIndex  state index of the x coordinate checked against goal 0
     * @param indexStride how far the checked coordinate moves per goal (0: the same point for every
     *                    goal, as in waypoint; 2: object g of block sits at firstIndex + 2g)
     */
    public OrderedGoals(double[][] goals, double radius, int payEvery, int firstIndex, int indexStride) {
        this(goals, radius, payEvery, firstIndex, indexStride, null);
    }

    /** As above, with a carrier that must fetch each goal point first (null: none). */
    public OrderedGoals(double[][] goals, double radius, int payEvery, int firstIndex, int indexStride,
                        Carrier carrier) {
        if (goals.length == 0) throw new IllegalArgumentException("need at least one goal");
        if (!(radius > 0)) throw new IllegalArgumentException("radius must be > 0, got " + radius);
        if (payEvery < 1) throw new IllegalArgumentException("payEvery must be >= 1, got " + payEvery);
        this.goals = new double[goals.length][];
        for (int g = 0; g < goals.length; g++) {
            if (goals[g].length != 2) throw new IllegalArgumentException("goal " + g + " must be {x, y}");
            this.goals[g] = goals[g].clone();
        }
        this.radius = radius;
        this.radiusSq = radius * radius;
        this.payEvery = payEvery;
        this.firstIndex = firstIndex;
        this.indexStride = indexStride;
        this.carrier = carrier;
    }

    /** Result of one reward evaluation. */
    public record Outcome(double reward, int nextStage) {}

    public int numGoals() { return goals.length; }

    public double radius() { return radius; }

    public int payEvery() { return payEvery; }

    /** The largest return an episode can collect. */
    public int maxReturn() { return goals.length / payEvery; }

    /** Goal {@code g} as {x, y} (a copy). */
    public double[] goal(int g) { return goals[g].clone(); }

    /** State index of the x coordinate compared with goal {@code g}. */
    public int xIndex(int g) { return firstIndex + indexStride * g; }

    /** The reward and next stage after arriving in {@code state} at {@code stage}. */
    public Outcome apply(double[] state, int stage) {
        int next = nextStage(state, 0, stage);
        return new Outcome(reward(stage, next), next);
    }

    /** The stage after arriving in the state stored at {@code state[offset...]}. */
    public int nextStage(double[] state, int offset, int stage) {
        if (stage >= goals.length) return stage;
        int i = offset + xIndex(stage);
        double dx = state[i] - goals[stage][0], dy = state[i + 1] - goals[stage][1];
        return dx * dx + dy * dy < radiusSq ? stage + 1 : stage;
    }

    /** Float overload for predicted states held in float buffers (the planner). */
    public int nextStage(float[] state, int offset, int stage) {
        if (stage >= goals.length) return stage;
        int i = offset + xIndex(stage);
        double dx = state[i] - goals[stage][0], dy = state[i + 1] - goals[stage][1];
        return dx * dx + dy * dy < radiusSq ? stage + 1 : stage;
    }

    /** The reward of moving from {@code stage} to {@code next} (0 or 1 goal apart). */
    public double reward(int stage, int next) {
        return next > stage && stage % payEvery == payEvery - 1 ? 1.0 : 0.0;
    }

    /**
     * How far the task is from reaching goal {@code g} from the state at {@code state[offset...]}: the
     * checked point's distance to the goal, plus, with a carrier that does not hold point g, the
     * carrier's distance to that point (and one grasp radius more while it holds another point, which it
     * must drop first). 0 once all goals are done. The planner's never-blind term ranks plans by it.
     */
    public double progressDistance(float[] state, int offset, int g) {
        if (g >= goals.length) return 0;
        int i = offset + xIndex(g);
        double d = Math.hypot(state[i] - goals[g][0], state[i + 1] - goals[g][1]);
        if (carrier == null) return d;
        int held = heldPoint(state, offset);
        if (held == g) return d;
        int c = offset + carrier.pointIndex();
        d += Math.hypot(state[c] - state[i], state[c + 1] - state[i + 1]);
        return held >= 0 ? d + radius : d;
    }

    /** The goal point the carrier holds in a (possibly predicted) state: the one-hot's argmax, -1 for none. */
    private int heldPoint(float[] state, int offset) {
        int base = offset + carrier.attachedIndex();
        int best = 0;
        for (int k = 1; k <= goals.length; k++)
            if (state[base + k] > state[base + best]) best = k;
        return best - 1;
    }

    /** Distance from the checked point of {@code state} to the current goal (0 once all are done). */
    public double distanceToGoal(double[] state, int stage) {
        if (stage >= goals.length) return 0;
        int i = xIndex(stage);
        return Math.hypot(state[i] - goals[stage][0], state[i + 1] - goals[stage][1]);
    }
}

package sectar.planner;

import sectar.sim.OrderedGoals;

/**
 * Scores predicted trajectories with the task's sparse reward, tracking the stage along each
 * prediction exactly as the environment would (spec section 6):
 * {@code score = sum_j gamma^j r_task(s_j; g_j)} over all predicted states of the plan.
 *
 * <p>With {@code progressWeight > 0} the score is never blind: it adds
 * {@code progressWeight * (sum_j gamma^j [goal reached at j] - gamma^J d_J / scale)}, the discounted
 * progress through the ordered goals (paid or not) and the final distance to the next goal
 * ({@link OrderedGoals#progressDistance}: in block it includes the fist's way to the object). Once no
 * paid goal is within the plan's reach every released candidate scores 0 and the choice is arbitrary;
 * the progress term still ranks them, while a paid goal (worth 1) dominates a small weight.
 * The released behaviour is {@code progressWeight = 0}.
 *
 * <p>The trust region's weight {@link #priorPenalty()} (0 = off, released) is part of the plan score but
 * is added by the searches' evaluator, which holds the latents: score + lambda * log p(z_1..z_H | s).
 */
public final class PlanScorer {
    private final OrderedGoals reward;
    private final double gamma;
    private final double progressWeight;
    private final double distanceScale;
    private final double priorPenalty;

    /**
     * @param reward         the task's pure reward
     * @param gamma          discount over predicted steps (0.99; 0.995 for block)
     * @param progressWeight weight of the never-blind progress term (0 = released planner)
     * @param distanceScale  distance that counts as one goal's worth of progress (e.g. the arena width)
     */
    public PlanScorer(OrderedGoals reward, double gamma, double progressWeight, double distanceScale) {
        this(reward, gamma, progressWeight, distanceScale, 0);
    }

    private PlanScorer(OrderedGoals reward, double gamma, double progressWeight, double distanceScale, double priorPenalty) {
        if (!(priorPenalty >= 0) || Double.isInfinite(priorPenalty))
            throw new IllegalArgumentException("mpc.priorPenalty must be >= 0 and finite, got " + priorPenalty);
        if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        if (!(progressWeight >= 0)) throw new IllegalArgumentException("progressWeight must be >= 0, got " + progressWeight);
        if (!(distanceScale > 0)) throw new IllegalArgumentException("distanceScale must be > 0, got " + distanceScale);
        this.reward = reward;
        this.gamma = gamma;
        this.progressWeight = progressWeight;
        this.distanceScale = distanceScale;
        this.priorPenalty = priorPenalty;
    }

    /** This score with the trust region's weight lambda (0 = off). */
    public PlanScorer withPriorPenalty(double lambda) {
        return lambda == priorPenalty ? this : new PlanScorer(reward, gamma, progressWeight, distanceScale, lambda);
    }

    /** lambda: weight of the plan's log-prior in its score (0 = off, released). */
    public double priorPenalty() { return priorPenalty; }

    public OrderedGoals reward() { return reward; }

    /**
     * Scores N predicted trajectories.
     *
     * @param predicted [N, steps, obsDim] predicted states (the plan's start state excluded)
     * @param offset    index in {@code predicted} where the first trajectory starts
     * @param n         number of trajectories
     * @param steps     predicted states per trajectory (H * T)
     * @param obsDim    state size
     * @param stage     the real stage at the plan's start
     * @param out       scores, written at {@code out[outOffset .. outOffset + n)}
     */
    public void score(float[] predicted, int offset, int n, int steps, int obsDim, int stage, double[] out, int outOffset) {
        for (int c = 0; c < n; c++)
            out[outOffset + c] = scoreOne(predicted, offset + c * steps * obsDim, steps, obsDim, stage);
    }

    private double finalDistanceTerm(float[] p, int offset, int g, double disc) {
        return -disc * reward.progressDistance(p, offset, g) / distanceScale;
    }

    private double scoreOne(float[] p, int base, int steps, int obsDim, int stage) {
        double task = 0, progress = 0, disc = 1;
        int g = stage;
        for (int j = 0; j < steps; j++) {
            int next = reward.nextStage(p, base + j * obsDim, g);
            if (next != g) {
                task += disc * reward.reward(g, next);
                progress += disc;
                g = next;
            }
            disc *= gamma;
        }
        if (progressWeight == 0) return task;
        progress += finalDistanceTerm(p, base + (steps - 1) * obsDim, g, disc);
        return task + progressWeight * progress;
    }
}

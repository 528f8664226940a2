package sectar.agent.loop;

/**
 * The latent prior that proposes planning candidates (and, optionally, the consistency rollouts'
 * latents). Off, it is the released N(0, I).
 *
 * @param learned      fit a state-conditioned {@link LearnedPrior} to the latents of executed segments
 *                     that gained a goal
 * @param hidden       its MLP widths
 * @param capacity     (s_0, z) pairs it keeps (FIFO)
 * @param batch        minibatch of one fitting step
 * @param mix          share of its draws that still come from N(0, I)
 * @param learningRate Adam step size
 * @param fitSteps     fitting steps per iteration
 * @param consistency  the consistency rollouts draw their latents from it too (else N(0, I))
 * @param source       where its (s_0, z) pairs come from: {@value #PROGRESS} (released with the learned
 *                     prior: every executed T-step segment that gained a goal, with the encoder's mean
 *                     latent of what it did) or {@value #PLANS} (every replan's start state with the
 *                     first latent of the plan the planner chose: a proposal network distilled from
 *                     the search, so fewer candidates may find as good a plan)
 */
public record PriorConfig(boolean learned, int[] hidden, int capacity, int batch, double mix, double learningRate,
                          int fitSteps, boolean consistency, String source) {
    public static final String PROGRESS = "progress";
    public static final String PLANS = "plans";

    public PriorConfig {
        if (capacity < 1 || batch < 1 || fitSteps < 0)
            throw new IllegalArgumentException("prior capacity and batch must be >= 1 and fitSteps >= 0, got " + capacity + ", "
                    + batch + ", " + fitSteps);
        if (!(mix >= 0 && mix <= 1)) throw new IllegalArgumentException("prior.mix must be in [0, 1], got " + mix);
        if (!(learningRate > 0)) throw new IllegalArgumentException("prior.learningRate must be > 0, got " + learningRate);
        if (hidden == null) throw new IllegalArgumentException("prior.hidden must be given (the learned prior's widths)");
        if (!PROGRESS.equals(source) && !PLANS.equals(source))
            throw new IllegalArgumentException("prior.source must be \"" + PROGRESS + "\" or \"" + PLANS + "\", got "
                    + (source == null ? "nothing" : "\"" + source + "\""));
        hidden = hidden.clone();
        for (int h : hidden) if (h < 1) throw new IllegalArgumentException("prior.hidden widths must be >= 1, got " + h);
    }

    @Override public int[] hidden() { return hidden.clone(); }

    /** Whether the pairs are the planner's chosen latents rather than progress-making segments. */
    public boolean fromPlans() { return PLANS.equals(source); }
}

package sectar.sim;

import java.util.Arrays;

/**
 * Appends a one-hot of the current stage to the observation: what the flat baselines see (the
 * released baselines' {@code include_rstate=True}, spec section 8). SeCTAR itself never sees the stage.
 * The one-hot has numGoals + 1 entries (the last one: every goal done).
 */
public final class StageObservation implements Env {
    private final Env inner;
    private final TaskSpec spec;

    public StageObservation(Env inner) {
        this.inner = inner;
        TaskSpec base = inner.spec();
        int extra = base.numGoals() + 1;
        Space.Box obs = (Space.Box) base.observationSpace();
        double[] lo = Arrays.copyOf(obs.low(), obs.dim() + extra), hi = Arrays.copyOf(obs.high(), obs.dim() + extra);
        Arrays.fill(hi, obs.dim(), hi.length, 1.0);
        this.spec = new TaskSpec(base.taskInstance(), new Space.Box(lo, hi), base.actionSpace(),
                base.episodeSteps(), base.segmentLength(), base.reward(), augment(base.start(), 0, base.numGoals()));
    }

    /** {@code obs} followed by the one-hot of {@code stage} (numGoals + 1 entries): what a flat policy is fed. */
    public static double[] augment(double[] obs, int stage, int numGoals) {
        double[] out = Arrays.copyOf(obs, obs.length + numGoals + 1);
        out[obs.length + stage] = 1.0;
        return out;
    }

    @Override public TaskSpec spec() { return spec; }

    @Override public double[] reset(long seed) { return augment(inner.reset(seed), 0, spec.numGoals()); }

    /** Takes the augmented state; the one-hot part is replaced by {@code stage}'s. */
    @Override public double[] resetTo(double[] state, int stage) {
        int base = inner.spec().obsDim();
        if (state == null || state.length != spec.obsDim())
            throw new IllegalArgumentException("state must have length " + spec.obsDim() + " (observation " + base
                    + " + stage one-hot " + (spec.numGoals() + 1) + "), got " + (state == null ? "null" : state.length));
        return augment(inner.resetTo(Arrays.copyOf(state, base), stage), inner.stage(), spec.numGoals());
    }

    @Override public Step step(double[] action) {
        Step s = inner.step(action);
        return new Step(augment(s.observation(), s.stage(), spec.numGoals()), s.reward(), s.terminated(), s.truncated(),
                s.stage());
    }

    @Override public int stage() { return inner.stage(); }

    @Override public int elapsedSteps() { return inner.elapsedSteps(); }
}

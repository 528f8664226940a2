package sectar.sim;

/** Wrapper that truncates an episode after exactly {@code spec().episodeSteps()} steps. */
public final class TimeLimit implements Env {
    private final Env inner;
    private boolean running;

    public TimeLimit(Env inner) {
        this.inner = inner;
    }

    @Override public TaskSpec spec() { return inner.spec(); }

    @Override public double[] reset(long seed) {
        running = true;
        return inner.reset(seed);
    }

    @Override public double[] resetTo(double[] state, int stage) {
        double[] obs = inner.resetTo(state, stage);
        running = true;
        return obs;
    }

    @Override public Step step(double[] action) {
        if (!running) throw over();
        Step s = inner.step(action);
        boolean truncated = truncates(spec(), inner.elapsedSteps(), s.terminated());
        if (s.terminated() || truncated) running = false;
        return truncated ? new Step(s.observation(), s.reward(), false, true, s.stage()) : s;
    }

    /** The rule: a step that did not terminate truncates the episode once it has run {@code episodeSteps} steps. */
    public static boolean truncates(TaskSpec spec, int elapsedSteps, boolean terminated) {
        return !terminated && elapsedSteps >= spec.episodeSteps();
    }

    private IllegalStateException over() { // out of line: keeps step small enough to inline
        return new IllegalStateException(spec().name() + ": episode is over; call reset");
    }

    @Override public int stage() { return inner.stage(); }

    @Override public int elapsedSteps() { return inner.elapsedSteps(); }

    /** The unwrapped task. */
    public Env unwrapped() { return inner; }
}

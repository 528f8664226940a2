package sectar.experiments.campaign;

import java.util.Locale;

/**
 * How long one run of a campaign trains. Every budget is counted in iterations or env steps, never in
 * wall clock, so the same run trains on the same data on any machine and under any load (wall clock is
 * reported, not budgeted). SeCTAR gets a number of iterations; the baselines get the env steps SeCTAR's
 * runs of the same instance took ({@link MatchSectar}), so the comparison is at equal data.
 */
public sealed interface Budget {
    /** Exactly this many outer iterations. */
    record Iterations(int iterations) implements Budget {
        public Iterations {
            if (iterations < 1) throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
    }

    /** At least this many environment steps (a run stops after the iteration that reaches them). */
    record EnvSteps(long steps) implements Budget {
        public EnvSteps {
            if (steps < 1) throw new IllegalArgumentException("--env-steps must be > 0, got " + steps);
        }
    }

    /**
     * The largest env-step count of the same instance's SeCTAR runs in the campaign, rounded up to the
     * algorithm's own batch; resolved into {@link EnvSteps} by {@link StepMatch} before a run starts.
     */
    record MatchSectar() implements Budget {}

    static Budget iterations(int n) { return new Iterations(n); }

    static Budget envSteps(long steps) { return new EnvSteps(steps); }

    static Budget matchSectar() { return new MatchSectar(); }

    /** For tables: "45 iterations", "753,300 env steps", "SeCTAR's env steps". */
    default String describe() {
        if (this instanceof Iterations i) return i.iterations() + " iterations";
        if (this instanceof EnvSteps e) return String.format(Locale.ROOT, "%,d env steps", e.steps());
        return "the env steps of SeCTAR's runs";
    }
}

package sectar.experiments.campaign;

import java.util.Locale;

/**
 * How long one run trains. The comparison is at equal environment steps: SeCTAR, whose cost per env
 * step is far higher, gets a wall-clock budget, and the flat algorithms get the env steps SeCTAR takes
 * in it ({@link EnvSteps}).
 */
public sealed interface Budget {
    /** Stop after the first iteration that ends past {@code minutes} of training, or at {@code maxIterations}. */
    record WallMinutes(double minutes, int maxIterations) implements Budget {
        public WallMinutes {
            if (!(minutes > 0) || Double.isInfinite(minutes)) throw new IllegalArgumentException("wall minutes must be > 0, got " + minutes);
            if (maxIterations < 1) throw new IllegalArgumentException("max iterations must be >= 1, got " + maxIterations);
        }
    }

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

    static Budget wallMinutes(double minutes, int maxIterations) { return new WallMinutes(minutes, maxIterations); }

    static Budget iterations(int n) { return new Iterations(n); }

    static Budget envSteps(long steps) { return new EnvSteps(steps); }

    /** For tables: "20 min", "12 iterations", "753,300 env steps". */
    default String describe() {
        if (this instanceof WallMinutes w) return String.format(Locale.ROOT, "%s min (at most %d iterations)", number(w.minutes()), w.maxIterations());
        if (this instanceof Iterations i) return i.iterations() + " iterations";
        return String.format(Locale.ROOT, "%,d env steps", ((EnvSteps) this).steps());
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

package sectar.agent.nn;

import java.util.Arrays;
import java.util.List;

/**
 * A list of parameters seen as one flat vector, in list order: TRPO's view of a policy (its conjugate
 * gradient and line search work on the concatenated parameters and gradients).
 */
final class FlatParams {
    private final String owner;
    private final List<Param> params;

    FlatParams(String owner, List<Param> params) {
        this.owner = owner;
        this.params = params;
    }

    /** Number of scalars. */
    int count() {
        int n = 0;
        for (Param p : params) n += p.size();
        return n;
    }

    /** All values concatenated. */
    double[] values() { return flatten(true); }

    /** All accumulated gradients concatenated. */
    double[] gradients() { return flatten(false); }

    private double[] flatten(boolean values) {
        double[] out = new double[count()];
        int o = 0;
        for (Param p : params) {
            double[] v = values ? p.get() : p.gradient();
            System.arraycopy(v, 0, out, o, v.length);
            o += v.length;
        }
        return out;
    }

    /** Overwrites every parameter from a flat vector of {@link #count()} values. */
    void set(double[] flat) {
        if (flat.length != count())
            throw new IllegalArgumentException("policy " + owner + " has " + count() + " parameters, got " + flat.length);
        int o = 0;
        for (Param p : params) {
            p.set(Arrays.copyOfRange(flat, o, o + p.size()));
            o += p.size();
        }
    }
}

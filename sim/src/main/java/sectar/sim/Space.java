package sectar.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An observation or action space: either {@link Discrete} (an index carried as a one-element array)
 * or {@link Box} (a real vector with per-dimension bounds).
 */
public sealed interface Space permits Space.Discrete, Space.Box {

    /** Length of a vector in this space (1 for a discrete index). */
    int dim();

    /** True when {@code x} has the right length, is finite, and lies inside the bounds. */
    boolean contains(double[] x);

    /** A uniform sample (box bounds must be finite to sample). */
    double[] sample(SplittableRandom rng);

    /**
     * Throws an {@link IllegalArgumentException} that names the bad value and what was expected
     * when {@code x} is not a valid element of this space.
     */
    void validate(String what, double[] x);

    /** Discrete(n): the action is {@code new double[]{k}} with integer k in [0, n). */
    record Discrete(int n) implements Space {
        public Discrete {
            if (n < 1) throw new IllegalArgumentException("Discrete space needs n >= 1, got " + n);
        }
        @Override public int dim() { return 1; }
        @Override public boolean contains(double[] x) {
            return x != null && x.length == 1 && x[0] == Math.rint(x[0]) && x[0] >= 0 && x[0] < n;
        }
        @Override public double[] sample(SplittableRandom rng) { return new double[] {rng.nextInt(n)}; }
        @Override public void validate(String what, double[] x) {
            if (!contains(x)) throw invalid(what, x); // the message is built out of line: env steps inline this
        }
        private IllegalArgumentException invalid(String what, double[] x) {
            if (x == null || x.length != 1)
                return new IllegalArgumentException(what + " must have length 1 (a discrete index in [0, " + n
                        + ")), got length " + (x == null ? "null" : x.length));
            return new IllegalArgumentException(what + " must be an integer index in [0, " + n + "), got " + x[0]);
        }
        /** The index held by a valid action. */
        public int index(double[] x) { return (int) x[0]; }
        @Override public String toString() { return "Discrete(" + n + ")"; }
    }

    /** Box(low, high): a real vector; infinite bounds are allowed for observations. */
    record Box(double[] low, double[] high) implements Space {
        public Box {
            if (low.length != high.length)
                throw new IllegalArgumentException("Box bounds differ in length: " + low.length + " vs " + high.length);
            for (int i = 0; i < low.length; i++)
                if (!(low[i] <= high[i]))
                    throw new IllegalArgumentException("Box bound " + i + " has low " + low[i] + " > high " + high[i]);
            low = low.clone();
            high = high.clone();
        }
        /** The box [-bound, bound]^dim. */
        public static Box symmetric(int dim, double bound) {
            double[] lo = new double[dim], hi = new double[dim];
            Arrays.fill(lo, -bound);
            Arrays.fill(hi, bound);
            return new Box(lo, hi);
        }
        @Override public int dim() { return low.length; }
        @Override public boolean contains(double[] x) {
            if (x == null || x.length != low.length) return false;
            for (int i = 0; i < x.length; i++)
                if (!Double.isFinite(x[i]) || x[i] < low[i] || x[i] > high[i]) return false;
            return true;
        }
        @Override public double[] sample(SplittableRandom rng) {
            double[] x = new double[low.length];
            for (int i = 0; i < x.length; i++) x[i] = low[i] + (high[i] - low[i]) * rng.nextDouble();
            return x;
        }
        /** Actions outside the bounds are clipped by the task, so only length and finiteness are enforced. */
        @Override public void validate(String what, double[] x) {
            if (x == null || x.length != low.length) throw badLength(what, x);
            for (int i = 0; i < x.length; i++)
                if (!Double.isFinite(x[i])) throw notFinite(what, x, i);
        }
        // messages built out of line, so the check stays small enough for env steps to inline
        private IllegalArgumentException badLength(String what, double[] x) {
            return new IllegalArgumentException(what + " must have length " + low.length + ", got length "
                    + (x == null ? "null" : x.length));
        }
        private static IllegalArgumentException notFinite(String what, double[] x, int i) {
            return new IllegalArgumentException(what + "[" + i + "] must be finite, got " + x[i]);
        }
        @Override public String toString() {
            return "Box(" + low.length + ", low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
        }
    }
}

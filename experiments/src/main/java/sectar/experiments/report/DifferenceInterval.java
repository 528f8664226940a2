package sectar.experiments.report;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference of two settings' means over seeds with a Welch interval (unequal variances,
 * Welch-Satterthwaite degrees of freedom): the screening rule adopts a lever only when the interval
 * of its difference from the preset excludes 0.
 */
public record DifferenceInterval(double difference, double low, double high, int n1, int n2) {

    /** {@code a}'s mean minus {@code b}'s with its interval at {@code confidence}; NaN bounds below 2 finite values a side. */
    public static DifferenceInterval of(double[] a, double[] b, double confidence) {
        double[] x = finite(a), y = finite(b);
        double mx = mean(x), my = mean(y), d = mx - my;
        if (x.length < 2 || y.length < 2) return new DifferenceInterval(d, Double.NaN, Double.NaN, x.length, y.length);
        double vx = variance(x, mx) / x.length, vy = variance(y, my) / y.length, se = Math.sqrt(vx + vy);
        if (se == 0) return new DifferenceInterval(d, d, d, x.length, y.length);
        double df = (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        double t = new TDistribution(null, df).inverseCumulativeProbability(0.5 + confidence / 2);
        return new DifferenceInterval(d, d - t * se, d + t * se, x.length, y.length);
    }

    /** Whether the interval lies wholly above 0 (false without one). */
    public boolean above() { return low > 0; }

    /** Whether the interval lies wholly below 0. */
    public boolean below() { return high < 0; }

    /** "+0.52 [-0.10, 1.14]", with " (excludes 0)" when it does; "-" when a side has no value. */
    @Override public String toString() {
        if (Double.isNaN(difference)) return "-"; // a side without values, e.g. a baseline that predates the column
        if (Double.isNaN(low)) return String.format("%+.2f [needs 2 seeds a side]", difference);
        return String.format("%+.2f [%.2f, %.2f]%s", difference, low, high, above() || below() ? " (excludes 0)" : "");
    }

    private static double[] finite(double[] v) { return Arrays.stream(v).filter(Double::isFinite).toArray(); }

    private static double mean(double[] v) { return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN); }

    private static double variance(double[] v, double m) {
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s / (v.length - 1);
    }
}

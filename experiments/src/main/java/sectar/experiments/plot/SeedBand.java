package sectar.experiments.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Pools the (x, y) series of several seeds into a mean and a Student-t confidence band.
 *
 * <p>Alignment: runs are compared at equal x, not at equal iteration index, because seeds may log
 * different x values (e.g. env steps when episodes end at different times). The grid is the union of
 * all runs' x values; a run contributes at x by linear interpolation between its two neighbouring
 * samples, and only where x lies within its own first..last x (never extrapolated). So a shorter run
 * simply stops contributing, and n at each x says how many seeds were used. When all runs log the same
 * x values this is exactly the per-row mean.
 */
public final class SeedBand {
    private SeedBand() {}

    /** x and y of one run: NaN ys dropped, x sorted, repeated x keep their last y. */
    public record Series(double[] x, double[] y) {
        public static Series of(double[] xs, double[] ys) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) if (Double.isFinite(xs[i]) && !Double.isNaN(ys[i])) pts.add(new double[] {xs[i], ys[i]});
            pts.sort((a, b) -> Double.compare(a[0], b[0])); // stable: equal x stay in file order
            List<double[]> kept = new ArrayList<>();
            for (double[] p : pts) {
                if (!kept.isEmpty() && kept.get(kept.size() - 1)[0] == p[0]) kept.set(kept.size() - 1, p);
                else kept.add(p);
            }
            double[] x = new double[kept.size()], y = new double[kept.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = kept.get(i)[0];
                y[i] = kept.get(i)[1];
            }
            return new Series(x, y);
        }

        /** y at x by linear interpolation, NaN outside [first x, last x]. */
        public double at(double at) {
            if (x.length == 0 || at < x[0] || at > x[x.length - 1]) return Double.NaN;
            int i = Arrays.binarySearch(x, at);
            if (i >= 0) return y[i];
            int hi = -i - 1, lo = hi - 1;
            double w = (at - x[lo]) / (x[hi] - x[lo]);
            return y[lo] + w * (y[hi] - y[lo]);
        }
    }

    /** Mean and two-sided {@code confidence} band over {@code runs} as rows x, mean, lo, hi, n; the caller fills label and runs. */
    public static double[][] pool(List<Series> runs, double confidence) {
        TreeSet<Double> grid = new TreeSet<>();
        for (Series s : runs) for (double v : s.x()) grid.add(v);
        int m = grid.size();
        double[] x = new double[m], mean = new double[m], lo = new double[m], hi = new double[m], n = new double[m];
        int j = 0;
        for (double at : grid) {
            double[] ys = runs.stream().mapToDouble(s -> s.at(at)).filter(v -> !Double.isNaN(v)).toArray();
            double mu = Arrays.stream(ys).average().orElse(Double.NaN);
            double half = halfWidth(ys, mu, confidence);
            x[j] = at;
            mean[j] = mu;
            lo[j] = mu - half;
            hi[j] = mu + half;
            n[j] = ys.length;
            j++;
        }
        return new double[][] {x, mean, lo, hi, n};
    }

    /** t_{(1+c)/2, k-1} * s / sqrt(k); zero for a single value (no band). */
    public static double halfWidth(double[] ys, double mean, double confidence) {
        int k = ys.length;
        if (k < 2) return 0;
        double ss = 0;
        for (double v : ys) ss += (v - mean) * (v - mean);
        double sd = Math.sqrt(ss / (k - 1));
        double t = new TDistribution(null, k - 1).inverseCumulativeProbability(0.5 + confidence / 2);
        return t * sd / Math.sqrt(k);
    }
}

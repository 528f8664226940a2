package sectar.agent.rl;

import java.util.Arrays;

/**
 * Per-dimension running mean and variance of everything seen so far, merged batch by batch with the
 * parallel update of Chan et al. (1979): what RND normalises observations and scales intrinsic rewards
 * with. Starts at mean 0, variance 1 and count 0, so the first batch sets the moments. Plain doubles;
 * {@link #state()} / {@link #load(double[])} round-trip it exactly for checkpoints.
 */
public final class RunningMeanStd {
    private final double[] mean, var;
    private double count;

    public RunningMeanStd(int dim) {
        if (dim < 1) throw new IllegalArgumentException("RunningMeanStd needs dim >= 1, got " + dim);
        mean = new double[dim];
        var = new double[dim];
        Arrays.fill(var, 1);
    }

    public int dim() { return mean.length; }

    /** Samples seen so far. */
    public double count() { return count; }

    public double mean(int d) { return mean[d]; }

    public double variance(int d) { return var[d]; }

    /** Merges the rows of {@code batch} ([B][dim]), using their population variance. */
    public void update(double[][] batch) {
        int b = batch.length, dim = mean.length;
        if (b == 0) return;
        double[] bm = new double[dim], bv = new double[dim];
        for (double[] row : batch) {
            if (row.length != dim) throw new IllegalArgumentException("rows must have " + dim + " entries, got " + row.length);
            for (int d = 0; d < dim; d++) bm[d] += row[d] / b;
        }
        for (double[] row : batch)
            for (int d = 0; d < dim; d++) bv[d] += (row[d] - bm[d]) * (row[d] - bm[d]) / b;
        update(bm, bv, b);
    }

    /** Merges a batch given by its moments: per-dimension mean, population variance and size. */
    public void update(double[] batchMean, double[] batchVar, double batchCount) {
        if (batchMean.length != mean.length || batchVar.length != mean.length)
            throw new IllegalArgumentException("batch moments must have " + mean.length + " entries, got " + batchMean.length
                    + " and " + batchVar.length);
        if (!(batchCount > 0)) return;
        double total = count + batchCount;
        for (int d = 0; d < mean.length; d++) {
            double delta = batchMean[d] - mean[d];
            double m2 = var[d] * count + batchVar[d] * batchCount + delta * delta * count * batchCount / total;
            mean[d] += delta * batchCount / total;
            var[d] = m2 / total;
        }
        count = total;
    }

    /** {@code [count, mean..., variance...]}. */
    /**
     * For one-dimensional statistics: adds {@code values} as one batch (their mean and population
     * variance) and returns the running standard deviation, at least {@code floor}. RND divides its
     * novelty by this std of its discounted intrinsic returns.
     */
    public double updateScalar(double[] values, double floor) {
        if (mean.length != 1) throw new IllegalStateException("updateScalar needs 1-dimensional statistics, these have " + mean.length);
        double m = 0, v = 0;
        for (double g : values) m += g / values.length;
        for (double g : values) v += (g - m) * (g - m) / values.length;
        update(new double[] {m}, new double[] {v}, values.length);
        return Math.max(Math.sqrt(var[0]), floor);
    }

    public double[] state() {
        double[] s = new double[1 + 2 * mean.length];
        s[0] = count;
        System.arraycopy(mean, 0, s, 1, mean.length);
        System.arraycopy(var, 0, s, 1 + mean.length, mean.length);
        return s;
    }

    /** Restores {@link #state()}; a wrong length or a negative count or variance throws naming it. */
    public void load(double[] s) {
        if (s.length != 1 + 2 * mean.length)
            throw new IllegalArgumentException("running statistics of dim " + mean.length + " need " + (1 + 2 * mean.length)
                    + " values, got " + s.length);
        if (!(s[0] >= 0)) throw new IllegalArgumentException("running statistics count must be >= 0, got " + s[0]);
        for (int d = 0; d < mean.length; d++)
            if (!(s[1 + mean.length + d] >= 0))
                throw new IllegalArgumentException("running variance " + d + " must be >= 0, got " + s[1 + mean.length + d]);
        count = s[0];
        System.arraycopy(s, 1, mean, 0, mean.length);
        System.arraycopy(s, 1 + mean.length, var, 0, mean.length);
    }
}

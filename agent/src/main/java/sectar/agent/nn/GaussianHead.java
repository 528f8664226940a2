package sectar.agent.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A diagonal Gaussian around the MLP's outputs with one learned, state-independent log-sigma vector,
 * clamped at {@link PolicyNet#MIN_LOG_STD} (the clamp also blocks its gradient below it) and, when a
 * cap is set, at {@code maxLogStd} (a gradient that would push it further up is dropped there); actions
 * are real vectors.
 */
final class GaussianHead implements PolicyHead {
    private final String policy;
    private final int dim;
    private final double initLogStd, maxLogStd;
    private final Param logStd;

    /**
     * Creates the log-sigma parameter in {@code ps}, at {@code initLogStd}, capped at {@code maxLogStd}
     * (+infinity for none; the caller checked both).
     */
    GaussianHead(ParamStore ps, String policy, int dim, double initLogStd, double maxLogStd) {
        this.policy = policy;
        this.dim = dim;
        this.initLogStd = initLogStd;
        this.maxLogStd = maxLogStd;
        this.logStd = ps.create(policy + ".logStd", 1, dim);
        reset();
    }

    @Override public int actionVectorLength() { return dim; }

    @Override public double[] clampedLogStd() {
        double[] v = logStd.get();
        for (int j = 0; j < v.length; j++) v[j] = Math.min(maxLogStd, Math.max(PolicyNet.MIN_LOG_STD, v[j]));
        return v;
    }

    @Override public void reset() {
        double[] v = new double[dim];
        Arrays.fill(v, initLogStd);
        logStd.set(v);
    }

    @Override public PolicyEval evaluate(double[] out, double[][] rowsOfActions, int[] rows, Mlp.Run run) {
        return evaluateValues(out, values(rowsOfActions, rows, run.batch()), run);
    }

    @Override public PolicyEval evaluate(double[] out, float[] rowMajor, int n, Mlp.Run run) {
        double[] a = new double[dim * n];
        for (int b = 0; b < n; b++)
            for (int j = 0; j < dim; j++) a[j * n + b] = rowMajor[b * dim + j];
        return evaluateValues(out, a, run);
    }

    private PolicyEval evaluateValues(double[] out, double[] actionValues, Mlp.Run run) {
        int b = run.batch();
        double[] lp = new double[b], ent = new double[b], ls = clampedLogStd();
        DiagGaussian.logProb(actionValues, out, ls, dim, b, lp, null, null, null, null);
        DiagGaussian.entropy(ls, dim, b, ent, null, null);
        return new PolicyEval(lp, ent, out, ls, null, actionValues, run);
    }

    /** The actions of {@code rows} (all when null) feature-major [dim * b], each checked for its length. */
    private double[] values(double[][] all, int[] rows, int b) {
        double[] x = new double[dim * b];
        for (int k = 0; k < b; k++) {
            double[] v = all[rows == null ? k : rows[k]];
            if (v.length != dim)
                throw new IllegalArgumentException("policy " + policy + ": action " + (rows == null ? k : rows[k])
                        + " has length " + v.length + ", expected " + dim);
            for (int j = 0; j < dim; j++) x[j * b + k] = v[j];
        }
        return x;
    }

    @Override public double[][] gradients(PolicyEval e, double[] dLogp, double[] dEntropy) {
        int b = e.batch();
        double[] dOut = new double[dim * b], dLs = new double[dim], tmp = new double[b];
        if (dLogp != null)
            DiagGaussian.logProb(e.actionValues(), e.outputs(), e.logStd(), dim, b, tmp, dLogp, dOut, dLs, null);
        if (dEntropy != null) DiagGaussian.entropy(e.logStd(), dim, b, tmp, dEntropy, dLs);
        return new double[][] {dOut, dLs};
    }

    /**
     * Adds the gradient where the clamp is inactive: below MIN_LOG_STD the clamp blocks it; at or above
     * the cap only a gradient that lowers log sigma passes (descent moves against it), so the raw value
     * stays near the cap (only the optimiser's momentum can carry it a little past) and is free to come
     * back down.
     */
    @Override public void addLogStdGradient(double[] dLogStd) {
        if (dLogStd == null) return;
        double[] raw = logStd.get(), g = new double[dim];
        for (int j = 0; j < dim; j++) {
            boolean below = raw[j] <= PolicyNet.MIN_LOG_STD, capped = raw[j] >= maxLogStd && dLogStd[j] < 0;
            g[j] = below || capped ? 0 : dLogStd[j];
        }
        logStd.addGradient(g);
    }

    @Override public double[] sample(double[] mean, double[] logStd, SplittableRandom rng) {
        return DiagGaussian.sample(mean, logStd, DiagGaussian.noise(rng, dim), dim, 1);
    }

    @Override public double[] greedy(double[] mean) { return mean; }

    @Override public double logProb(double[] mean, double[] logStd, double[] action) {
        double[] lp = new double[1];
        DiagGaussian.logProb(values(new double[][] {action}, null, 1), mean, logStd, dim, 1, lp, null, null, null, null);
        return lp[0];
    }
}

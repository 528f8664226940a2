package sectar.agent.nn;

import java.util.SplittableRandom;

/**
 * Diagonal Gaussian over d dimensions for a batch in feature-by-batch layout ({@code x[j*B + b]}).
 * Parameterised by mean and log standard deviation (the released code's "log_var" is a log std,
 * spec 2). The log std is either per sample ({@code [d, B]}) or one shared vector ({@code [d]}).
 */
public final class DiagGaussian {
    private DiagGaussian() {}

    public static final double LOG_2PI = Math.log(2 * Math.PI);

    /** True when logStd is one shared vector [d]; false when it is per sample [d, B] (the same when B = 1). */
    private static boolean shared(double[] logStd, int d, int batch) {
        if (logStd.length == d * batch) return false;
        if (logStd.length == d) return true;
        throw new IllegalArgumentException("logStd has length " + logStd.length + ", expected " + d + " (shared) or "
                + d * batch + " ([" + d + ", " + batch + "])");
    }

    /**
     * Per-sample log N(x; mean, exp(logStd)) into {@code logp[B]}. Gradients (each may be null) are
     * added with weight {@code scale[b]} (null for 1): dMean [d, B], dLogStd (same shape as logStd),
     * dX [d, B].
     */
    public static void logProb(double[] x, double[] mean, double[] logStd, int d, int batch, double[] logp,
                               double[] scale, double[] dMean, double[] dLogStd, double[] dX) {
        boolean sh = shared(logStd, d, batch);
        for (int b = 0; b < batch; b++) logp[b] = -0.5 * d * LOG_2PI;
        for (int j = 0; j < d; j++) {
            for (int b = 0; b < batch; b++) {
                int i = j * batch + b;
                double l = sh ? logStd[j] : logStd[i];
                double sig = Math.exp(l), u = (x[i] - mean[i]) / sig;
                logp[b] += -l - 0.5 * u * u;
                double s = scale == null ? 1 : scale[b];
                if (dMean != null) dMean[i] += s * u / sig;
                if (dX != null) dX[i] -= s * u / sig;
                if (dLogStd != null) dLogStd[sh ? j : i] += s * (u * u - 1);
            }
        }
    }

    /** Per-sample entropy; adds {@code scale[b]} to each dLogStd entry when not null. */
    public static void entropy(double[] logStd, int d, int batch, double[] ent, double[] scale, double[] dLogStd) {
        boolean sh = shared(logStd, d, batch);
        for (int b = 0; b < batch; b++) {
            double h = 0.5 * d * (1 + LOG_2PI);
            double s = scale == null ? 1 : scale[b];
            for (int j = 0; j < d; j++) {
                int i = sh ? j : j * batch + b;
                h += logStd[i];
                if (dLogStd != null) dLogStd[i] += s;
            }
            ent[b] = h;
        }
    }

    /**
     * Per-sample KL(N(m1, e^l1) || N(m2, e^l2)); gradients w.r.t. the first distribution's mean
     * [d, B] and (per-sample) log std [d, B] are added with weight scale[b] when not null.
     * l1 and l2 may each be shared or per sample.
     */
    public static void kl(double[] m1, double[] l1, double[] m2, double[] l2, int d, int batch, double[] out,
                          double[] scale, double[] dM1, double[] dL1) {
        boolean s1 = shared(l1, d, batch), s2 = shared(l2, d, batch);
        for (int b = 0; b < batch; b++) out[b] = 0;
        for (int j = 0; j < d; j++) {
            for (int b = 0; b < batch; b++) {
                int i = j * batch + b;
                double a = s1 ? l1[j] : l1[i], c = s2 ? l2[j] : l2[i];
                double v1 = Math.exp(2 * a), v2 = Math.exp(2 * c), dm = m1[i] - m2[i];
                out[b] += c - a + (v1 + dm * dm) / (2 * v2) - 0.5;
                double s = scale == null ? 1 : scale[b];
                if (dM1 != null) dM1[i] += s * dm / v2;
                if (dL1 != null) dL1[s1 ? j : i] += s * (-1 + v1 / v2);
            }
        }
    }

    /** KL(N(mean, e^logStd) || N(0, I)) per sample, with gradients as in {@link #kl}. */
    public static void klStandard(double[] mean, double[] logStd, int d, int batch, double[] out,
                                  double[] scale, double[] dMean, double[] dLogStd) {
        kl(mean, logStd, new double[d * batch], new double[d], d, batch, out, scale, dMean, dLogStd);
    }

    /** Standard normal noise [n] from the caller's stream. */
    public static double[] noise(SplittableRandom rng, int n) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = rng.nextGaussian();
        return e;
    }

    /** Reparameterised sample mean + exp(logStd) * eps (logStd shared or per sample). */
    public static double[] sample(double[] mean, double[] logStd, double[] eps, int d, int batch) {
        boolean sh = shared(logStd, d, batch);
        double[] z = new double[d * batch];
        for (int j = 0; j < d; j++)
            for (int b = 0; b < batch; b++) {
                int i = j * batch + b;
                z[i] = mean[i] + Math.exp(sh ? logStd[j] : logStd[i]) * eps[i];
            }
        return z;
    }
}

package sectar.agent.nn;

/**
 * Categorical distribution over n classes given logits, for a batch in feature-by-batch layout
 * ({@code logits[j*B + b]} is class j of sample b). Log-probabilities follow the released code:
 * {@code log(softmax(logits)[a] + 1e-8)} (spec 3.3); entropy and KL are exact.
 */
public final class Categorical {
    private Categorical() {}

    /** The additive floor inside log-probabilities. */
    public static final double EPS = 1e-8;

    /** Softmax of each sample's logits into {@code p} (same layout). */
    public static void probs(double[] logits, int n, int batch, double[] p) {
        for (int b = 0; b < batch; b++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) m = Math.max(m, logits[j * batch + b]);
            double s = 0;
            for (int j = 0; j < n; j++) {
                double e = Math.exp(logits[j * batch + b] - m);
                p[j * batch + b] = e;
                s += e;
            }
            for (int j = 0; j < n; j++) p[j * batch + b] /= s;
        }
    }

    /**
     * Per-sample log(p[a] + 1e-8) into {@code logp[B]}; when {@code dLogits} is not null, also adds
     * {@code scale[b] * d logp[b] / d logits} into it (scale may be null for 1).
     */
    public static void logProb(double[] logits, int n, int batch, int[] actions, double[] logp,
                               double[] scale, double[] dLogits) {
        double[] p = new double[n * batch];
        probs(logits, n, batch, p);
        for (int b = 0; b < batch; b++) {
            int a = actions[b];
            if (a < 0 || a >= n) throw new IllegalArgumentException("action " + a + " of sample " + b + " outside [0, " + n + ")");
            double pa = p[a * batch + b];
            logp[b] = Math.log(pa + EPS);
            if (dLogits != null) {
                double s = (scale == null ? 1 : scale[b]) * pa / (pa + EPS);
                for (int j = 0; j < n; j++) dLogits[j * batch + b] += s * ((j == a ? 1 : 0) - p[j * batch + b]);
            }
        }
    }

    /** Per-sample entropy; when {@code dLogits} is not null adds {@code scale[b] * dH/dlogits}. */
    public static void entropy(double[] logits, int n, int batch, double[] ent, double[] scale, double[] dLogits) {
        double[] lp = logSoftmax(logits, n, batch);
        for (int b = 0; b < batch; b++) {
            double h = 0;
            for (int j = 0; j < n; j++) h -= Math.exp(lp[j * batch + b]) * lp[j * batch + b];
            ent[b] = h;
            if (dLogits != null) {
                double s = scale == null ? 1 : scale[b];
                for (int j = 0; j < n; j++) {
                    double pj = Math.exp(lp[j * batch + b]);
                    dLogits[j * batch + b] += s * (-pj * (lp[j * batch + b] + h));
                }
            }
        }
    }

    /**
     * Per-sample KL(p || q) for logits p and q; when {@code dP} is not null adds
     * {@code scale[b] * dKL/dlogitsP}.
     */
    public static void kl(double[] p, double[] q, int n, int batch, double[] out, double[] scale, double[] dP) {
        double[] lp = logSoftmax(p, n, batch), lq = logSoftmax(q, n, batch);
        for (int b = 0; b < batch; b++) {
            double k = 0;
            for (int j = 0; j < n; j++) k += Math.exp(lp[j * batch + b]) * (lp[j * batch + b] - lq[j * batch + b]);
            out[b] = k;
            if (dP != null) {
                double s = scale == null ? 1 : scale[b];
                for (int j = 0; j < n; j++) {
                    int i = j * batch + b;
                    dP[i] += s * Math.exp(lp[i]) * (lp[i] - lq[i] - k);
                }
            }
        }
    }

    /** Stable log-softmax (same layout). */
    public static double[] logSoftmax(double[] logits, int n, int batch) {
        double[] out = new double[n * batch];
        for (int b = 0; b < batch; b++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) m = Math.max(m, logits[j * batch + b]);
            double s = 0;
            for (int j = 0; j < n; j++) s += Math.exp(logits[j * batch + b] - m);
            double lse = m + Math.log(s);
            for (int j = 0; j < n; j++) out[j * batch + b] = logits[j * batch + b] - lse;
        }
        return out;
    }

    /** Draws a class index from probabilities p[0..n) with {@code u} uniform in [0, 1). */
    public static int sample(double[] p, double u) {
        double acc = 0;
        for (int j = 0; j < p.length; j++) {
            acc += p[j];
            if (u < acc) return j;
        }
        return p.length - 1;
    }
}

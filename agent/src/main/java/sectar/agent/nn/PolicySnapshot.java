package sectar.agent.nn;

/**
 * The plain-Java acting engine behind {@link PolicyNet}'s batch-1 calls: a frozen copy of the MLP
 * weights, because ND4J's per-call overhead (tens of microseconds) would dominate a batch-1 product.
 * Weights are stored transposed, one array per input ({@code [in+1][out]}, bias row last), so each layer
 * is a run of axpy loops over contiguous outputs that C2 vectorises (it does so for separate row arrays,
 * not for several offsets into one flat array: measured 14 vs 2 GMAC/s), four inputs per pass over the
 * outputs, skipping zero inputs (ReLU zeros). A float store is copied as {@code float} (half the memory
 * traffic), a double store as {@code double} (so acting agrees with the batched pass to rounding, which
 * the gradient-check tests rely on). Immutable; each call allocates its own small arrays, so calls may
 * run concurrently.
 */
final class PolicySnapshot {
    private final int[] sizes;
    private final int maxWidth;
    private final float[][][] wf; // [layer][input i, bias last][out]; null for a double copy
    private final double[][][] wd; // same layout in double; null for a float copy
    /** The clamped Gaussian log sigma at copy time, or null (categorical). */
    final double[] logStd;

    private PolicySnapshot(int[] sizes, float[][][] wf, double[][][] wd, double[] logStd) {
        this.sizes = sizes;
        int mw = 0;
        for (int v : sizes) mw = Math.max(mw, v);
        this.maxWidth = mw;
        this.wf = wf;
        this.wd = wd;
        this.logStd = logStd;
    }

    /** Copies {@code mlp}'s current weights, in float or double, with the clamped log sigma (or null). */
    static PolicySnapshot of(Mlp mlp, boolean doublePrecision, double[] logStd) {
        int n = mlp.layers.length;
        float[][][] wf = doublePrecision ? null : new float[n][][];
        double[][][] wd = doublePrecision ? new double[n][][] : null;
        for (int l = 0; l < n; l++) {
            Dense d = mlp.layers[l];
            double[] w = d.w.get(); // [out][in+1]
            int cols = d.in + 1;
            if (doublePrecision) wd[l] = new double[cols][d.out];
            else wf[l] = new float[cols][d.out];
            for (int o = 0; o < d.out; o++)
                for (int i = 0; i < cols; i++) {
                    double v = w[o * cols + i];
                    if (doublePrecision) wd[l][i][o] = v;
                    else wf[l][i][o] = (float) v;
                }
        }
        return new PolicySnapshot(mlp.sizes.clone(), wf, wd, logStd);
    }

    /** The linear head output (logits or Gaussian mean) for one already validated input. */
    double[] forward(double[] input) {
        return wd != null ? forwardDouble(input) : forwardFloat(input);
    }

    private double[] forwardFloat(double[] input) {
        float[] x = new float[input.length];
        for (int i = 0; i < x.length; i++) x[i] = (float) input[i];
        int[] nz = new int[maxWidth];
        for (int l = 0; l < wf.length; l++) {
            int in = sizes[l], out = sizes[l + 1];
            float[][] w = wf[l];
            float[] y = w[in].clone();
            int cnt = 0;
            for (int i = 0; i < in; i++) if (x[i] != 0) nz[cnt++] = i; // ReLU zeros contribute nothing
            int k = 0;
            for (; k + 3 < cnt; k += 4) {
                int i0 = nz[k], i1 = nz[k + 1], i2 = nz[k + 2], i3 = nz[k + 3];
                axpy4(w[i0], w[i1], w[i2], w[i3], x[i0], x[i1], x[i2], x[i3], y, out);
            }
            for (; k < cnt; k++) {
                float[] wi = w[nz[k]];
                float xi = x[nz[k]];
                for (int o = 0; o < out; o++) y[o] += wi[o] * xi;
            }
            if (l < wf.length - 1) for (int o = 0; o < out; o++) y[o] = Math.max(y[o], 0f);
            x = y;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i];
        return out;
    }

    /** y += x0 w0 + x1 w1 + x2 w2 + x3 w3: four weight rows in one pass over y. */
    private static void axpy4(float[] w0, float[] w1, float[] w2, float[] w3, float x0, float x1, float x2, float x3,
                              float[] y, int out) {
        for (int o = 0; o < out; o++) y[o] += w0[o] * x0 + w1[o] * x1 + w2[o] * x2 + w3[o] * x3;
    }

    private double[] forwardDouble(double[] input) {
        double[] x = input;
        for (int l = 0; l < wd.length; l++) {
            int in = sizes[l], out = sizes[l + 1];
            double[][] w = wd[l];
            double[] y = w[in].clone();
            for (int i = 0; i < in; i++) {
                double xi = x[i];
                if (xi == 0) continue;
                double[] wi = w[i];
                for (int o = 0; o < out; o++) y[o] += wi[o] * xi;
            }
            if (l < wd.length - 1) for (int o = 0; o < out; o++) if (y[o] < 0) y[o] = 0;
            x = y;
        }
        return x;
    }
}

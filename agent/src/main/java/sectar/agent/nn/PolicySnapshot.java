package sectar.agent.nn;

/**
 * The plain-Java acting engine behind {@link PolicyNet}'s batch-1 calls: a frozen copy of the MLP
 * weights, because ND4J's per-call overhead (tens of microseconds) would dominate a batch-1 product.
 * Weights are stored transposed ({@code [in+1][out]}, bias row last) so each layer is a run of
 * vectorisable axpy loops, skipping zero inputs (ReLU zeros). A float store is copied as {@code float}
 * (half the memory traffic), a double store as {@code double} (so acting agrees with the batched pass
 * to rounding, which the gradient-check tests rely on). Immutable; each call allocates its own arrays.
 */
final class PolicySnapshot {
    private final int[] sizes;
    private final float[][] wf; // per layer [(in+1) * out], row i = weights from input i; null for a double copy
    private final double[][] wd; // same layout in double; null for a float copy
    /** The clamped Gaussian log sigma at copy time, or null (categorical). */
    final double[] logStd;

    private PolicySnapshot(int[] sizes, float[][] wf, double[][] wd, double[] logStd) {
        this.sizes = sizes;
        this.wf = wf;
        this.wd = wd;
        this.logStd = logStd;
    }

    /** Copies {@code mlp}'s current weights, in float or double, with the clamped log sigma (or null). */
    static PolicySnapshot of(Mlp mlp, boolean doublePrecision, double[] logStd) {
        int n = mlp.layers.length;
        float[][] wf = doublePrecision ? null : new float[n][];
        double[][] wd = doublePrecision ? new double[n][] : null;
        for (int l = 0; l < n; l++) {
            Dense d = mlp.layers[l];
            double[] w = d.w.get(); // [out][in+1]
            int cols = d.in + 1, size = cols * d.out;
            if (doublePrecision) wd[l] = new double[size];
            else wf[l] = new float[size];
            for (int o = 0; o < d.out; o++)
                for (int i = 0; i < cols; i++) {
                    double v = w[o * cols + i];
                    if (doublePrecision) wd[l][i * d.out + o] = v;
                    else wf[l][i * d.out + o] = (float) v;
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
        for (int l = 0; l < wf.length; l++) {
            int in = sizes[l], out = sizes[l + 1];
            float[] w = wf[l], y = new float[out];
            System.arraycopy(w, in * out, y, 0, out);
            for (int i = 0; i < in; i++) {
                float xi = x[i];
                if (xi == 0) continue;
                int base = i * out;
                for (int o = 0; o < out; o++) y[o] += w[base + o] * xi;
            }
            if (l < wf.length - 1) for (int o = 0; o < out; o++) if (y[o] < 0) y[o] = 0;
            x = y;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i];
        return out;
    }

    private double[] forwardDouble(double[] input) {
        double[] x = input;
        for (int l = 0; l < wd.length; l++) {
            int in = sizes[l], out = sizes[l + 1];
            double[] w = wd[l], y = new double[out];
            System.arraycopy(w, in * out, y, 0, out);
            for (int i = 0; i < in; i++) {
                double xi = x[i];
                if (xi == 0) continue;
                int base = i * out;
                for (int o = 0; o < out; o++) y[o] += w[base + o] * xi;
            }
            if (l < wd.length - 1) for (int o = 0; o < out; o++) if (y[o] < 0) y[o] = 0;
            x = y;
        }
        return x;
    }
}

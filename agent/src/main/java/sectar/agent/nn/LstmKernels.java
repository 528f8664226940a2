package sectar.agent.nn;

/**
 * The FLOAT path's LSTM cell math as small loops over whole arrays, one output array each: C2
 * vectorises these, while a single loop computing all gates at once is not vectorised and runs ~5x
 * slower (measured). Gate order i, f, g, o; c = i g + f c_prev; h = o tanh(c).
 */
final class LstmKernels {
    private LstmKernels() {}

    static void sigmoid(float[] a, int n) {
        for (int k = 0; k < n; k++) a[k] = FastTanh.sigmoid(a[k]);
    }

    static void tanh(float[] a, int n) {
        for (int k = 0; k < n; k++) a[k] = FastTanh.tanh(a[k]);
    }

    /** All four activations in place, then c, tanh(c) into {@code tc} (kept for backward) and h. */
    static void forward(float[] i, float[] f, float[] g, float[] o, float[] cPrev, float[] c, float[] tc, float[] h, int n) {
        sigmoid(i, n);
        sigmoid(f, n);
        tanh(g, n);
        sigmoid(o, n);
        for (int k = 0; k < n; k++) c[k] = i[k] * g[k] + f[k] * cPrev[k];
        for (int k = 0; k < n; k++) tc[k] = FastTanh.tanh(c[k]);
        for (int k = 0; k < n; k++) h[k] = o[k] * tc[k];
    }

    /**
     * Gate pre-activation gradients from dh (carried + external) and the carried dc; updates dc to
     * the carry for step t-1. {@code tc} is tanh(c) from the forward step.
     */
    static void backward(float[] i, float[] f, float[] g, float[] o, float[] cPrev, float[] dh, float[] ext,
                         int off, float[] dc, float[] tc, float[] di, float[] df, float[] dg, float[] dO, int n) {
        for (int k = 0; k < n; k++) dh[k] += ext[off + k];
        for (int k = 0; k < n; k++) dO[k] = dh[k] * tc[k] * o[k] * (1 - o[k]);
        for (int k = 0; k < n; k++) dc[k] += dh[k] * o[k] * (1 - tc[k] * tc[k]);
        for (int k = 0; k < n; k++) di[k] = dc[k] * g[k] * i[k] * (1 - i[k]);
        for (int k = 0; k < n; k++) dg[k] = dc[k] * i[k] * (1 - g[k] * g[k]);
        for (int k = 0; k < n; k++) df[k] = dc[k] * cPrev[k] * f[k] * (1 - f[k]);
        for (int k = 0; k < n; k++) dc[k] *= f[k];
    }
}

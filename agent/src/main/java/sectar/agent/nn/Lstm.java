package sectar.agent.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A single-layer LSTM run step by step over time in feature-by-batch layout. One fused gemm per step
 * computes all four gates, {@code G[4H, B] = W [x_t; h_{t-1}; 1]} with {@code W [4H, in+H+1]} (gate
 * blocks i, f, g, o of H rows each, bias in the last column); the gate and cell math runs in Java arrays.
 * Zero initial state. The buffers of one sequence live in a {@link Run}.
 */
public final class Lstm {
    final Param w;
    final int in, hidden;

    public Lstm(ParamStore ps, String name, int in, int hidden, SplittableRandom rng) {
        if (in < 1 || hidden < 1) throw new IllegalArgumentException("Lstm " + name + " needs positive sizes, got in " + in + ", hidden " + hidden);
        this.in = in;
        this.hidden = hidden;
        this.w = ps.create(name + ".W", 4 * hidden, in + hidden + 1);
        init(rng);
    }

    public int in() { return in; }

    public int hidden() { return hidden; }

    /** Xavier-uniform input and recurrent weights (spec 3.6 allows it), bias U(+-1/sqrt(H)). */
    void init(SplittableRandom rng) {
        int cols = in + hidden + 1, rows = 4 * hidden;
        double ax = Math.sqrt(6.0 / (in + rows)), ah = Math.sqrt(6.0 / (hidden + rows)), ab = 1.0 / Math.sqrt(hidden);
        double[] v = new double[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                v[r * cols + c] = Param.uniform(rng, c < in ? ax : c < in + hidden ? ah : ab);
        w.set(v);
    }

    static double sigmoid(double x) { return 1.0 / (1.0 + Math.exp(-x)); }

    static double tanh(double x) { return 2.0 / (1.0 + Math.exp(-2 * x)) - 1.0; }

    /**
     * The buffers of one sequence of up to {@code steps} steps at batch size B. With {@code cache} every
     * step's input, gates and cell are kept for {@link #backStep}; without it (inference) two slots
     * alternate and memory does not grow with the sequence length. Not thread-safe.
     */
    public static final class Run {
        final Lstm net;
        final int batch, steps;
        final boolean cache;
        private final INDArray[] xh, xView, hView, g;
        private final INDArray[][] gate;
        private final double[][] c;
        private final double[] gi, gf, gg, go, h, dh, dc, tmp;
        private final INDArray dG, dXH, dxView, dhView;
        private final INDArray[] dGate;
        private final Fl fl; // the FLOAT path's Java-side state (null for DOUBLE)

        public Run(Lstm net, int batch, int steps, boolean cache) {
            if (batch < 1 || steps < 1) throw new IllegalArgumentException("Lstm run needs batch, steps >= 1, got " + batch + ", " + steps);
            this.net = net;
            this.batch = batch;
            this.steps = steps;
            this.cache = cache;
            int in = net.in, H = net.hidden, n = H * batch;
            var dt = net.w.value.dataType();
            int nx = cache ? steps + 1 : 2, ng = cache ? steps : 1;
            xh = new INDArray[nx];
            xView = new INDArray[nx];
            hView = new INDArray[nx];
            for (int s = 0; s < nx; s++) {
                xh[s] = Nd.mat(dt, in + H + 1, batch);
                Nd.fill(Nd.rows(xh[s], in + H, in + H + 1), 1.0);
                xView[s] = Nd.rows(xh[s], 0, in);
                hView[s] = Nd.rows(xh[s], in, in + H);
            }
            g = new INDArray[ng];
            gate = new INDArray[ng][4];
            for (int s = 0; s < ng; s++) {
                g[s] = Nd.mat(dt, 4 * H, batch);
                for (int k = 0; k < 4; k++) gate[s][k] = Nd.rows(g[s], (long) k * H, (long) (k + 1) * H);
            }
            c = new double[cache ? steps : 2][n];
            gi = new double[n]; gf = new double[n]; gg = new double[n]; go = new double[n];
            h = new double[n]; dh = new double[n]; dc = new double[n]; tmp = new double[n];
            if (cache) {
                dG = Nd.mat(dt, 4 * H, batch);
                dGate = new INDArray[4];
                for (int k = 0; k < 4; k++) dGate[k] = Nd.rows(dG, (long) k * H, (long) (k + 1) * H);
                dXH = Nd.mat(dt, in + H + 1, batch);
                dxView = Nd.rows(dXH, 0, in);
                dhView = Nd.rows(dXH, in, in + H);
            } else {
                dG = dXH = dxView = dhView = null;
                dGate = null;
            }
            fl = dt == org.nd4j.linalg.api.buffer.DataType.FLOAT ? new Fl() : null;
        }

        /**
         * The FLOAT path: gates, cells and outputs of every cached step in Java float arrays (one per gate,
         * so the loops vectorise), with cached NIO views of the off-heap buffers.
         */
        private final class Fl {
            final int n = net.hidden * batch, hOff = net.in * batch;
            final float[][] i, f, g, o, c, h, tcs;
            final float[] zero, dh, dc, di, df, dgg, dgo, ext;
            final java.nio.FloatBuffer[] xhB, gB;
            final java.nio.FloatBuffer dGB, dXHB;

            Fl() {
                int slots = cache ? steps : 2;
                i = new float[slots][n]; f = new float[slots][n]; g = new float[slots][n]; o = new float[slots][n];
                c = new float[slots][n]; h = new float[slots][n]; tcs = new float[slots][n];
                zero = new float[n]; dh = new float[n]; dc = new float[n]; ext = new float[n];
                di = new float[n]; df = new float[n]; dgg = new float[n]; dgo = new float[n];
                xhB = new java.nio.FloatBuffer[xh.length];
                for (int s = 0; s < xh.length; s++) xhB[s] = Nd.floats(xh[s]);
                gB = new java.nio.FloatBuffer[Run.this.g.length];
                for (int s = 0; s < gB.length; s++) gB[s] = Nd.floats(Run.this.g[s]);
                dGB = cache ? Nd.floats(dG) : null;
                dXHB = cache ? Nd.floats(dXH) : null;
            }

            void step(int t) {
                int sl = cache ? t : t & 1, gs = cache ? t : 0;
                java.nio.FloatBuffer xb = xhB[xs(t)];
                if (t == 0) xb.put(hOff, zero, 0, n);
                Nd.gemm(net.w.value, xh[xs(t)], Run.this.g[gs], false, false, 0);
                float[] gi = i[sl], gf = f[sl], gg = g[sl], go = o[sl], cNow = c[sl], hNow = h[sl];
                float[] cPrev = t == 0 ? zero : c[cache ? t - 1 : (t - 1) & 1];
                java.nio.FloatBuffer gb = gB[gs];
                gb.get(0, gi, 0, n);
                gb.get(n, gf, 0, n);
                gb.get(2 * n, gg, 0, n);
                gb.get(3 * n, go, 0, n);
                LstmKernels.forward(gi, gf, gg, go, cPrev, cNow, tcs[sl], hNow, n);
                xhB[xs(t + 1)].put(hOff, hNow, 0, n);
            }

            void backStep(int t, float[] e, int off) {
                float[] gi = i[t], gf = f[t], gg = g[t], go = o[t], cPrev = t == 0 ? zero : c[t - 1];
                LstmKernels.backward(gi, gf, gg, go, cPrev, dh, e, off, dc, tcs[t], di, df, dgg, dgo, n);
                dGB.put(0, di, 0, n);
                dGB.put(n, df, 0, n);
                dGB.put(2 * n, dgg, 0, n);
                dGB.put(3 * n, dgo, 0, n);
                Nd.gemm(dG, xh[t], net.w.grad, false, true, 1);
                Nd.gemm(net.w.value, dG, dXH, true, false, 0);
                dXHB.get(hOff, dh, 0, n);
            }
        }

        /** h_t as a Java array [H*B] (FLOAT path only; valid until step t+2 without cache). */
        public float[] hArray(int t) {
            if (fl == null) throw new IllegalStateException("hArray is for FLOAT runs");
            return fl.h[cache ? t : t & 1];
        }

        /** The off-heap input buffer x_t's storage (FLOAT path only): rows [0, in) of the [in+H+1, B] buffer. */
        public java.nio.FloatBuffer xBuffer(int t) {
            if (fl == null) throw new IllegalStateException("xBuffer is for FLOAT runs");
            return fl.xhB[xs(t)];
        }

        /** dLoss/dx_t's storage after {@code backStep(t, ...)} (FLOAT path only), [in, B] from index 0. */
        public java.nio.FloatBuffer dxBuffer() {
            if (fl == null || !cache) throw new IllegalStateException("dxBuffer is for cached FLOAT runs");
            return fl.dXHB;
        }

        public int batch() { return batch; }

        /** Whether this run takes the FLOAT path ({@link #hArray}, {@link #xBuffer}). */
        public boolean isFloat() { return fl != null; }

        private int xs(int t) { return cache ? t : t & 1; }

        private void checkStep(int t) {
            if (t < 0 || t >= steps) throw new IllegalArgumentException("step " + t + " outside [0, " + steps + ")");
        }

        /** Input buffer x_t [in, B]; fill it before {@code step(t)}. */
        public INDArray x(int t) { return xView[xs(t)]; }

        /** Output h_t [H, B], valid after {@code step(t)} (until step t+2 without cache). */
        public INDArray h(int t) { return hView[xs(t + 1)]; }

        /** Forward step t (t = 0 starts from zero state). */
        public void step(int t) {
            checkStep(t);
            if (fl != null) {
                fl.step(t);
                return;
            }
            int n = net.hidden * batch, gs = cache ? t : 0;
            INDArray x = xh[xs(t)];
            if (t == 0) hView[xs(0)].assign(0);
            Nd.gemm(net.w.value, x, g[gs], false, false, 0);
            INDArray[] gt = gate[gs];
            Nd.read(gt[0], gi);
            Nd.read(gt[1], gf);
            Nd.read(gt[2], gg);
            Nd.read(gt[3], go);
            double[] cNow = c[cache ? t : t & 1];
            double[] cPrev = t == 0 ? null : c[cache ? t - 1 : (t - 1) & 1];
            for (int k = 0; k < n; k++) {
                double i = sigmoid(gi[k]), f = sigmoid(gf[k]), gv = tanh(gg[k]), o = sigmoid(go[k]);
                double cv = i * gv + (cPrev == null ? 0 : f * cPrev[k]);
                gi[k] = i; gf[k] = f; gg[k] = gv; go[k] = o;
                cNow[k] = cv;
                h[k] = o * tanh(cv);
            }
            if (cache) {
                Nd.write(gi, gt[0]);
                Nd.write(gf, gt[1]);
                Nd.write(gg, gt[2]);
                Nd.write(go, gt[3]);
            }
            Nd.write(h, hView[xs(t + 1)]);
        }

        /** Starts a backward pass (clears the carried state gradients). */
        public void beginBackward() {
            if (!cache) throw new IllegalStateException("this Lstm run was built without cache; it cannot backpropagate");
            java.util.Arrays.fill(dh, 0);
            java.util.Arrays.fill(dc, 0);
            if (fl != null) {
                java.util.Arrays.fill(fl.dh, 0);
                java.util.Arrays.fill(fl.dc, 0);
            }
        }

        /**
         * Backward step t (call for t = last..0 after {@link #beginBackward()}): {@code ext} holds
         * dLoss/dh_t from outside ([H*B] values at {@code off}, or null); adds dW and leaves
         * dLoss/dx_t in {@link #dx()}.
         */
        public void backStep(int t, double[] ext, int off) {
            checkStep(t);
            int n = net.hidden * batch;
            if (fl != null) {
                float[] e = fl.ext;
                if (ext == null) java.util.Arrays.fill(e, 0);
                else for (int k = 0; k < n; k++) e[k] = (float) ext[off + k];
                fl.backStep(t, e, 0);
                return;
            }
            INDArray[] gt = gate[t];
            Nd.read(gt[0], gi);
            Nd.read(gt[1], gf);
            Nd.read(gt[2], gg);
            Nd.read(gt[3], go);
            double[] cNow = c[t], cPrev = t == 0 ? null : c[t - 1];
            for (int k = 0; k < n; k++) {
                double dhk = dh[k] + (ext == null ? 0 : ext[off + k]);
                double i = gi[k], f = gf[k], gv = gg[k], o = go[k];
                double tc = tanh(cNow[k]);
                double dck = dc[k] + dhk * o * (1 - tc * tc);
                double cp = cPrev == null ? 0 : cPrev[k];
                go[k] = dhk * tc * o * (1 - o);
                gi[k] = dck * gv * i * (1 - i);
                gg[k] = dck * i * (1 - gv * gv);
                gf[k] = dck * cp * f * (1 - f);
                dc[k] = dck * f;
            }
            Nd.write(gi, dGate[0]);
            Nd.write(gf, dGate[1]);
            Nd.write(gg, dGate[2]);
            Nd.write(go, dGate[3]);
            Nd.gemm(dG, xh[t], net.w.grad, false, true, 1);
            Nd.gemm(net.w.value, dG, dXH, true, false, 0);
            Nd.read(dhView, dh);
        }

        /** Same with a float external gradient (FLOAT path only; {@code ext} null for none). */
        public void backStep(int t, float[] ext, int off) {
            checkStep(t);
            if (fl == null) throw new IllegalStateException("float gradients are for FLOAT runs");
            if (ext == null) {
                java.util.Arrays.fill(fl.ext, 0);
                fl.backStep(t, fl.ext, 0);
            } else {
                fl.backStep(t, ext, off);
            }
        }

        /** Same, with the external gradient in an off-heap [H, B] array (or null). */
        public void backStep(int t, INDArray ext) {
            if (fl != null && ext != null) {
                checkStep(t);
                Nd.floats(ext).get(0, fl.ext, 0, fl.n);
                fl.backStep(t, fl.ext, 0);
                return;
            }
            if (ext == null) {
                backStep(t, (double[]) null, 0);
            } else {
                Nd.read(ext, tmp);
                backStep(t, tmp, 0);
            }
        }

        /** dLoss/dx_t [in, B] after {@code backStep(t, ...)}. */
        public INDArray dx() { return dxView; }
    }
}

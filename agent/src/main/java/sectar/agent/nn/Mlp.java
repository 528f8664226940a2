package sectar.agent.nn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A multilayer perceptron: Dense layers with ReLU between them and a linear output. The buffers of one
 * forward/backward pass at a given batch size live in a {@link Run}; a module that needs several
 * cached passes (the state decoder's mean head, once per time step) holds several runs.
 */
public final class Mlp {
    final Dense[] layers;
    final int[] sizes;

    /** @param sizes input, hidden..., output widths (at least 2 entries) */
    public Mlp(ParamStore ps, String name, int[] sizes, SplittableRandom rng) {
        if (sizes.length < 2) throw new IllegalArgumentException("Mlp " + name + " needs >= 2 sizes, got " + Arrays.toString(sizes));
        this.sizes = sizes.clone();
        layers = new Dense[sizes.length - 1];
        for (int i = 0; i < layers.length; i++) layers[i] = new Dense(ps, name + "." + i, sizes[i], sizes[i + 1], rng);
    }

    /**
     * Products of at least this many multiply-adds run as two halves on two threads when
     * {@link #setParallel parallel}; smaller ones cost less than the hand-off (~10-20 us).
     */
    static final long SPLIT_MACS = 1L << 20;

    private volatile boolean parallel = true;

    /**
     * Whether large products run as two halves on two threads (one BLAS thread each). The halves are
     * the same products either way, so results do not depend on this setting. Default true.
     */
    public void setParallel(boolean p) { parallel = p; }

    public int in() { return sizes[0]; }

    public int out() { return sizes[sizes.length - 1]; }

    /** Re-draws every layer's weights, keeping the biases (the explorer reset). */
    public void redrawWeights(SplittableRandom rng) { for (Dense d : layers) d.redrawWeights(rng); }

    /** Buffers of one pass at batch size B. Not thread-safe; one pass at a time per run. */
    public static final class Run {
        final Mlp net;
        final int batch;
        final INDArray[] xs, ys, dys, dxs;
        private final INDArray input, inputGrad;
        private final double[] a, b;
        private final INDArray[] nextIn, dxIn; // cached row views: xs[i+1] rows [0, out_i), dxs[i] rows [0, in_i)
        private final java.nio.FloatBuffer[] yB, nextB, dyB, dxB; // FLOAT path storage (null for DOUBLE)
        private final float[] fa, fb;

        public Run(Mlp net, int batch) {
            if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
            this.net = net;
            this.batch = batch;
            int n = net.layers.length;
            xs = new INDArray[n];
            ys = new INDArray[n];
            dys = new INDArray[n];
            dxs = new INDArray[n];
            var dt = net.layers[0].w.value.dataType();
            int max = 0;
            for (int i = 0; i < n; i++) {
                int in = net.sizes[i], out = net.sizes[i + 1];
                xs[i] = Nd.mat(dt, in + 1, batch);
                Nd.fill(Nd.rows(xs[i], in, in + 1), 1.0);
                ys[i] = Nd.mat(dt, out, batch);
                dys[i] = Nd.mat(dt, out, batch);
                dxs[i] = Nd.mat(dt, in + 1, batch);
                max = Math.max(max, out);
            }
            nextIn = new INDArray[n];
            dxIn = new INDArray[n];
            for (int i = 0; i < n; i++) {
                if (i + 1 < n) nextIn[i] = Nd.rows(xs[i + 1], 0, net.sizes[i + 1]);
                dxIn[i] = Nd.rows(dxs[i], 0, net.sizes[i]);
            }
            if (dt == org.nd4j.linalg.api.buffer.DataType.FLOAT) {
                yB = new java.nio.FloatBuffer[n];
                nextB = new java.nio.FloatBuffer[n];
                dyB = new java.nio.FloatBuffer[n];
                dxB = new java.nio.FloatBuffer[n];
                for (int i = 0; i < n; i++) {
                    yB[i] = Nd.floats(ys[i]);
                    dyB[i] = Nd.floats(dys[i]);
                    dxB[i] = Nd.floats(dxs[i]);
                    if (i + 1 < n) nextB[i] = Nd.floats(xs[i + 1]);
                }
                fa = new float[max * batch];
                fb = new float[max * batch];
            } else {
                yB = nextB = dyB = dxB = null;
                fa = fb = null;
            }
            input = Nd.rows(xs[0], 0, net.sizes[0]);
            inputGrad = Nd.rows(dxs[0], 0, net.sizes[0]);
            a = new double[max * batch];
            b = new double[max * batch];
        }

        public int batch() { return batch; }

        /** The input buffer [in, B] to fill before {@link #forward()}. */
        public INDArray input() { return input; }

        /** The output [out, B] after {@link #forward()}. */
        public INDArray output() { return ys[ys.length - 1]; }

        /** The buffer [out, B] to fill with dLoss/dOutput before {@link #backward(boolean)}. */
        public INDArray outputGrad() { return dys[dys.length - 1]; }

        /** dLoss/dInput [in, B] after {@code backward(true)}. */
        public INDArray inputGrad() { return inputGrad; }

        public void forward() {
            Dense[] l = net.layers;
            for (int i = 0; i < l.length; i++) {
                Dense d = l[i];
                INDArray x = xs[i], y = ys[i];
                int half = d.out / 2;
                if (half > 0 && d.macs(batch) >= SPLIT_MACS)
                    Par.both(net.parallel, () -> d.forward(x, y, 0, half), () -> d.forward(x, y, half, d.out));
                else d.forward(x, y);
                if (i < l.length - 1) {
                    if (yB != null) reluF(i, l[i].out * batch);
                    else relu(ys[i], nextIn[i]);
                }
            }
        }

        private void reluF(int i, int n) {
            yB[i].get(0, fa, 0, n);
            for (int k = 0; k < n; k++) fa[k] = Math.max(fa[k], 0f);
            nextB[i].put(0, fa, 0, n);
        }

        private void reluBackF(int i, int n) {
            dxB[i].get(0, fa, 0, n);
            yB[i - 1].get(0, fb, 0, n);
            for (int k = 0; k < n; k++) fa[k] = fb[k] > 0 ? fa[k] : 0f;
            dyB[i - 1].put(0, fa, 0, n);
        }

        private void relu(INDArray y, INDArray xNext) {
            int n = (int) y.length();
            Nd.read(y, a);
            for (int k = 0; k < n; k++) a[k] = a[k] > 0 ? a[k] : 0;
            Nd.write(a, xNext);
        }

        /** Accumulates parameter gradients from {@link #outputGrad()}; fills inputGrad when asked. */
        public void backward(boolean needInputGrad) {
            Dense[] l = net.layers;
            for (int i = l.length - 1; i >= 0; i--) {
                boolean dx = i > 0 || needInputGrad;
                l[i].backward(dys[i], xs[i], dx ? dxs[i] : null, net.parallel && l[i].macs(batch) >= SPLIT_MACS);
                if (i > 0) {
                    if (yB != null) reluBackF(i, l[i].in * batch);
                    else reluBack(dxIn[i], ys[i - 1], dys[i - 1]);
                }
            }
        }

        private void reluBack(INDArray dx, INDArray yPrev, INDArray dyPrev) {
            int n = (int) yPrev.length();
            Nd.read(dx, a);
            Nd.read(yPrev, b);
            for (int k = 0; k < n; k++) if (b[k] <= 0) a[k] = 0;
            Nd.write(a, dyPrev);
        }

        /** Java convenience: forward of x[in*B] (feature-major) returning y[out*B]. */
        public double[] forward(double[] x) {
            Nd.write(x, input);
            forward();
            double[] y = new double[net.out() * batch];
            Nd.read(output(), y);
            return y;
        }

        /** Java convenience: backward of dy[out*B] returning dx[in*B]. */
        public double[] backward(double[] dy) {
            Nd.write(dy, outputGrad());
            backward(true);
            double[] dx = new double[net.in() * batch];
            Nd.read(inputGrad, dx);
            return dx;
        }
    }
}

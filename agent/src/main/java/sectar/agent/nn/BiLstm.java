package sectar.agent.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 2-layer bidirectional LSTM whose outputs are mean-pooled over time: the trajectory encoder's body
 * (spec 3.1). Layer 2 reads [h_fwd1_t; h_bwd1_t]; the pooled output is the time mean of
 * [h_fwd2_t; h_bwd2_t], {@code [2H, B]}. The two directions of each layer run on two threads.
 */
public final class BiLstm {
    final Lstm f1, b1, f2, b2;
    final int in, hidden;
    boolean parallel = true;

    public BiLstm(ParamStore ps, String name, int in, int hidden, SplittableRandom rng) {
        this.in = in;
        this.hidden = hidden;
        f1 = new Lstm(ps, name + ".l1.fwd", in, hidden, rng);
        b1 = new Lstm(ps, name + ".l1.bwd", in, hidden, rng);
        f2 = new Lstm(ps, name + ".l2.fwd", 2 * hidden, hidden, rng);
        b2 = new Lstm(ps, name + ".l2.bwd", 2 * hidden, hidden, rng);
    }

    public int in() { return in; }

    /** Width of the pooled output, 2H. */
    public int out() { return 2 * hidden; }

    /** Whether the two directions run on two threads (results are identical either way). */
    public void setParallel(boolean p) { parallel = p; }

    /** Buffers of one pass over sequences of {@code steps} time steps at batch size B. */
    public static final class Run {
        final BiLstm net;
        final int batch, steps;
        final Lstm.Run rf1, rb1, rf2, rb2;
        final INDArray pooled, pooledGrad;
        private final double[][] dxf, dxb;
        private final double[] acc, part;

        public Run(BiLstm net, int batch, int steps) {
            this.net = net;
            this.batch = batch;
            this.steps = steps;
            rf1 = new Lstm.Run(net.f1, batch, steps, true);
            rb1 = new Lstm.Run(net.b1, batch, steps, true);
            rf2 = new Lstm.Run(net.f2, batch, steps, true);
            rb2 = new Lstm.Run(net.b2, batch, steps, true);
            var dt = net.f1.w.value.dataType();
            pooled = Nd.mat(dt, 2L * net.hidden, batch);
            pooledGrad = Nd.mat(dt, 2L * net.hidden, batch);
            int n2 = 2 * net.hidden * batch;
            dxf = new double[steps][n2];
            dxb = new double[steps][n2];
            acc = new double[n2];
            part = new double[net.hidden * batch];
        }

        /** Pooled output [2H, B] after {@link #forward(double[])}. */
        public INDArray output() { return pooled; }

        /** Fill with dLoss/dPooled before {@link #backward()}. */
        public INDArray outputGrad() { return pooledGrad; }

        /** @param seq the input sequence, [steps][in][B] flattened (time-major, then feature, then batch) */
        public void forward(double[] seq) {
            int S = steps, n = net.in * batch;
            if (seq.length != S * n)
                throw new IllegalArgumentException("sequence has length " + seq.length + ", expected " + S * n
                        + " = [" + S + " steps, " + net.in + " features, " + batch + " batch]");
            double[] xt = new double[n];
            for (int t = 0; t < S; t++) {
                System.arraycopy(seq, t * n, xt, 0, n);
                Nd.write(xt, rf1.x(t));
                Nd.write(xt, rb1.x(S - 1 - t));
            }
            Par.both(net.parallel, () -> runAll(rf1), () -> runAll(rb1));
            int H = net.hidden;
            if (rf1.isFloat()) {
                forward2Float();
                return;
            }
            for (int t = 0; t < S; t++) {
                INDArray x2f = rf2.x(t), x2b = rb2.x(S - 1 - t);
                Nd.rows(x2f, 0, H).assign(rf1.h(t));
                Nd.rows(x2f, H, 2L * H).assign(rb1.h(S - 1 - t));
                x2b.assign(x2f);
            }
            Par.both(net.parallel, () -> runAll(rf2), () -> runAll(rb2));
            java.util.Arrays.fill(acc, 0);
            int nh = H * batch;
            for (int t = 0; t < S; t++) {
                Nd.read(rf2.h(t), part);
                for (int k = 0; k < nh; k++) acc[k] += part[k];
                Nd.read(rb2.h(t), part);
                for (int k = 0; k < nh; k++) acc[nh + k] += part[k];
            }
            for (int k = 0; k < acc.length; k++) acc[k] /= S;
            Nd.write(acc, pooled);
        }

        /** Layer 2 and the pooling on the FLOAT path: Java-side copies instead of ND4J ops. */
        private void forward2Float() {
            int S = steps, nh = net.hidden * batch;
            for (int t = 0; t < S; t++) {
                java.nio.FloatBuffer x2f = rf2.xBuffer(t), x2b = rb2.xBuffer(S - 1 - t);
                float[] hf = rf1.hArray(t), hb = rb1.hArray(S - 1 - t);
                x2f.put(0, hf, 0, nh);
                x2f.put(nh, hb, 0, nh);
                x2b.put(0, hf, 0, nh);
                x2b.put(nh, hb, 0, nh);
            }
            Par.both(net.parallel, () -> runAll(rf2), () -> runAll(rb2));
            java.util.Arrays.fill(acc, 0);
            for (int t = 0; t < S; t++) {
                float[] hf = rf2.hArray(t), hb = rb2.hArray(t);
                for (int k = 0; k < nh; k++) acc[k] += hf[k];
                for (int k = 0; k < nh; k++) acc[nh + k] += hb[k];
            }
            for (int k = 0; k < acc.length; k++) acc[k] /= S;
            Nd.write(acc, pooled);
        }

        private void runAll(Lstm.Run r) {
            for (int t = 0; t < steps; t++) r.step(t);
        }

        /** Accumulates all parameter gradients from {@link #outputGrad()} (no input gradient). */
        public void backward() {
            int S = steps, H = net.hidden, nh = H * batch;
            double[] dp = new double[2 * nh];
            Nd.read(pooledGrad, dp);
            for (int k = 0; k < dp.length; k++) dp[k] /= S;
            double[] extF = java.util.Arrays.copyOfRange(dp, 0, nh), extB = java.util.Arrays.copyOfRange(dp, nh, 2 * nh);
            Par.both(net.parallel, () -> back2(rf2, extF, dxf), () -> back2(rb2, extB, dxb));
            // layer-1 forward step t gets d[h_fwd1_t] from x2 at time t; backward step u is time S-1-u
            Par.both(net.parallel, () -> {
                rf1.beginBackward();
                for (int t = S - 1; t >= 0; t--) {
                    double[] e = dxf[t], o = dxb[S - 1 - t];
                    for (int k = 0; k < nh; k++) e[k] += o[k];
                    rf1.backStep(t, e, 0);
                }
            }, () -> {
                rb1.beginBackward();
                for (int u = S - 1; u >= 0; u--) {
                    int t = S - 1 - u;
                    double[] e = dxf[t], o = dxb[u];
                    for (int k = 0; k < nh; k++) o[nh + k] += e[nh + k];
                    rb1.backStep(u, o, nh);
                }
            });
        }

        private void back2(Lstm.Run r, double[] ext, double[][] dxOut) {
            r.beginBackward();
            for (int t = steps - 1; t >= 0; t--) {
                r.backStep(t, ext, 0);
                Nd.read(r.dx(), dxOut[t]);
            }
        }
    }
}

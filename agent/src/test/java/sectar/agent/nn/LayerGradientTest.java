package sectar.agent.nn;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Central-difference gradient checks (double) of Dense, Mlp, Lstm and the pooled BiLstm. */
class LayerGradientTest {

    @Test
    void denseAndMlpGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(1);
        ParamStore ps = new ParamStore(true);
        Mlp mlp = new Mlp(ps, "mlp", new int[] {3, 5, 4, 2}, rng);
        int B = 3;
        Mlp.Run run = new Mlp.Run(mlp, B);
        double[] x = GradCheck.randn(rng, 3 * B), r = GradCheck.randn(rng, 2 * B);
        ps.zeroGrad();
        run.forward(x);
        double[] dx = run.backward(r);
        GradCheck.params(ps, () -> GradCheck.dot(run.forward(x), r), 100, rng);
        GradCheck.input("mlp.x", x, dx, xx -> GradCheck.dot(run.forward(xx), r), 100, rng);

        ParamStore ps1 = new ParamStore(true);
        Mlp dense = new Mlp(ps1, "dense", new int[] {4, 3}, rng);
        Mlp.Run d = new Mlp.Run(dense, B);
        double[] x1 = GradCheck.randn(rng, 4 * B), r1 = GradCheck.randn(rng, 3 * B);
        ps1.zeroGrad();
        d.forward(x1);
        double[] dx1 = d.backward(r1);
        GradCheck.params(ps1, () -> GradCheck.dot(d.forward(x1), r1), 100, rng);
        GradCheck.input("dense.x", x1, dx1, xx -> GradCheck.dot(d.forward(xx), r1), 100, rng);
    }

    @Test
    void lstmGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        ParamStore ps = new ParamStore(true);
        int in = 3, H = 4, B = 2, S = 5;
        Lstm lstm = new Lstm(ps, "lstm", in, H, rng);
        Lstm.Run run = new Lstm.Run(lstm, B, S, true);
        double[] xs = GradCheck.randn(rng, S * in * B), r = GradCheck.randn(rng, S * H * B);
        ps.zeroGrad();
        lstmLoss(run, xs, r);
        run.beginBackward();
        double[] dxs = new double[xs.length], tmp = new double[in * B];
        for (int t = S - 1; t >= 0; t--) {
            run.backStep(t, r, t * H * B);
            Nd.read(run.dx(), tmp);
            System.arraycopy(tmp, 0, dxs, t * in * B, in * B);
        }
        GradCheck.params(ps, () -> lstmLoss(run, xs, r), 200, rng);
        GradCheck.input("lstm.x", xs, dxs, xx -> lstmLoss(run, xx, r), 200, rng);
    }

    /** sum_t r_t . h_t */
    private static double lstmLoss(Lstm.Run run, double[] xs, double[] r) {
        int in = run.net.in, H = run.net.hidden, B = run.batch;
        double loss = 0;
        double[] x = new double[in * B], h = new double[H * B];
        for (int t = 0; t < run.steps; t++) {
            System.arraycopy(xs, t * in * B, x, 0, x.length);
            Nd.write(x, run.x(t));
            run.step(t);
            Nd.read(run.h(t), h);
            for (int k = 0; k < h.length; k++) loss += r[t * H * B + k] * h[k];
        }
        return loss;
    }

    @Test
    void pooledBiLstmGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        ParamStore ps = new ParamStore(true);
        int in = 2, H = 3, B = 2, S = 4;
        BiLstm enc = new BiLstm(ps, "enc", in, H, rng);
        BiLstm.Run run = new BiLstm.Run(enc, B, S);
        double[] seq = GradCheck.randn(rng, S * in * B), r = GradCheck.randn(rng, 2 * H * B);
        ps.zeroGrad();
        run.forward(seq);
        Nd.write(r, run.outputGrad());
        run.backward();
        GradCheck.params(ps, () -> {
            run.forward(seq);
            double[] p = new double[2 * H * B];
            Nd.read(run.output(), p);
            return GradCheck.dot(p, r);
        }, 60, rng);
    }
}

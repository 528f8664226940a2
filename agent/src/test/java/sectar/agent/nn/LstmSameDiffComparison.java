package sectar.agent.nn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The measurement behind the design choice (run by hand, not part of the suite): one training step
 * (forward, backward, Adam) of an LSTM (batch 64, 20 steps, input 16, hidden 64, MSE on h against a
 * target) with SameDiff's lstmLayer versus this package's explicit backward. Prints ms/step medians.
 */
public final class LstmSameDiffComparison {
    static final int B = 64, S = 20, IN = 16, H = 64, REPEATS = 15;

    public static void main(String[] args) {
        Nd.init();
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = GradCheck.randn(rng, S * IN * B), y = GradCheck.randn(rng, S * H * B);
        System.out.printf("explicit backward: %.2f ms/step%n", explicit(x, y, rng));
        System.out.printf("SameDiff lstmLayer + fit: %.2f ms/step%n", sameDiff(x, y, rng));
    }

    static double explicit(double[] x, double[] y, SplittableRandom rng) {
        ParamStore ps = new ParamStore(false);
        Lstm lstm = new Lstm(ps, "l", IN, H, rng);
        Lstm.Run run = new Lstm.Run(lstm, B, S, true);
        Adam adam = new Adam(ps.list(), 1e-3, 1e-8);
        double[] xt = new double[IN * B], h = new double[H * B], dh = new double[S * H * B];
        Runnable step = () -> {
            ps.zeroGrad();
            for (int t = 0; t < S; t++) {
                System.arraycopy(x, t * IN * B, xt, 0, xt.length);
                Nd.write(xt, run.x(t));
                run.step(t);
                Nd.read(run.h(t), h);
                for (int k = 0; k < h.length; k++) dh[t * H * B + k] = 2 * (h[k] - y[t * H * B + k]) / (S * H * B);
            }
            run.beginBackward();
            for (int t = S - 1; t >= 0; t--) run.backStep(t, dh, t * H * B);
            adam.step();
        };
        return time(step);
    }

    static double sameDiff(double[] x, double[] y, SplittableRandom rng) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, S, IN);
        SDVariable target = sd.placeHolder("y", DataType.FLOAT, -1, S, H);
        SDVariable wx = sd.var("wx", init(rng, IN, 4 * H)), wr = sd.var("wr", init(rng, H, 4 * H)),
                b = sd.var("b", Nd4j.zeros(DataType.FLOAT, 4 * H));
        LSTMLayerConfig conf = LSTMLayerConfig.builder().lstmdataformat(LSTMDataFormat.NTS)
                .directionMode(LSTMDirectionMode.FWD).gateAct(LSTMActivations.SIGMOID).cellAct(LSTMActivations.TANH)
                .outAct(LSTMActivations.TANH).retFullSequence(true).build();
        SDVariable[] out = sd.rnn().lstmLayer(in, LSTMLayerWeights.builder().weights(wx).rWeights(wr).bias(b).build(), conf);
        SDVariable loss = sd.math().squaredDifference(out[0], target).mean();
        sd.setLossVariables(loss);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new org.nd4j.linalg.learning.config.Adam(1e-3))
                .dataSetFeatureMapping("x", "y").markLabelsUnused().build());
        INDArray xa = Nd4j.create(DataType.FLOAT, B, S, IN), ya = Nd4j.create(DataType.FLOAT, B, S, H);
        for (int t = 0; t < S; t++)
            for (int b2 = 0; b2 < B; b2++) {
                for (int j = 0; j < IN; j++) xa.putScalar(new long[] {b2, t, j}, x[(t * IN + j) * B + b2]);
                for (int j = 0; j < H; j++) ya.putScalar(new long[] {b2, t, j}, y[(t * H + j) * B + b2]);
            }
        MultiDataSet ds = new MultiDataSet(new INDArray[] {xa, ya}, new INDArray[0]);
        return time(() -> sd.fit(ds));
    }

    static INDArray init(SplittableRandom rng, int r, int c) {
        double a = Math.sqrt(6.0 / (r + c));
        float[] v = new float[r * c];
        for (int i = 0; i < v.length; i++) v[i] = (float) ((2 * rng.nextDouble() - 1) * a);
        return Nd4j.create(v, new long[] {r, c}, 'c');
    }

    static double time(Runnable r) {
        for (int i = 0; i < 5; i++) r.run();
        double[] t = new double[REPEATS];
        for (int k = 0; k < REPEATS; k++) {
            long t0 = System.nanoTime();
            r.run();
            t[k] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[REPEATS / 2];
    }
}

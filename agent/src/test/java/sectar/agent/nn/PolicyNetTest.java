package sectar.agent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PolicyNet: gradient checks (both heads), snapshot agrees with the batched path, input validation. */
class PolicyNetTest {

    @Test
    void discreteAndGaussianPolicyGradientsMatchFiniteDifferences() {
        for (boolean discrete : new boolean[] {true, false}) {
            SplittableRandom rng = new SplittableRandom(discrete ? 11 : 12);
            ParamStore ps = new ParamStore(true);
            int in = 3, A = discrete ? 4 : 2, n = 5;
            PolicyNet pi = new PolicyNet(ps, "pi", in, new int[] {6, 5}, A, discrete, 0.3, Math.log(1e-4), rng);
            float[] x = new float[n * in], a = new float[n * (discrete ? 1 : A)];
            for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
            for (int i = 0; i < a.length; i++) a[i] = discrete ? rng.nextInt(A) : (float) rng.nextGaussian();
            double[] wl = GradCheck.randn(rng, n), we = GradCheck.randn(rng, n);
            ps.zeroGrad();
            pi.evaluate(x, a, n);
            pi.backward(wl, we);
            GradCheck.params(ps, () -> {
                PolicyNet.Eval e = pi.evaluate(x, a, n);
                return GradCheck.dot(e.logProb(), wl) + GradCheck.dot(e.entropy(), we);
            }, 80, rng);
        }
    }

    @Test
    void snapshotMatchesBatchedOutputAndSamplesValidActions() {
        SplittableRandom rng = new SplittableRandom(13);
        ParamStore ps = new ParamStore(false);
        PolicyNet pi = new PolicyNet(ps, "pi", 10, new int[] {40, 30}, 4, true, 0, Math.log(1e-4), rng);
        int n = 3;
        float[] x = new float[n * 10];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        float[] probs = pi.output(x, n);
        PolicySnapshot snap = pi.snapshot();
        for (int b = 0; b < n; b++) {
            double[] in = new double[10];
            for (int j = 0; j < 10; j++) in[j] = x[b * 10 + j];
            double[] p = snap.output(in);
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                assertEquals(probs[b * 4 + k], p[k], 1e-5);
                sum += p[k];
            }
            assertEquals(1.0, sum, 1e-6);
            double act = snap.act(in, rng)[0];
            assertTrue(act >= 0 && act < 4 && act == Math.rint(act));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pi.output(new float[7], 1));
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("10"), e.getMessage());
        float[] nan = new float[10];
        nan[3] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> pi.output(nan, 1));
        assertThrows(IllegalArgumentException.class, () -> snap.output(new double[9]));
    }
}

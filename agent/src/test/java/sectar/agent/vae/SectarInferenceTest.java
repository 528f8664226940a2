package sectar.agent.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The batched inference calls: chaining, split-in-halves agreement, log-density oracle, shape errors. */
class SectarInferenceTest {
    private final SplittableRandom rng = new SplittableRandom(51);
    private final Sectar m = new Sectar(SectarGradientTest.tiny(), 2, 3, true, 4, false, rng);

    private float[] gauss(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rng.nextGaussian();
        return a;
    }

    @Test
    void chainedSegmentsStartFromThePreviousPredictedEndAndHalvesAgree() {
        int n = 70, H = 2, T = 4, obs = 2, L = 3;
        float[] s0 = gauss(n * obs), z = gauss(n * H * L);
        float[] out = m.inference().decodeChain(s0, z, n, H);
        assertEquals(n * H * T * obs, out.length);
        for (int b : new int[] {0, 69}) {
            float[] end = {out[((b * H) * T + T - 1) * obs], out[((b * H) * T + T - 1) * obs + 1]};
            float[] z2 = {z[(b * H + 1) * L], z[(b * H + 1) * L + 1], z[(b * H + 1) * L + 2]};
            float[] one = m.inference().decodeChain(end, z2, 1, 1);
            for (int k = 0; k < T * obs; k++) assertEquals(out[((b * H + 1) * T) * obs + k], one[k], 1e-5);
        }
    }

    @Test
    void logDensityOfThePredictedMeansIsTheGaussianPeak() {
        int n = 3, T = 4, obs = 2, L = 3;
        float[] s0 = gauss(n * obs), z = gauss(n * L);
        float[] means = m.inference().decodeChain(s0, z, n, 1);
        float[] lp = m.inference().stateLogDensity(s0, z, means, n);
        double peak = obs * (-Math.log(0.1) - 0.5 * Math.log(2 * Math.PI));
        for (float v : lp) assertEquals(peak, v, 1e-4);
        float[] elbo = m.inference().negElbo(gauss(n * (T + 1) * obs), n, rng);
        assertEquals(n, elbo.length);
        for (float v : elbo) assertTrue(Float.isFinite(v));
    }

    @Test
    void wrongShapesNameBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.inference().decodeChain(new float[5], new float[6], 2, 1));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("[2, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.inference().policyOutput(new float[4], new float[5], 2));
        float[] nan = new float[4];
        nan[1] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> m.inference().decodeChain(nan, new float[6], 2, 1));
    }
}

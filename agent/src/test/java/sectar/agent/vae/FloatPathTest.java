package sectar.agent.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;
import sectar.agent.nn.Param;

/**
 * The FLOAT training path (float gate math with the rational tanh, direct cblas products, cached
 * buffers) computes the same loss and gradients as the DOUBLE path the gradient checks verify, up to
 * float rounding: same initial weights, same batch, same noise.
 */
class FloatPathTest {

    @Test
    void floatLossAndGradientsMatchDouble() {
        for (boolean discrete : new boolean[] {true, false}) {
            int obs = 2, act = discrete ? 4 : 2, T = 6, B = 5;
            SectarConfig cfg = Fixtures.sectar(16, 12, B);
            Sectar f = new Sectar(cfg, obs, act, discrete, T, false, new SplittableRandom(61));
            Sectar d = new Sectar(cfg, obs, act, discrete, T, true, new SplittableRandom(61));
            d.params().load(f.params().state()); // identical (float-representable) weights
            SplittableRandom rng = new SplittableRandom(62);
            SegmentBatch batch = SectarGradientTest.randomBatch(rng, B, T, obs, act, discrete);
            double[] eps = f.noise(rng, B);
            f.params().zeroGrad();
            d.params().zeroGrad();
            Losses lf = f.compute(batch, eps, true), ld = d.compute(batch, eps, true);
            assertEquals(ld.total(), lf.total(), 1e-4 * Math.max(1, Math.abs(ld.total())), "total loss");
            assertEquals(ld.mse(), lf.mse(), 1e-4 * Math.max(1e-3, ld.mse()), "mse");
            List<Param> pf = f.params().list(), pd = d.params().list();
            for (int i = 0; i < pf.size(); i++) {
                double[] gf = pf.get(i).gradient(), gd = pd.get(i).gradient();
                double scale = 1e-6;
                for (double v : gd) scale = Math.max(scale, Math.abs(v));
                for (int k = 0; k < gd.length; k++)
                    assertTrue(Math.abs(gf[k] - gd[k]) <= 2e-3 * scale, pf.get(i).name() + "[" + k + "]: float " + gf[k]
                            + " vs double " + gd[k] + " (largest |grad| " + scale + ")");
            }
        }
    }
}

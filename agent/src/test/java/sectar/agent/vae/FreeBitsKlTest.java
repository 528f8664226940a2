package sectar.agent.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.nn.DiagGaussian;
import sectar.agent.nn.GradCheck;

/** Free bits: the plain KL at lambda 0, no gradient through dimensions below lambda, exact gradients above. */
class FreeBitsKlTest {
    static final int D = 3, B = 4;

    /** Dimension 0 says little (KL about 0.005 nats), dimensions 1 and 2 a lot (about 0.5 and 2). */
    static double[][] encoderOutputs() {
        double[] mu = new double[D * B], ls = new double[D * B];
        double[] scale = {0.1, 1.0, 2.0};
        SplittableRandom rng = new SplittableRandom(5);
        for (int j = 0; j < D; j++)
            for (int b = 0; b < B; b++) {
                mu[j * B + b] = scale[j] * (b % 2 == 0 ? 1 : -1) + 0.01 * rng.nextGaussian();
                ls[j * B + b] = -0.05 * j + 0.01 * rng.nextGaussian();
            }
        return new double[][] {mu, ls};
    }

    @Test
    void atZeroFreeBitsItIsThePlainKl() {
        double[][] q = encoderOutputs();
        double[] kl = new double[B], dMu = new double[D * B], dLs = new double[D * B];
        double p = FreeBitsKl.penalty(q[0], q[1], D, B, 2.0, 0, kl, dMu, dLs);
        double[] kl0 = new double[B], dMu0 = new double[D * B], dLs0 = new double[D * B], w = new double[B];
        java.util.Arrays.fill(w, 2.0 / B);
        DiagGaussian.klStandard(q[0], q[1], D, B, kl0, w, dMu0, dLs0);
        assertArrayEquals(kl0, kl, 1e-12);
        assertArrayEquals(dMu0, dMu, 1e-12);
        assertArrayEquals(dLs0, dLs, 1e-12);
        assertEquals(java.util.Arrays.stream(kl0).average().orElseThrow(), p, 1e-12);
    }

    @Test
    void dimensionsBelowTheFreeBitsGetNoGradientAndTheOthersTheExactOne() {
        double[][] q = encoderOutputs();
        double lambda = 0.2;
        double[] kl = new double[B], dMu = new double[D * B], dLs = new double[D * B];
        double p = FreeBitsKl.penalty(q[0], q[1], D, B, 1.0, lambda, kl, dMu, dLs);
        for (int b = 0; b < B; b++) {
            assertEquals(0, dMu[b], "dimension 0 is below the free bits");
            assertEquals(0, dLs[b]);
        }
        assertTrue(p > lambda + 0.5, "dimensions 1 and 2 count at their own KL: " + p);
        double h = 1e-6;
        for (double[] x : q)
            for (int i = B; i < D * B; i++) {
                double keep = x[i];
                x[i] = keep + h;
                double up = FreeBitsKl.penalty(q[0], q[1], D, B, 1, lambda, new double[B], new double[D * B], new double[D * B]);
                x[i] = keep - h;
                double down = FreeBitsKl.penalty(q[0], q[1], D, B, 1, lambda, new double[B], new double[D * B], new double[D * B]);
                x[i] = keep;
                double numeric = (up - down) / (2 * h), analytic = (x == q[0] ? dMu : dLs)[i];
                assertEquals(numeric, analytic, 1e-6, "index " + i);
            }
    }

    @Test
    void theFullLossWithFreeBitsPassesTheGradientCheck() {
        SplittableRandom rng = new SplittableRandom(24);
        Sectar m = new Sectar(SectarGradientTest.tiny().withFreeBits(0.05), 2, 2, false, 3, true, rng);
        SegmentBatch batch = SectarGradientTest.randomBatch(rng, 2, 3, 2, 2, false);
        double[] eps = m.noise(rng, 2);
        m.params().zeroGrad();
        m.compute(batch, eps, true);
        GradCheck.params(m.params(), () -> m.compute(batch, eps, false).total(), 40, rng);
    }

    @Test
    void negativeOrInfiniteFreeBitsAreRejectedByName() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SectarGradientTest.tiny().withFreeBits(bad));
            assertTrue(e.getMessage().contains("model.freeBits") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }
}

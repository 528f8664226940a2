package sectar.agent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Gradient checks and closed-form oracles for the categorical and diagonal-Gaussian distributions. */
class DistributionTest {
    private final SplittableRandom rng = new SplittableRandom(5);

    @Test
    void categoricalGradientsMatchFiniteDifferences() {
        int n = 4, B = 3;
        double[] logits = GradCheck.randn(rng, n * B), q = GradCheck.randn(rng, n * B), w = GradCheck.randn(rng, B);
        int[] a = {0, 3, 2};
        double[] out = new double[B], d = new double[n * B];
        Categorical.logProb(logits, n, B, a, out, w, d);
        GradCheck.input("logp", logits, d, l -> {
            double[] o = new double[B];
            Categorical.logProb(l, n, B, a, o, null, null);
            return GradCheck.dot(o, w);
        }, 100, rng);
        double[] de = new double[n * B];
        Categorical.entropy(logits, n, B, out, w, de);
        GradCheck.input("entropy", logits, de, l -> {
            double[] o = new double[B];
            Categorical.entropy(l, n, B, o, null, null);
            return GradCheck.dot(o, w);
        }, 100, rng);
        double[] dk = new double[n * B];
        Categorical.kl(logits, q, n, B, out, w, dk);
        GradCheck.input("kl", logits, dk, l -> {
            double[] o = new double[B];
            Categorical.kl(l, q, n, B, o, null, null);
            return GradCheck.dot(o, w);
        }, 100, rng);
    }

    @Test
    void categoricalValuesMatchClosedForms() {
        double[] logits = {0, 0, 0, 0};
        double[] h = new double[1], lp = new double[1];
        Categorical.entropy(logits, 4, 1, h, null, null);
        assertEquals(Math.log(4), h[0], 1e-12);
        Categorical.logProb(logits, 4, 1, new int[] {2}, lp, null, null);
        assertEquals(Math.log(0.25 + 1e-8), lp[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Categorical.logProb(logits, 4, 1, new int[] {4}, lp, null, null));
    }

    @Test
    void gaussianGradientsMatchFiniteDifferences() {
        int d = 3, B = 2;
        double[] x = GradCheck.randn(rng, d * B), m = GradCheck.randn(rng, d * B), w = GradCheck.randn(rng, B);
        double[] lsShared = GradCheck.randn(rng, d), lsPer = GradCheck.randn(rng, d * B);
        for (double[] ls : new double[][] {lsShared, lsPer}) {
            double[] out = new double[B], dm = new double[d * B], dl = new double[ls.length], dx = new double[d * B];
            DiagGaussian.logProb(x, m, ls, d, B, out, w, dm, dl, dx);
            GradCheck.input("logp.mean", m, dm, mm -> lp(x, mm, ls, d, B, w), 100, rng);
            GradCheck.input("logp.logStd", ls, dl, ll -> lp(x, m, ll, d, B, w), 100, rng);
            GradCheck.input("logp.x", x, dx, xx -> lp(xx, m, ls, d, B, w), 100, rng);
            double[] de = new double[ls.length];
            DiagGaussian.entropy(ls, d, B, out, w, de);
            GradCheck.input("entropy", ls, de, ll -> {
                double[] o = new double[B];
                DiagGaussian.entropy(ll, d, B, o, null, null);
                return GradCheck.dot(o, w);
            }, 100, rng);
        }
        double[] m2 = GradCheck.randn(rng, d * B), l2 = GradCheck.randn(rng, d * B);
        double[] out = new double[B], dm = new double[d * B], dl = new double[d * B];
        DiagGaussian.kl(m, lsPer, m2, l2, d, B, out, w, dm, dl);
        GradCheck.input("kl.mean", m, dm, mm -> kl(mm, lsPer, m2, l2, d, B, w), 100, rng);
        GradCheck.input("kl.logStd", lsPer, dl, ll -> kl(m, ll, m2, l2, d, B, w), 100, rng);
    }

    @Test
    void gaussianValuesMatchClosedFormsAndMonteCarlo() {
        double[] out = new double[1];
        DiagGaussian.logProb(new double[] {0}, new double[] {0}, new double[] {0}, 1, 1, out, null, null, null, null);
        assertEquals(-0.5 * Math.log(2 * Math.PI), out[0], 1e-12);
        DiagGaussian.entropy(new double[] {Math.log(2)}, 1, 1, out, null, null);
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * 4), out[0], 1e-12);
        // KL(N(1, 0.5^2) || N(0, 1)) by Monte Carlo with reparameterised samples
        double[] mean = {1}, ls = {Math.log(0.5)};
        DiagGaussian.klStandard(mean, ls, 1, 1, out, null, null, null);
        double mc = 0;
        int n = 200_000;
        SplittableRandom r = new SplittableRandom(9);
        double[] lq = new double[1], lp = new double[1];
        for (int i = 0; i < n; i++) {
            double[] z = DiagGaussian.sample(mean, ls, DiagGaussian.noise(r, 1), 1, 1);
            DiagGaussian.logProb(z, mean, ls, 1, 1, lq, null, null, null, null);
            DiagGaussian.logProb(z, new double[] {0}, new double[] {0}, 1, 1, lp, null, null, null, null);
            mc += (lq[0] - lp[0]) / n;
        }
        assertEquals(out[0], mc, 0.01);
        assertThrows(IllegalArgumentException.class,
                () -> DiagGaussian.entropy(new double[5], 2, 2, new double[2], null, null));
    }

    private static double lp(double[] x, double[] m, double[] ls, int d, int B, double[] w) {
        double[] o = new double[B];
        DiagGaussian.logProb(x, m, ls, d, B, o, null, null, null, null);
        return GradCheck.dot(o, w);
    }

    private static double kl(double[] m, double[] l, double[] m2, double[] l2, int d, int B, double[] w) {
        double[] o = new double[B];
        DiagGaussian.kl(m, l, m2, l2, d, B, o, null, null, null);
        return GradCheck.dot(o, w);
    }
}

package sectar.planner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The CMA-ES core on functions whose behaviour is known, without a model. */
class CmaEsTest {
    private static final int N = 10, MAX_GENERATIONS = 5000;
    private static final double TARGET = 1e-8;

    /** Generations until the best sampled f is below TARGET (MAX_GENERATIONS + 1 if never). */
    private static int generationsToTarget(ToDoubleFunction<double[]> f, boolean separable, long seed) {
        double[] start = new double[N];
        java.util.Arrays.fill(start, 1.0);
        CmaEs es = new CmaEs(start, 1.0, CmaEs.defaultPopulation(N), separable);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] cost = new double[es.population()];
        for (int g = 1; g <= MAX_GENERATIONS; g++) {
            double[][] x = es.ask(rng);
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < x.length; k++) best = Math.min(best, cost[k] = f.applyAsDouble(x[k]));
            if (best < TARGET) return g;
            es.tell(cost);
        }
        return MAX_GENERATIONS + 1;
    }

    private static double sphere(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return s;
    }

    /** sum_i 10^(6 i / (n-1)) x_i^2: condition 1e6, axis-aligned. */
    private static double ellipsoid(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += Math.pow(10, 6.0 * i / (x.length - 1)) * x[i] * x[i];
        return s;
    }

    /** The ellipsoid in the coordinates R x, R a random rotation (Gram-Schmidt on Gaussian rows). */
    private static ToDoubleFunction<double[]> rotatedEllipsoid(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] r = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) r[i][j] = rng.nextGaussian();
            for (int k = 0; k < i; k++) {
                double dot = 0;
                for (int j = 0; j < N; j++) dot += r[i][j] * r[k][j];
                for (int j = 0; j < N; j++) r[i][j] -= dot * r[k][j];
            }
            double norm = 0;
            for (int j = 0; j < N; j++) norm += r[i][j] * r[i][j];
            for (int j = 0; j < N; j++) r[i][j] /= Math.sqrt(norm);
        }
        return x -> {
            double[] y = new double[N];
            for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) y[i] += r[i][j] * x[j];
            return ellipsoid(y);
        };
    }

    // Expected counts. Progress-rate theory for the (5/5_w, 10)-ES (the default population at n = 10, the
    // tutorial's weights: c_w = 1.11, mu_eff = 3.17) gives a normalised progress phi* = c_w^2 mu_eff / 2 = 1.97
    // at the optimal step size, i.e. ln f falls by 2 phi* / n = 0.39 a generation: 53 generations from
    // f = 10 to 1e-8 as a lower bound; step-size adaptation runs below the optimal step, and our runs take
    // 123-149 (seeds 1-5). On the ellipsoid full CMA-ES must first learn C, which takes longer the more
    // entries C has (rates ~ 1 / n^2), and then converges as on the sphere: measured 570-587 generations
    // rotated, 546-617 axis-aligned (it is rotation invariant). Separable CMA-ES learns a diagonal (n + 2) / 3
    // times faster, 229-262 on the axis-aligned ellipsoid, and cannot learn the rotated one's
    // correlations: not converged within 5000. Bounds below are about 2x the typical (median) counts.

    @Test
    void sphereConvergesInTheExpectedNumberOfGenerations() {
        for (long seed = 1; seed <= 5; seed++) {
            int g = generationsToTarget(CmaEsTest::sphere, false, seed);
            assertTrue(g >= 53 && g < 260, "seed " + seed + ": " + g + " generations to f < 1e-8 on the 10-D sphere");
        }
    }

    @Test
    void fullCovarianceLearnsTheRotatedEllipsoidAndTheSeparableVariantCannot() {
        ToDoubleFunction<double[]> f = rotatedEllipsoid(99);
        for (long seed = 1; seed <= 3; seed++) {
            int full = generationsToTarget(f, false, seed);
            assertTrue(full < 1160, "seed " + seed + ": full CMA-ES took " + full + " generations on the rotated ellipsoid");
            int sep = generationsToTarget(f, true, seed);
            assertTrue(sep > 3 * full, "seed " + seed + ": separable " + sep + " vs full " + full
                    + " generations: only a learned full covariance should solve the rotated ellipsoid fast");
        }
    }

    @Test
    void separableVariantSolvesTheAxisAlignedEllipsoidFasterThanFull() {
        for (long seed = 1; seed <= 3; seed++) {
            int sep = generationsToTarget(CmaEsTest::ellipsoid, true, seed);
            assertTrue(sep < 480, "seed " + seed + ": sep-CMA-ES took " + sep + " generations on the axis-aligned ellipsoid");
            int full = generationsToTarget(CmaEsTest::ellipsoid, false, seed);
            assertTrue(sep < full, "seed " + seed + ": the separable variant's faster rates should win on a separable function ("
                    + sep + " vs " + full + ")");
        }
    }

    @Test
    void aFarInjectedSolutionMovesTheMeanOnlyByTheClippedStep() {
        CmaEs es = new CmaEs(new double[N], 1.0, 10, false);
        double[] far = new double[N];
        far[0] = 1000;
        for (int k = 0; k < 10; k++) es.inject(k, far);
        double[] cost = new double[10];
        java.util.Arrays.fill(cost, 1.0);
        es.tell(cost);
        double cap = Math.sqrt(N) + 2.0 * N / (N + 2);
        assertEquals(cap, es.mean()[0], 1e-9, "the mean moves by sigma x the Mahalanobis cap, not to the injected point");
        assertTrue(Double.isFinite(es.sigma()) && es.sigma() < 10, "sigma " + es.sigma());
    }

    @Test
    void sameSeedSameRun() {
        CmaEs a = new CmaEs(new double[] {1, 2, 3}, 0.5, 8, false), b = new CmaEs(new double[] {1, 2, 3}, 0.5, 8, false);
        SplittableRandom ra = new SplittableRandom(4), rb = new SplittableRandom(4);
        for (int g = 0; g < 20; g++) {
            double[] ca = new double[8], cb = new double[8];
            double[][] xa = a.ask(ra), xb = b.ask(rb);
            for (int k = 0; k < 8; k++) {
                ca[k] = sphere(xa[k]);
                cb[k] = sphere(xb[k]);
            }
            a.tell(ca);
            b.tell(cb);
        }
        assertArrayEquals(a.mean(), b.mean());
        assertEquals(a.sigma(), b.sigma());
    }

    @Test
    void rejectsNonsenseWithTheValueNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CmaEs(new double[3], 1.0, 1, false));
        assertTrue(e.getMessage().contains("population") && e.getMessage().contains("1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CmaEs(new double[3], Double.NaN, 4, false));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        CmaEs es = new CmaEs(new double[3], 1.0, 4, true);
        es.ask(new SplittableRandom(1));
        e = assertThrows(IllegalArgumentException.class, () -> es.tell(new double[] {0, 1, Double.NaN, 2}));
        assertTrue(e.getMessage().contains("candidate 2") && e.getMessage().contains("NaN"), e.getMessage());
    }
}

package sectar.agent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * PolicyNet: gradients of the PPO surrogate (sample-major pass) and of behaviour cloning with the
 * gradient into the inputs (feature-major pass), agreement of the batch-1 acting snapshot with the
 * batched passes and its refresh by sync, sampling, the log-sigma clamp and input validation.
 */
class PolicyNetTest {
    private static final int IN = 5, B = 7;

    private static double[][] inputs(SplittableRandom rng) {
        double[][] x = new double[B][IN];
        for (double[] r : x) for (int j = 0; j < IN; j++) r[j] = rng.nextGaussian();
        return x;
    }

    /** PPO clipped surrogate plus an entropy bonus; gradients accumulated when {@code grad}. */
    private static double surrogate(PolicyNet pi, double[][] x, double[][] a, double[] oldLp, double[] adv, boolean grad) {
        PolicyEval e = pi.evaluate(x, a, null);
        double loss = 0, beta = 0.01;
        double[] dLogp = new double[B], dEnt = new double[B];
        for (int b = 0; b < B; b++) {
            double r = Math.exp(e.logProbs()[b] - oldLp[b]), rc = Math.max(0.8, Math.min(1.2, r));
            loss -= Math.min(r * adv[b], rc * adv[b]) / B + beta * e.entropies()[b] / B;
            if (r * adv[b] <= rc * adv[b]) dLogp[b] = -adv[b] * r / B;
            dEnt[b] = -beta / B;
        }
        if (grad) {
            pi.zeroGrad();
            pi.backward(e, dLogp, dEnt);
        }
        return loss;
    }

    private static void checkSurrogate(PolicyNet pi, ParamStore ps, double[][] a, SplittableRandom rng) {
        double[][] x = inputs(rng);
        double[] oldLp = pi.logProbs(x, a), adv = new double[B];
        for (int b = 0; b < B; b++) {
            oldLp[b] += 0.3 * rng.nextGaussian();
            adv[b] = rng.nextGaussian();
        }
        surrogate(pi, x, a, oldLp, adv, true);
        GradCheck.params(ps, () -> surrogate(pi, x, a, oldLp, adv, false), 12, rng);
    }

    @Test
    void categoricalSurrogateGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(1);
        ParamStore ps = new ParamStore(true);
        PolicyNet pi = PolicyNet.categorical(ps, "pi", IN, new int[] {16, 12}, 4, rng);
        double[][] a = new double[B][];
        for (int b = 0; b < B; b++) a[b] = new double[] {rng.nextInt(4)};
        checkSurrogate(pi, ps, a, rng);
    }

    @Test
    void gaussianSurrogateGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        ParamStore ps = new ParamStore(true);
        PolicyNet pi = PolicyNet.gaussian(ps, "pi", IN, new int[] {16, 12}, 3, Math.log(0.7), rng);
        double[][] a = new double[B][3];
        for (double[] r : a) for (int j = 0; j < 3; j++) r[j] = rng.nextGaussian();
        checkSurrogate(pi, ps, a, rng);
    }

    @Test
    void snapshotAgreesWithBatchedPassAndFollowsSync() {
        SplittableRandom rng = new SplittableRandom(3);
        for (boolean discrete : new boolean[] {true, false}) {
            ParamStore ps = new ParamStore(true);
            PolicyNet pi = discrete ? PolicyNet.categorical(ps, "pi", IN, new int[] {8}, 4, rng)
                    : PolicyNet.gaussian(ps, "pi", IN, new int[] {8}, 2, 0.0, rng);
            double[][] x = inputs(rng), a = new double[B][];
            for (int b = 0; b < B; b++) a[b] = pi.act(x[b], rng);
            double[] batched = pi.logProbs(x, a);
            for (int b = 0; b < B; b++) assertEquals(batched[b], pi.logProb(x[b], a[b]), 1e-12);
            double[] theta = pi.flatParams();
            for (int i = 0; i < theta.length; i++) theta[i] += 0.05;
            pi.setFlatParams(theta);
            double stale = pi.logProb(x[0], a[0]);
            pi.sync();
            assertEquals(pi.logProbs(x, a)[0], pi.logProb(x[0], a[0]), 1e-12);
            assertTrue(Math.abs(stale - pi.logProb(x[0], a[0])) > 1e-9, "sync must refresh the snapshot");
        }
    }

    @Test
    void sampledActionsFollowTheProbabilities() {
        SplittableRandom rng = new SplittableRandom(4);
        PolicyNet pi = PolicyNet.categorical(new ParamStore(false), "pi", 2, new int[] {8}, 4, rng);
        double[] x = {0.3, -1.2}, p = pi.probabilities(x);
        int[] counts = new int[4];
        int n = 40_000;
        for (int i = 0; i < n; i++) counts[(int) pi.act(x, rng)[0]]++;
        for (int j = 0; j < 4; j++) assertEquals(p[j], counts[j] / (double) n, 0.01, "action " + j);
    }

    @Test
    void logStdIsClampedAndBadInputsAreRejected() {
        SplittableRandom rng = new SplittableRandom(5);
        PolicyNet pi = PolicyNet.gaussian(new ParamStore(true), "pi", 2, new int[] {4}, 2, -20, rng);
        assertEquals(PolicyNet.MIN_LOG_STD, pi.clampedLogStd()[0], 0);
        assertThrows(IllegalArgumentException.class, () -> pi.output(new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> PolicyNet.categorical(new ParamStore(true), "q", 2, new int[] {0}, 4, rng));
    }

    @Test
    void aLogStdCapHoldsSigmaWhileMaximumLikelihoodPullsItUp() {
        // Actions of sigma 5 around 0: fitting them by likelihood drives log sigma from 0 toward log 5.
        double[] finalLogStd = new double[2];
        for (int capped = 0; capped < 2; capped++) {
            SplittableRandom rng = new SplittableRandom(21);
            ParamStore ps = new ParamStore(true);
            PolicyNet pi = capped == 1 ? PolicyNet.gaussian(ps, "pi", 2, new int[] {8}, 1, 0.0, 0.0, rng)
                    : PolicyNet.gaussian(ps, "pi", 2, new int[] {8}, 1, 0.0, rng);
            Adam adam = new Adam(pi.params(), 0.05, 1e-8);
            int n = 64;
            double[] minusOne = new double[n];
            java.util.Arrays.fill(minusOne, -1.0 / n);
            for (int step = 0; step < 200; step++) {
                double[][] x = new double[n][2], a = new double[n][1];
                for (int b = 0; b < n; b++) {
                    x[b][0] = rng.nextGaussian();
                    a[b][0] = 5 * rng.nextGaussian();
                }
                ps.zeroGrad();
                pi.backward(pi.evaluate(x, a, null), minusOne, null);
                adam.step();
                pi.sync();
            }
            finalLogStd[capped] = pi.clampedLogStd()[0];
        }
        assertTrue(finalLogStd[0] > Math.log(3), "uncapped log sigma should climb toward log 5, got " + finalLogStd[0]);
        assertEquals(0.0, finalLogStd[1], 1e-12, "capped log sigma must stay at the cap");
        assertThrows(IllegalArgumentException.class,
                () -> PolicyNet.gaussian(new ParamStore(true), "q", 2, new int[] {4}, 1, 0.5, 0.0, new SplittableRandom(1)));
    }

    @Test
    void featureMajorGradientsMatchFiniteDifferencesForParamsAndInputs() {
        for (boolean discrete : new boolean[] {true, false}) {
            SplittableRandom rng = new SplittableRandom(discrete ? 11 : 12);
            ParamStore ps = new ParamStore(true);
            int in = 3, A = discrete ? 4 : 2, n = 5;
            PolicyNet pi = discrete ? PolicyNet.categorical(ps, "pi", in, new int[] {6, 5}, A, rng)
                    : PolicyNet.gaussian(ps, "pi", in, new int[] {6, 5}, A, 0.3, rng);
            double[] x = GradCheck.randn(rng, in * n);
            float[] a = new float[n * (discrete ? 1 : A)];
            for (int i = 0; i < a.length; i++) a[i] = discrete ? rng.nextInt(A) : (float) rng.nextGaussian();
            double[] wl = GradCheck.randn(rng, n), we = GradCheck.randn(rng, n);
            ps.zeroGrad();
            double[] dx = pi.backwardInputs(pi.evaluateFeatureMajor(x, n, a), wl, we);
            assertEquals(in * n, dx.length);
            java.util.function.ToDoubleFunction<double[]> loss = xx -> {
                PolicyEval e = pi.evaluateFeatureMajor(xx, n, a);
                return GradCheck.dot(e.logProbs(), wl) + GradCheck.dot(e.entropies(), we);
            };
            GradCheck.params(ps, () -> loss.applyAsDouble(x), 80, rng);
            GradCheck.input("dInputs", x, dx, loss, in * n, rng);
        }
    }

    @Test
    void batchedProbabilitiesMatchActingAndBadInputsAreNamed() {
        SplittableRandom rng = new SplittableRandom(13);
        PolicyNet pi = PolicyNet.categorical(new ParamStore(false), "pi", 10, new int[] {40, 30}, 4, rng);
        int n = 3;
        float[] x = new float[n * 10];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        float[] probs = pi.probabilities(x, n), logits = pi.outputs(x, n);
        for (int b = 0; b < n; b++) {
            double[] in = new double[10];
            for (int j = 0; j < 10; j++) in[j] = x[b * 10 + j];
            double[] p = pi.probabilities(in), o = pi.output(in);
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                assertEquals(probs[b * 4 + k], p[k], 1e-5);
                assertEquals(logits[b * 4 + k], o[k], 1e-5);
                sum += p[k];
            }
            assertEquals(1.0, sum, 1e-6);
            double act = pi.act(in, rng)[0];
            assertTrue(act >= 0 && act < 4 && act == Math.rint(act));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pi.probabilities(new float[7], 1));
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("10"), e.getMessage());
        float[] nan = new float[10];
        nan[3] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> pi.outputs(nan, 1));
        assertThrows(IllegalArgumentException.class, () -> pi.output(new double[9]));
        double[] nanIn = new double[10];
        nanIn[2] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> pi.act(nanIn, rng));
        assertThrows(IllegalArgumentException.class, () -> pi.evaluateFeatureMajor(new double[10], 1, new float[] {4}));
        assertThrows(IllegalStateException.class, () -> PolicyNet.gaussian(new ParamStore(false), "g", 2, new int[] {3},
                2, 0, rng).probabilities(new float[2], 1));
    }
}

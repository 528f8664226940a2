package sectar.agent.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;
import sectar.agent.nn.PolicyNet;

/** The policy decoder's batch-1 acting copy follows the VAE's training steps; the log-sigma clamp is fixed. */
class SectarPolicySyncTest {

    @Test
    void trainStepRefreshesTheActingCopy() {
        for (boolean discrete : new boolean[] {true, false}) {
            SplittableRandom rng = new SplittableRandom(discrete ? 21 : 22);
            int obs = 2, act = discrete ? 3 : 2, T = 4;
            Sectar m = new Sectar(SectarGradientTest.tiny(), obs, act, discrete, T, true, rng);
            PolicyNet pd = m.policy();
            assertEquals(obs + m.latentDim(), pd.inputDim());
            double[] x = new double[pd.inputDim()];
            for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
            double before = pd.output(x)[0];
            m.trainStep(SectarGradientTest.randomBatch(rng, 3, T, obs, act, discrete), rng);
            float[] xf = new float[x.length];
            for (int i = 0; i < x.length; i++) xf[i] = (float) x[i];
            double[] acting = pd.output(toDouble(xf));
            float[] batched = pd.outputs(xf, 1);
            for (int k = 0; k < act; k++) assertEquals(batched[k], acting[k], 1e-5, "output " + k);
            assertTrue(Math.abs(pd.output(x)[0] - before) > 1e-9, "the training step must move the acting copy");
        }
    }

    @Test
    void aPolicyClampOtherThanPolicyNetsIsRejected() {
        SectarConfig c = Fixtures.sectar(64, 64, 128);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SectarConfig(c.preset(),
                c.latentDim(), c.encoderHidden(), c.encoderHeadHidden(), c.decoderHidden(), c.meanHeadHidden(),
                c.policyHidden(), c.batchSize(), c.learningRate(), c.adamEps(), c.klWeight(), c.bcWeight(),
                c.decoderLogStdInit(), c.policyLogStdInit(), Math.log(1e-3), 0, 0));
        assertTrue(e.getMessage().contains("policyMinLogStd") && e.getMessage().contains(String.valueOf(Math.log(1e-3))),
                e.getMessage());
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    @Test
    void aPolicySigmaCapBelowTheInitialSigmaOrNotFiniteIsRejected() {
        SectarConfig c = Fixtures.sectar(64, 64, 128);
        assertEquals(Double.POSITIVE_INFINITY, c.policyMaxLogStd(), "0 means no cap");
        assertEquals(Math.log(2), c.withPolicyMaxStd(2).policyMaxLogStd(), 1e-12);
        for (double bad : new double[] {0.5, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.withPolicyMaxStd(bad));
            assertTrue(e.getMessage().contains("model.policyMaxStd") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }
}

package sectar.agent.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.nn.GradCheck;

/** The full SeCTAR loss passes a double-precision gradient check; shapes, NaN and determinism. */
class SectarGradientTest {

    static SectarConfig tiny() {
        return new SectarConfig("tiny", 3, 3, new int[] {4}, 3, new int[] {4}, new int[] {5}, 2, 1e-3, 1e-5, 2, 100,
                Math.log(0.1), 0, Math.log(1e-4), 0, 0);
    }

    static SegmentBatch randomBatch(SplittableRandom rng, int B, int T, int obs, int act, boolean discrete) {
        float[] s = new float[B * (T + 1) * obs], a = new float[B * (T + 1) * act];
        for (int i = 0; i < s.length; i++) s[i] = (float) (0.5 * rng.nextGaussian());
        for (int i = 0; i < B * (T + 1); i++)
            if (discrete) a[i * act + rng.nextInt(act)] = 1;
            else for (int k = 0; k < act; k++) a[i * act + k] = (float) rng.nextGaussian();
        return new SegmentBatch(s, a, B);
    }

    @Test
    void fullLossGradientMatchesFiniteDifferences() {
        for (boolean discrete : new boolean[] {true, false}) {
            SplittableRandom rng = new SplittableRandom(discrete ? 21 : 22);
            int obs = 2, act = discrete ? 3 : 2, T = 3, B = 2;
            Sectar m = new Sectar(tiny(), obs, act, discrete, T, true, rng);
            SegmentBatch batch = randomBatch(rng, B, T, obs, act, discrete);
            double[] eps = m.noise(rng, B);
            m.params().zeroGrad();
            Losses l = m.compute(batch, eps, true);
            assertEquals(l.total(), l.nll() + 2 * l.kl() + 100 * l.bc(), 1e-9);
            GradCheck.params(m.params(), () -> m.compute(batch, eps, false).total(), 40, rng);
        }
    }

    @Test
    void badShapesAndNaNAreRejectedWithBothShapes() {
        SplittableRandom rng = new SplittableRandom(23);
        Sectar m = new Sectar(tiny(), 2, 3, true, 3, false, rng);
        SegmentBatch wrong = new SegmentBatch(new float[2 * 4 * 3], new float[2 * 4 * 3], 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.trainStep(wrong, rng));
        assertTrue(e.getMessage().contains("24") && e.getMessage().contains("16") && e.getMessage().contains("[2, 4, 2]"),
                e.getMessage());
        SegmentBatch nan = randomBatch(rng, 2, 3, 2, 3, true);
        nan.states()[5] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> m.trainStep(nan, rng));
        SegmentBatch notOneHot = randomBatch(rng, 2, 3, 2, 3, true);
        notOneHot.actions()[0] = 0.5f;
        assertThrows(IllegalArgumentException.class, () -> m.trainStep(notOneHot, rng));
        Map<String, float[]> st = m.state();
        st.put("dec.logSigma", new float[3]);
        IllegalArgumentException le = assertThrows(IllegalArgumentException.class, () -> m.load(st));
        assertTrue(le.getMessage().contains("dec.logSigma") && le.getMessage().contains("[1, 2]"), le.getMessage());
    }

    @Test
    void sameSeedSameDataGivesBitwiseIdenticalParameters() {
        float[][] finals = new float[2][];
        for (int run = 0; run < 2; run++) {
            SplittableRandom init = new SplittableRandom(31), noise = new SplittableRandom(32), data = new SplittableRandom(33);
            Sectar m = new Sectar(new SectarConfig("tiny", 3, 3, new int[] {4}, 3, new int[] {4}, new int[] {5}, 4, 1e-3, 1e-5, 2, 100,
                    Math.log(0.1), 0, Math.log(1e-4), 0, 0), 2, 3, true, 4, false, init);
            for (int i = 0; i < 5; i++) m.trainStep(randomBatch(data, 4, 4, 2, 3, true), noise);
            Map<String, float[]> st = m.state();
            int len = st.values().stream().mapToInt(a -> a.length).sum(), k = 0;
            finals[run] = new float[len];
            for (float[] a : st.values()) {
                System.arraycopy(a, 0, finals[run], k, a.length);
                k += a.length;
            }
        }
        assertArrayEquals(finals[0], finals[1]);
    }

    @Test
    void stateRoundTripsThroughLoad() {
        SplittableRandom rng = new SplittableRandom(41);
        Sectar a = new Sectar(tiny(), 2, 3, true, 3, false, rng), b = new Sectar(tiny(), 2, 3, true, 3, false, rng);
        a.trainStep(randomBatch(rng, 2, 3, 2, 3, true), rng);
        b.load(a.state());
        Map<String, float[]> sa = a.state(), sb = b.state();
        assertEquals(sa.keySet(), sb.keySet());
        for (String k : sa.keySet()) assertArrayEquals(sa.get(k), sb.get(k), k);
        assertEquals(a.adam().steps(), b.adam().steps());
    }
}

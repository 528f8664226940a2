package sectar.agent.vae;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The decoder-only fit: it learns, it touches nothing but the state decoder, it counts only real steps. */
class DecoderFitTest {
    private static final int OBS = 2, LAT = 3, T = 5, N = 48;

    private static Sectar model(long seed) {
        SectarConfig c = new SectarConfig("tiny", LAT, 8, new int[] {8}, 16, new int[] {16}, new int[] {8}, 16, 1e-3, 1e-5, 2, 100,
                Math.log(0.1), 0, Math.log(1e-4), 0, 0);
        Sectar m = new Sectar(c, OBS, 2, false, T, false, new SplittableRandom(seed));
        m.setParallel(false);
        return m;
    }

    /** Chunks of a fixed latent-driven motion: each step moves by 0.2 * (z_0, z_1), lengths from {@code len}. */
    private static PolicyChunks chunks(long seed, int[] len) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] s0 = new float[N * OBS], z = new float[N * LAT], reached = new float[N * T * OBS];
        for (int b = 0; b < N; b++) {
            for (int j = 0; j < LAT; j++) z[b * LAT + j] = (float) r.nextGaussian();
            for (int d = 0; d < OBS; d++) s0[b * OBS + d] = (float) r.nextGaussian();
            for (int t = 0; t < len[b]; t++)
                for (int d = 0; d < OBS; d++) reached[(b * T + t) * OBS + d] = s0[b * OBS + d] + 0.2f * (t + 1) * z[b * LAT + d];
        }
        return new PolicyChunks(N, s0, z, reached, len);
    }

    private static int[] lengths(int every) {
        int[] l = new int[N];
        java.util.Arrays.fill(l, every);
        return l;
    }

    /** Mean squared error of the decoder's means against the reached states, over the counted steps. */
    private static double mse(Sectar m, PolicyChunks c) {
        float[] mu = m.inference().decodeChain(c.s0(), c.z(), c.n(), 1);
        double ss = 0;
        int k = 0;
        for (int b = 0; b < c.n(); b++)
            for (int t = 0; t < c.lengths()[b]; t++, k++)
                for (int d = 0; d < OBS; d++) {
                    double e = mu[(b * T + t) * OBS + d] - c.reached()[(b * T + t) * OBS + d];
                    ss += e * e;
                }
        return ss / (k * OBS);
    }

    private static Map<String, float[]> without(Map<String, float[]> s, String prefix) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>(s);
        out.keySet().removeIf(k -> k.startsWith(prefix) || k.startsWith("adam/m/" + prefix) || k.startsWith("adam/v/" + prefix));
        return out;
    }

    private static void assertSameState(Map<String, float[]> a, Map<String, float[]> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k + " moved"));
    }

    @Test
    void hundredStepsHalveTheNllAndQuarterTheError() {
        Sectar m = model(1);
        PolicyChunks data = chunks(2, lengths(T));
        DecoderFit fit = new DecoderFit(m, 16, 1e-2);
        double nll0 = fit.nll(data), mse0 = mse(m, data);
        double firstStepNll = fit.fit(data, 1, new SplittableRandom(3));
        fit.fit(data, 99, new SplittableRandom(4));
        double nll1 = fit.nll(data), mse1 = mse(m, data);
        assertTrue(Double.isFinite(firstStepNll) && firstStepNll > nll1, "the reported pre-step NLL " + firstStepNll);
        assertTrue(mse1 < mse0 / 4, "100 steps must quarter the squared error: " + mse0 + " -> " + mse1);
        // measured: NLL per step 115 -> 1.0, squared error 1.18 -> 0.07
        assertTrue(nll0 > 0 && nll1 < nll0 / 2, "100 steps must halve the NLL per step: " + nll0 + " -> " + nll1);
    }

    @Test
    void onlyTheStateDecoderMovesAndTheJointAdamStaysPut() {
        Sectar m = model(5);
        m.trainStep(SectarGradientTest.randomBatch(new SplittableRandom(6), 16, T, OBS, 2, false), new SplittableRandom(7));
        Map<String, float[]> before = m.state();
        double[] acting = m.policy().output(new double[OBS + LAT]);
        new DecoderFit(m, 16, 1e-2).fit(chunks(8, lengths(T)), 5, new SplittableRandom(9));
        Map<String, float[]> after = m.state();
        // everything but the decoder's weights is bit-identical: encoder, policy decoder, the joint Adam's moments and step count
        assertSameState(without(before, StateDecoder.PREFIX), without(after, StateDecoder.PREFIX));
        assertArrayEquals(acting, m.policy().output(new double[OBS + LAT]), "the acting copy of the policy decoder");
        for (var p : StateDecoder.params(m.params()))
            assertFalse(java.util.Arrays.equals(before.get(p.name()), after.get(p.name())), p.name() + " must move");
        // the joint Adam's moments of the decoder too: the fit has its own optimiser
        before.keySet().stream().filter(k -> k.startsWith("adam/"))
                .forEach(k -> assertArrayEquals(before.get(k), after.get(k), k + " of the joint Adam moved"));
    }

    @Test
    void stepsPastAChunksLengthAreNotFitted() {
        int[] len = new int[N];
        for (int b = 0; b < N; b++) len[b] = 1 + b % T;
        PolicyChunks a = chunks(10, len), b = chunks(10, len);
        SplittableRandom junk = new SplittableRandom(11);
        for (int c = 0; c < N; c++)
            for (int t = len[c]; t < T; t++)
                for (int d = 0; d < OBS; d++) b.reached()[(c * T + t) * OBS + d] = (float) (100 * junk.nextGaussian());
        Sectar ma = model(12), mb = model(12);
        new DecoderFit(ma, 16, 1e-2).fit(a, 3, new SplittableRandom(13));
        new DecoderFit(mb, 16, 1e-2).fit(b, 3, new SplittableRandom(13));
        assertSameState(ma.state(), mb.state());
        // and the counted steps do matter
        b.reached()[0] += 1;
        Sectar mc = model(12);
        new DecoderFit(mc, 16, 1e-2).fit(b, 3, new SplittableRandom(13));
        assertFalse(java.util.Arrays.equals(ma.state().get("dec.logSigma"), mc.state().get("dec.logSigma")));
    }

    @Test
    void itsAdamStateResumesExactly() {
        PolicyChunks data = chunks(14, lengths(3));
        Sectar whole = model(15);
        DecoderFit fw = new DecoderFit(whole, 8, 1e-2);
        fw.fit(data, 4, new SplittableRandom(16));
        fw.fit(data, 4, new SplittableRandom(17));

        Sectar first = model(15);
        DecoderFit f1 = new DecoderFit(first, 8, 1e-2);
        f1.fit(data, 4, new SplittableRandom(16));
        Sectar resumed = model(99);
        resumed.load(first.state());
        DecoderFit f2 = new DecoderFit(resumed, 8, 1e-2);
        f2.load(f1.state());
        f2.fit(data, 4, new SplittableRandom(17));
        assertSameState(whole.state(), resumed.state());
        assertSameState(fw.state(), f2.state());
    }

    @Test
    void badSettingsAndDataAreRejectedNamingThem() {
        assertThrows(IllegalArgumentException.class, () -> new DecoderFitConfig(-1, 64, 1e-3, true, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DecoderFitConfig(5, 64, 1e-3, false, false));
        assertTrue(e.getMessage().contains("decoderFit.steps") && e.getMessage().contains("decoderFit.consistency"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DecoderFitConfig(5, 0, 1e-3, true, false));
        assertTrue(e.getMessage().contains("decoderFit.batch") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DecoderFitConfig(5, 8, 0, true, false));
        assertTrue(e.getMessage().contains("decoderFit.learningRate"), e.getMessage());
        assertFalse(new DecoderFitConfig(0, 64, 1e-3, false, false).on(), "0 steps is off, sources or not");

        Sectar m = model(18);
        DecoderFit fit = new DecoderFit(m, 8, 1e-3);
        int[] tooLong = lengths(T);
        tooLong[3] = T + 1;
        PolicyChunks ok = chunks(19, lengths(T)), bad = new PolicyChunks(N, ok.s0(), ok.z(), ok.reached(), tooLong);
        e = assertThrows(IllegalArgumentException.class, () -> fit.fit(bad, 1, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("chunk 3") && e.getMessage().contains("1.." + T), e.getMessage());
        PolicyChunks shortZ = new PolicyChunks(N, new float[N * OBS], new float[N], new float[N * T * OBS], lengths(T));
        e = assertThrows(IllegalArgumentException.class, () -> fit.fit(shortZ, 1, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("z"), e.getMessage());
        assertTrue(Double.isNaN(fit.fit(PolicyChunks.none(), 3, new SplittableRandom(1))), "no chunks, no fit");
    }
}

package sectar.agent.loop;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The learned prior fits a state-conditioned latent and proposes from it. */
class LearnedPriorTest {
    /** Pairs where z depends on the state: z = (2 s_x, -2 s_y, 0, ...) plus small noise. */
    private static void fill(LearnedPrior p, int n, SplittableRandom rng) {
        float[] s = new float[n * 2], z = new float[n * 8];
        for (int i = 0; i < n; i++) {
            s[2 * i] = (float) (2 * rng.nextDouble() - 1);
            s[2 * i + 1] = (float) (2 * rng.nextDouble() - 1);
            z[8 * i] = 2 * s[2 * i] + (float) (0.05 * rng.nextGaussian());
            z[8 * i + 1] = -2 * s[2 * i + 1] + (float) (0.05 * rng.nextGaussian());
        }
        p.add(s, z, n);
    }

    @Test
    void fittingLowersTheNllAndDrawsFollowTheState() {
        LearnedPrior p = new LearnedPrior(2, 8, new int[] {32, 32}, 2000, 128, 0.0, 3e-3, new SplittableRandom(1));
        fill(p, 2000, new SplittableRandom(2));
        double first = p.fit(1, new SplittableRandom(3)), last = Double.NaN;
        for (int i = 0; i < 30; i++) last = p.fit(20, new SplittableRandom(10 + i));
        assertTrue(last < first - 5, "NLL should fall by more than 5 nats: " + first + " -> " + last);
        float[] s = {0.5f, 0.5f}, z = new float[8];
        double mean0 = 0, mean1 = 0;
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            p.sample(s, 1, rng, z, 0, 8);
            mean0 += z[0] / 200;
            mean1 += z[1] / 200;
        }
        assertEquals(1.0, mean0, 0.3, "E[z0 | s] should be near 2 * 0.5");
        assertEquals(-1.0, mean1, 0.3, "E[z1 | s] should be near -2 * 0.5");
    }

    @Test
    void itsGaussianFollowsTheStateAndItsDensityIsTheMixtureItDrawsFrom() {
        // two priors with the same weights and data, one drawing only from the network, one mixing in N(0, I)
        LearnedPrior pure = new LearnedPrior(2, 8, new int[] {32, 32}, 2000, 128, 0.0, 3e-3, new SplittableRandom(1));
        LearnedPrior mixed = new LearnedPrior(2, 8, new int[] {32, 32}, 2000, 128, 0.3, 3e-3, new SplittableRandom(1));
        for (LearnedPrior p : new LearnedPrior[] {pure, mixed}) {
            fill(p, 2000, new SplittableRandom(2));
            for (int i = 0; i < 30; i++) p.fit(20, new SplittableRandom(10 + i));
        }
        float[] s = {0.5f, 0.5f, -0.5f, 0.25f};
        double[] mean = new double[16], std = new double[16];
        pure.gaussian(s, 2, mean, std);
        assertEquals(1.0, mean[0], 0.3, "mu_0(s) should be near 2 * 0.5");
        assertEquals(-0.5, mean[9], 0.3, "mu_1(s') should be near -2 * 0.25");
        assertTrue(std[0] < 0.5, "the fitted spread of z0 should be small, got " + std[0]);
        // at the mean and 3 sigma away in every coordinate: a Gaussian's log density differs by 8 x 4.5 nats
        float[] z = new float[16];
        for (int j = 0; j < 8; j++) {
            z[j] = (float) mean[j];
            z[8 + j] = (float) (mean[j] + 3 * std[j]);
        }
        float[] sameS = {0.5f, 0.5f, 0.5f, 0.5f};
        double[] lp = new double[2], lm = new double[2];
        pure.logDensity(sameS, z, 2, lp);
        assertEquals(36.0, lp[0] - lp[1], 1e-3);
        mixed.logDensity(sameS, z, 2, lm);
        for (int i = 0; i < 2; i++) {
            double normal = sectar.agent.api.LatentPrior.standardNormalLogDensity(z, 8 * i, 8);
            assertEquals(Math.log(0.7 * Math.exp(lp[i]) + 0.3 * Math.exp(normal)), lm[i], 1e-9, "mixture density of draw " + i);
        }
    }

    @Test
    void mixOneIsTheStandardNormalAndEmptyPriorsFallBackToIt() {
        LearnedPrior empty = new LearnedPrior(2, 8, new int[] {8}, 10, 4, 0.0, 1e-3, new SplittableRandom(1));
        float[] z = new float[8 * 500], s = new float[2 * 500];
        empty.sample(s, 500, new SplittableRandom(5), z, 0, 8);
        double m = 0, v = 0;
        for (float x : z) m += x / z.length;
        for (float x : z) v += (x - m) * (x - m) / z.length;
        assertEquals(0, m, 0.05);
        assertEquals(1, v, 0.1);
        assertThrows(IllegalArgumentException.class, () -> new LearnedPrior(2, 8, new int[] {8}, 10, 4, 1.5, 1e-3, new SplittableRandom(1)));
    }

    @Test
    void stateRoundTripsExactly() {
        LearnedPrior a = new LearnedPrior(2, 8, new int[] {8}, 50, 16, 0.2, 1e-3, new SplittableRandom(1));
        fill(a, 70, new SplittableRandom(2));
        a.fit(5, new SplittableRandom(3));
        LearnedPrior b = new LearnedPrior(2, 8, new int[] {8}, 50, 16, 0.2, 1e-3, new SplittableRandom(99));
        b.load(a.state());
        assertEquals(a.size(), b.size());
        assertEquals(a.fit(3, new SplittableRandom(7)), b.fit(3, new SplittableRandom(7)), 0.0);
        float[] za = new float[8 * 10], zb = new float[8 * 10], s = new float[20];
        a.sample(s, 10, new SplittableRandom(8), za, 0, 8);
        b.sample(s, 10, new SplittableRandom(8), zb, 0, 8);
        assertArrayEquals(za, zb);
    }
}

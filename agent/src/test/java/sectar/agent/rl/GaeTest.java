package sectar.agent.rl;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class GaeTest {
    @Test
    void matchesAHandComputationWithACritic() {
        double g = 0.9, l = 0.8;
        double[] r = {1, 0, 2};
        double[] v = {0.5, 0.25, 1.0};
        double last = 0.75; // truncated: bootstrap from V(s_3)
        double d2 = 2 + g * last - 1.0;
        double d1 = 0 + g * 1.0 - 0.25;
        double d0 = 1 + g * 0.25 - 0.5;
        double a2 = d2, a1 = d1 + g * l * a2, a0 = d0 + g * l * a1;
        double[] adv = Gae.advantages(r, v, new double[] {last}, new int[] {3}, g, l);
        assertArrayEquals(new double[] {a0, a1, a2}, adv, 1e-12);
        assertArrayEquals(new double[] {a0 + 0.5, a1 + 0.25, a2 + 1.0}, Gae.returns(adv, v), 1e-12);
    }

    @Test
    void zeroBaselineIsTheDiscountedSumTruncatedAtEachTrajectoryEnd() {
        double g = 0.99, l = 0.95, gl = g * l;
        double[] r = {0, 0, 1, /* second trajectory */ 2, 0};
        double[] adv = Gae.advantages(r, null, null, new int[] {3, 2}, g, l);
        assertArrayEquals(new double[] {gl * gl, gl, 1, 2, 0}, adv, 1e-12);
    }

    @Test
    void normalisedAdvantagesHaveZeroMeanAndUnitStd() {
        double[] n = Gae.normalise(new double[] {1, 2, 3, 4});
        double mean = 0, sq = 0;
        for (double x : n) mean += x / n.length;
        for (double x : n) sq += (x - mean) * (x - mean) / n.length;
        assertEquals(0, mean, 1e-12);
        assertEquals(1, Math.sqrt(sq), 1e-4);
    }

    @Test
    void rejectsLengthsThatDoNotCoverTheRewards() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gae.advantages(new double[3], null, null, new int[] {2}, 0.99, 0.95));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("3"), e.getMessage());
    }
}

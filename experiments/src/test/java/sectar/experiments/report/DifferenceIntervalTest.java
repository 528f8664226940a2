package sectar.experiments.report;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The Welch interval of a difference of means, checked against a hand computation. */
class DifferenceIntervalTest {
    @Test
    void equalSpreadsGiveTheHandComputedInterval() {
        // means 2 and 5, variances 1 and 1, n 3 and 3: se = sqrt(2/3), Welch df = 4, t(0.975, 4) = 2.7764451
        DifferenceInterval d = DifferenceInterval.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95);
        double half = 2.7764451 * Math.sqrt(2.0 / 3);
        assertEquals(-3, d.difference(), 1e-12);
        assertEquals(-3 - half, d.low(), 1e-6);
        assertEquals(-3 + half, d.high(), 1e-6);
        assertTrue(d.below() && !d.above());
        assertTrue(d.toString().contains("(excludes 0)"), d.toString());
    }

    @Test
    void overlappingSettingsDoNotExcludeZeroAndOneSeedGivesNoInterval() {
        DifferenceInterval d = DifferenceInterval.of(new double[] {1, 3, 5}, new double[] {2, 3, 4}, 0.95);
        assertFalse(d.above() || d.below(), d.toString());
        DifferenceInterval one = DifferenceInterval.of(new double[] {4}, new double[] {1, 2}, 0.95);
        assertEquals(2.5, one.difference(), 1e-12);
        assertTrue(Double.isNaN(one.low()) && !one.above(), one.toString());
        assertTrue(one.toString().contains("needs 2 seeds"), one.toString());
        assertEquals("-", DifferenceInterval.of(new double[] {1, 2}, new double[] {Double.NaN}, 0.95).toString(), "a side without values");
    }
}

package sectar.experiments.campaign;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import sectar.sim.Seeds;

/** The campaign's statistics against values computed by hand on small fixed data. */
class StatisticsTest {
    private static final double EPS = 1e-12;

    @Test
    void interquartileMeanCutsAQuarterFromEachEnd() {
        // 8 values: cut 2 each side, mean of 3, 4, 5, 6
        assertEquals(4.5, Statistics.iqm(new double[] {8, 1, 7, 2, 6, 3, 5, 4}), EPS);
        // 10 values: floor(2.5) = 2 cut each side, mean of 3..8 = 5.5; the outlier 1000 is cut
        assertEquals(5.5, Statistics.iqm(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 1000}), EPS);
        // 5 values: 1 cut each side, mean of 2, 3, 10 = 5
        assertEquals(5.0, Statistics.iqm(new double[] {10, 3, 2, 100, -50}), EPS);
        // 3 values: nothing cut, the mean
        assertEquals(2.0, Statistics.iqm(new double[] {1, 2, 3}), EPS);
        assertTrue(Double.isNaN(Statistics.iqm(new double[0])));
        assertThrows(IllegalArgumentException.class, () -> Statistics.trimmedMean(new double[] {1}, 0.5));
    }

    @Test
    void tIntervalIsTheStudentTBand() {
        // {1, 2, 3}: mean 2, sd 1, t(0.975, 2) = 4.302652729911275, half-width 4.3026527 / sqrt(3) = 2.4841377
        Statistics.Interval ci = Statistics.tInterval(new double[] {1, 2, 3}, 0.95);
        assertEquals(2.0, ci.estimate(), EPS);
        assertEquals(4.302652729911275 / Math.sqrt(3), ci.hi() - 2.0, 1e-9);
        assertEquals(2.0 - 4.302652729911275 / Math.sqrt(3), ci.lo(), 1e-9);
        // {0, 4}: mean 2, sd 2.8284271, t(0.975, 1) = 12.706204736174698, half 12.7062047 * 2.8284271 / sqrt(2) = 25.4124095
        assertEquals(25.412409472349396, Statistics.tInterval(new double[] {0, 4}, 0.95).hi() - 2, 1e-9);
        Statistics.Interval one = Statistics.tInterval(new double[] {7}, 0.95);
        assertEquals(7, one.lo(), EPS);
        assertEquals(7, one.hi(), EPS);
    }

    @Test
    void stratifiedBootstrapKeepsEachStratumsRuns() {
        // Strata {0, 0} and {1, 1}: every stratified resample holds two 0s and two 1s, so the mean is always 0.5
        // (an unstratified resample of the four values would range from 0 to 1).
        Statistics.Interval fixed = Statistics.stratifiedBootstrap(List.of(new double[] {0, 0}, new double[] {1, 1}),
                Statistics::mean, 0.95, 2000, Seeds.rng(1, "test/bootstrap"));
        assertEquals(0.5, fixed.estimate(), EPS);
        assertEquals(0.5, fixed.lo(), EPS);
        assertEquals(0.5, fixed.hi(), EPS);
        // Strata {0, 1} and {5, 5}: the first stratum's resampled mean is 0, 0.5 or 1 (probabilities 1/4, 1/2, 1/4),
        // so the pooled mean (2 m + 10) / 4 is 2.5, 2.75 or 3.0; the 2.5% and 97.5% percentiles are 2.5 and 3.0.
        Statistics.Interval ci = Statistics.stratifiedBootstrap(List.of(new double[] {0, 1}, new double[] {5, 5}),
                Statistics::mean, 0.95, 4000, Seeds.rng(1, "test/bootstrap"));
        assertEquals(2.75, ci.estimate(), EPS);
        assertEquals(2.5, ci.lo(), EPS);
        assertEquals(3.0, ci.hi(), EPS);
    }

    @Test
    void bootstrapPercentilesAreNumpysLinearOnes() {
        // One stratum {0, 1, 2, 3} of the IQM with a 50% interval: the percentiles of the resampled IQMs are
        // checked against R-7 on the same resamples drawn by hand from the same stream.
        double[] data = {0, 1, 2, 3};
        int reps = 101;
        Statistics.Interval ci = Statistics.stratifiedBootstrap(List.of(data), Statistics::iqm, 0.5, reps, Seeds.rng(3, "t"));
        java.util.SplittableRandom rng = Seeds.rng(3, "t");
        double[] stats = new double[reps];
        for (int r = 0; r < reps; r++) {
            double[] s = new double[4];
            for (int i = 0; i < 4; i++) s[i] = data[rng.nextInt(4)];
            stats[r] = Statistics.iqm(s);
        }
        java.util.Arrays.sort(stats);
        // R-7 with 101 values: the p-th percentile is exactly order statistic p (0-based), for p = 25 and 75
        assertEquals(stats[25], ci.lo(), EPS);
        assertEquals(stats[75], ci.hi(), EPS);
        assertEquals(1.5, ci.estimate(), EPS);
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        List<double[]> strata = List.of(new double[] {0.1, 0.7, 0.3}, new double[] {0.9, 0.2});
        Statistics.Interval a = Statistics.stratifiedBootstrap(strata, Statistics::iqm, 0.95, 500, Seeds.rng(9, "x"));
        Statistics.Interval b = Statistics.stratifiedBootstrap(strata, Statistics::iqm, 0.95, 500, Seeds.rng(9, "x"));
        assertEquals(a, b);
        assertThrows(IllegalArgumentException.class,
                () -> Statistics.stratifiedBootstrap(List.of(new double[0]), Statistics::mean, 0.95, 10, Seeds.rng(9, "x")));
    }
}

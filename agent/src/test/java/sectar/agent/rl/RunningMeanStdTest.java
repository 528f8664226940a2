package sectar.agent.rl;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The batch-merged running moments equal the moments of everything at once, and round-trip exactly. */
class RunningMeanStdTest {
    @Test
    void mergedBatchesGiveTheMomentsOfTheWhole() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] all = new double[300][2];
        for (double[] row : all) {
            row[0] = 3 + 2 * rng.nextGaussian();
            row[1] = -1 + 0.1 * rng.nextDouble();
        }
        RunningMeanStd s = new RunningMeanStd(2);
        s.update(java.util.Arrays.copyOfRange(all, 0, 7));
        s.update(java.util.Arrays.copyOfRange(all, 7, 200));
        s.update(java.util.Arrays.copyOfRange(all, 200, 300));
        for (int d = 0; d < 2; d++) {
            double mean = 0, var = 0;
            for (double[] row : all) mean += row[d] / all.length;
            for (double[] row : all) var += (row[d] - mean) * (row[d] - mean) / all.length;
            assertEquals(mean, s.mean(d), 1e-12);
            assertEquals(var, s.variance(d), 1e-12);
        }
        assertEquals(300, s.count());
        RunningMeanStd back = new RunningMeanStd(2);
        back.load(s.state());
        assertArrayEquals(s.state(), back.state(), 0.0);
    }

    @Test
    void badStatesAreRejectedNamingTheValue() {
        RunningMeanStd s = new RunningMeanStd(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.load(new double[] {1, 0, -2}));
        assertTrue(e.getMessage().contains("-2.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.load(new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new RunningMeanStd(0));
    }
}

package sectar.agent.loop;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;

/** The explorer's state-novelty bonus: high where the explorer has not been, low where its predictor trained. */
class StateNoveltyTest {
    /** Rollouts of {@code len} steps wandering near {@code (cx, cy)}. */
    private static List<List<double[]>> rollouts(double cx, double cy, int count, int len, SplittableRandom rng) {
        List<List<double[]>> out = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            List<double[]> r = new ArrayList<>();
            for (int i = 0; i <= len; i++) r.add(new double[] {cx + rng.nextDouble() - 0.5, cy + rng.nextDouble() - 0.5});
            out.add(r);
        }
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v / x.length;
        return s;
    }

    @Test
    void trainedStatesAreLessNovelThanUnvisitedOnes() {
        SplittableRandom rng = new SplittableRandom(3);
        StateNovelty n = new StateNovelty(2, Fixtures.rnd(), 1e-5, new SplittableRandom(1));
        double first = Double.NaN, last = Double.NaN;
        for (int it = 0; it < 8; it++) {
            List<List<double[]>> visited = rollouts(-2, -2, 10, 40, rng);
            double[][] b = n.bonus(visited);
            assertEquals(10, b.length);
            assertEquals(40, b[0].length, "one bonus per step: the state arrived in");
            double loss = n.train(visited, 10, 100, rng);
            if (it == 0) first = loss;
            last = loss;
        }
        assertTrue(last < 0.3 * first, "the predictor fits the visited states: loss " + first + " -> " + last);
        double[][] seen = new double[200][], unseen = new double[200][];
        for (int i = 0; i < 200; i++) {
            seen[i] = new double[] {-2 + rng.nextDouble() - 0.5, -2 + rng.nextDouble() - 0.5};
            unseen[i] = new double[] {2 + rng.nextDouble() - 0.5, 2 + rng.nextDouble() - 0.5};
        }
        double mSeen = mean(n.novelty(seen)), mUnseen = mean(n.novelty(unseen));
        assertTrue(mUnseen > 5 * mSeen, "novelty where trained " + mSeen + ", elsewhere " + mUnseen);
    }

    @Test
    void theBonusIsScaledByItsReturnsStd() {
        // states 100x farther apart give the same scaled bonus scale: the observations are normalised and the
        // bonus is divided by the running std of its discounted return
        double a = scaledMean(1), b = scaledMean(100);
        assertTrue(a > 0 && b > 0 && Math.abs(Math.log(a / b)) < Math.log(1.5), "scaled bonus " + a + " against " + b);
    }

    private static double scaledMean(double scale) {
        SplittableRandom rng = new SplittableRandom(7);
        StateNovelty n = new StateNovelty(2, Fixtures.rnd(), 1e-5, new SplittableRandom(1));
        List<List<double[]>> r = rollouts(0, 0, 5, 30, rng);
        for (List<double[]> roll : r) for (double[] s : roll) for (int d = 0; d < 2; d++) s[d] *= scale;
        double sum = 0;
        int k = 0;
        for (double[] row : n.bonus(r))
            for (double v : row) {
                sum += v;
                k++;
            }
        return sum / k;
    }

    @Test
    void aBonusWithoutItsNetworksIsRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ExplorerConfig(5, 2, new int[] {16}, 0, 0, 0, 1).withRnd(0.5, null));
        assertTrue(e.getMessage().contains("explorer.rnd") && e.getMessage().contains("0.5"), e.getMessage());
        var neg = assertThrows(IllegalArgumentException.class,
                () -> new ExplorerConfig(5, 2, new int[] {16}, 0, 0, 0, 1).withRnd(-1, Fixtures.rnd()));
        assertTrue(neg.getMessage().contains("explorer.rndWeight") && neg.getMessage().contains("-1"), neg.getMessage());
    }
}

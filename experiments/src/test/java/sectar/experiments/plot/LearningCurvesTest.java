package sectar.experiments.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurvesTest {
    /** Two-sided 95% Student-t quantiles from printed tables: t_{0.975,1} and t_{0.975,2}. */
    private static final double T1 = 12.7062, T2 = 4.3027;

    @TempDir Path tmp;

    /** A run folder with the given config JSON and rows of (iteration, env_steps, return). */
    private Path run(String name, String config, double[] steps, double[] returns) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("config.json"), config);
        StringBuilder csv = new StringBuilder("iteration,env_steps,return\n");
        for (int i = 0; i < steps.length; i++) csv.append(i + 1).append(',').append(steps[i]).append(',').append(returns[i]).append('\n');
        Files.writeString(dir.resolve("metrics.csv"), csv);
        return dir;
    }

    private static String config(int seed, double lr, String task) {
        return "{\"seed\":" + seed + ",\"algo\":\"ppo\",\"lr\":" + lr
                + ",\"env\":{\"task\":\"" + task + "\",\"seed\":" + (seed + 100) + "}}";
    }

    private static YIntervalSeriesCollection dataOf(JFreeChart chart) {
        return (YIntervalSeriesCollection) chart.getXYPlot().getDataset();
    }

    private static double[][] series(YIntervalSeriesCollection d, int s) {
        int n = d.getItemCount(s);
        double[][] out = new double[4][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = d.getXValue(s, i);
            out[1][i] = d.getYValue(s, i);
            out[2][i] = d.getStartYValue(s, i);
            out[3][i] = d.getEndYValue(s, i);
        }
        return out;
    }

    @Test
    void threeSeedsGiveMeanAndStudentTBandOneSeedGivesLineOnly() throws IOException {
        double[] x = {0, 100, 200};
        run("a/ppo__seed1", config(1, 0.1, "waypoint"), x, new double[] {1, 2, 3});
        run("a/ppo__seed2", config(2, 0.1, "waypoint"), x, new double[] {3, 4, 5});
        run("b/deeper/ppo__seed3", config(3, 0.1, "waypoint"), x, new double[] {2, 6, 7});
        run("c/ppo__seed1", config(1, 0.2, "waypoint"), x, new double[] {10, 11, 12});
        List<Curve> curves = LearningCurves.compute(List.of(tmp), "env_steps", "return");
        YIntervalSeriesCollection d = dataOf(LearningCurves.chart(curves, "env_steps", "return", "t"));

        assertEquals(2, d.getSeriesCount());
        assertEquals("lr=0.1 (n=3)", d.getSeriesKey(0));
        assertEquals("lr=0.2 (n=1)", d.getSeriesKey(1));
        double[][] a = series(d, 0);
        assertArrayEquals(x, a[0]);
        assertArrayEquals(new double[] {2, 4, 5}, a[1], 1e-12);
        double[] sd = {1, 2, 2}; // sample standard deviations of the three seeds at each x
        for (int i = 0; i < 3; i++) {
            double half = T2 * sd[i] / Math.sqrt(3);
            assertEquals(a[1][i] - half, a[2][i], 1e-3, "lo at " + i);
            assertEquals(a[1][i] + half, a[3][i], 1e-3, "hi at " + i);
        }
        double[][] b = series(d, 1);
        assertArrayEquals(new double[] {10, 11, 12}, b[1], 1e-12);
        assertArrayEquals(b[1], b[2], 0.0, "single seed: no band");
        assertArrayEquals(b[1], b[3], 0.0);
        assertArrayEquals(new int[] {3, 3, 3}, curves.get(0).n());
    }

    @Test
    void groupsByConfigExceptSeedAtAnyDepth() throws IOException {
        double[] x = {0, 1};
        run("r1", config(1, 0.1, "waypoint"), x, new double[] {0, 1});
        run("r2", config(2, 0.1, "waypoint"), x, new double[] {0, 1});
        run("r3", config(1, 0.1, "block"), x, new double[] {0, 1});
        run("r4", "{\"algo\":\"ppo\",\"lr\":0.1,\"env\":{\"seed\":7,\"task\":\"block\"},\"seed\":9}", x, new double[] {0, 1});
        List<Curve> curves = LearningCurves.compute(List.of(tmp), "env_steps", "return");
        assertEquals(2, curves.size());
        assertEquals("env.task=waypoint", curves.get(0).label());
        assertEquals(List.of("r1", "r2"), curves.get(0).runs().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals("env.task=block", curves.get(1).label());
        assertEquals(2, curves.get(1).runs().size(), "field order and seed values do not matter");
    }

    @Test
    void unequalLengthsUseTheSeedsThatReachEachXWithInterpolation() throws IOException {
        run("long", config(1, 0.1, "w"), new double[] {0, 100, 200, 300}, new double[] {0, 1, 2, 3});
        run("short", config(2, 0.1, "w"), new double[] {0, 150}, new double[] {10, 40});
        Curve c = LearningCurves.compute(List.of(tmp), "env_steps", "return").get(0);
        assertArrayEquals(new double[] {0, 100, 150, 200, 300}, c.x());
        // at 100 the short run is interpolated: 10 + (100/150) * 30 = 30; at 150 the long one: 1.5
        assertArrayEquals(new double[] {5, 15.5, 20.75, 2, 3}, c.mean(), 1e-12);
        assertArrayEquals(new int[] {2, 2, 2, 1, 1}, c.n());
        double half0 = T1 * Math.sqrt(50) / Math.sqrt(2); // values 0 and 10: sample sd = sqrt(50)
        assertEquals(5 - half0, c.lo()[0], 1e-2);
        assertEquals(2, c.lo()[3], 0.0);
        assertEquals(3, c.hi()[4], 0.0);
        assertEquals("long (n=2)", c.legend(), "one group: labelled by run name");
    }

    @Test
    void nanReturnsAreSkipped() throws IOException {
        run("ppo__seed1__x", config(1, 0.1, "w"), new double[] {0, 10, 20}, new double[] {1, Double.NaN, 3});
        Curve c = LearningCurves.compute(List.of(tmp), "env_steps", "return").get(0);
        assertArrayEquals(new double[] {0, 20}, c.x());
        assertEquals("ppo", c.label());
    }

    @Test
    void writesAPngAndFailsClearlyOnBadInput() throws IOException {
        run("x/r1", config(1, 0.1, "w"), new double[] {0, 10}, new double[] {1, 2});
        Path png = tmp.resolve("plots/return.png");
        List<Curve> curves = LearningCurves.plot(List.of(tmp.resolve("x")), LearningCurves.DEFAULT_X, LearningCurves.DEFAULT_Y, png);
        assertEquals(1, curves.size());
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));

        var col = assertThrows(IllegalArgumentException.class,
                () -> LearningCurves.compute(List.of(tmp.resolve("x")), "env_steps", "success"));
        assertTrue(col.getMessage().contains("metrics.csv") && col.getMessage().contains("success"), col.getMessage());
        Files.createDirectories(tmp.resolve("empty"));
        assertThrows(IllegalArgumentException.class, () -> LearningCurves.findRuns(List.of(tmp.resolve("empty"))));
        Files.delete(tmp.resolve("x/r1/config.json"));
        var cfg = assertThrows(IllegalArgumentException.class, () -> LearningCurves.compute(List.of(tmp.resolve("x")), "env_steps", "return"));
        assertTrue(cfg.getMessage().contains("config.json"), cfg.getMessage());
    }
}

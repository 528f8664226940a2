package sectar.experiments.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lever table reads returns at wall-clock minutes and names each setting's config differences. */
class WallClockTableTest {
    private static void run(Path dir, String config, double... wallAndReturn) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), config);
        StringBuilder sb = new StringBuilder("iteration,env_steps,wall_s,return\n");
        for (int i = 0; i < wallAndReturn.length; i += 2)
            sb.append(i / 2 + 1).append(",0,").append(wallAndReturn[i]).append(',').append(wallAndReturn[i + 1]).append('\n');
        Files.writeString(dir.resolve("metrics.csv"), sb.toString());
    }

    @Test
    void meansOverTheWindowAndSeedsWithTheirDifferences(@TempDir Path root) throws Exception {
        String base = "{\"seed\":1,\"mpc\":{\"horizon\":5}}", lever = "{\"seed\":1,\"mpc\":{\"horizon\":2}}";
        run(root.resolve("base/s1"), base, 100, 1.0, 250, 2.0, 290, 4.0, 590, 5.0);
        run(root.resolve("base/s2"), base.replace("1,", "2,"), 280, 2.0, 600, 7.0);
        run(root.resolve("h2/s1"), lever, 299, 6.0);
        assertEquals(3.0, WallClockTable.at(root.resolve("base/s1"), "return", 5, 1), 1e-12, "rows at 250 s and 290 s");
        assertTrue(Double.isNaN(WallClockTable.at(root.resolve("h2/s1"), "return", 10, 1)), "the run ended before 9 minutes");
        List<WallClockTable.Setting> s = WallClockTable.settings(root, "base");
        assertEquals(List.of("base", "h2"), s.stream().map(WallClockTable.Setting::name).toList());
        assertEquals("", s.get(0).differences());
        assertEquals("mpc.horizon=2", s.get(1).differences());
        String md = WallClockTable.markdown(s, "return", new double[] {5, 10}, 1);
        assertTrue(md.contains("| base | 2 | 2.50 ±"), md);
        assertTrue(md.contains("| h2 | 1 | 6.00 ± 0.00 (1) | - |"), md);
    }

    @Test
    void atIterationsWithTheFinalDifferenceFromTheBaseline(@TempDir Path root) throws Exception {
        String base = "{\"seed\":1,\"mpc\":{\"horizon\":5}}", lever = "{\"seed\":1,\"mpc\":{\"horizon\":2}}";
        run(root.resolve("base/s1"), base, 900, 1.0, 1900, 2.0);
        run(root.resolve("base/s2"), base, 800, 2.0, 1700, 3.0);
        run(root.resolve("h2/s1"), lever, 10, 5.0, 20, 6.0);
        run(root.resolve("h2/s2"), lever, 15, 6.0, 30, 7.0);
        assertEquals(2.0, WallClockTable.at(root.resolve("base/s1"), "return", 2, 1, WallClockTable.Axis.ITERATIONS), 1e-12,
                "iteration 2, whatever its wall clock");
        String md = WallClockTable.markdown(WallClockTable.settings(root, "base"), "return", new double[] {1, 2}, 1, 0.5,
                WallClockTable.Axis.ITERATIONS, "base");
        assertTrue(md.contains("return at 1 it") && md.contains("final minus base [95% Welch]"), md);
        assertTrue(md.contains("| base | 2 | 1.50 ±"), md);
        // finals (last half = last row): base 2 and 3, h2 6 and 7: +4 with equal spreads, Welch df 2
        assertTrue(md.contains("+4.00 [" + String.format("%.2f", 4 - 4.3026527 * Math.sqrt(0.5)) + ", "), md);
        assertTrue(md.contains("(excludes 0)"), md);
    }

    @Test
    void finalsAtACommonBudgetIgnoreTheIterationsARunWasContinuedFor(@TempDir Path root) throws Exception {
        String base = "{\"seed\":1,\"mpc\":{\"horizon\":5}}", lever = "{\"seed\":1,\"mpc\":{\"horizon\":2}}";
        run(root.resolve("base/s1"), base, 1, 1.0, 2, 2.0, 3, 3.0, 4, 9.0);
        run(root.resolve("base/s2"), base, 1, 1.0, 2, 3.0, 3, 4.0);
        run(root.resolve("h2/s1"), lever, 1, 5.0, 2, 6.0);
        Path continued = root.resolve("base/s1");
        assertEquals(9.0, WallClockTable.last(continued, "return", 0.25), 1e-12, "without a budget: the run's own last quarter");
        assertEquals(2.5, WallClockTable.last(continued, "return", 0.5, 3), 1e-12,
                "as if stopped after iteration 3: the last half of 3 rows rounds to 2 (iterations 2-3)");
        assertTrue(Double.isNaN(WallClockTable.last(root.resolve("h2/s1"), "return", 0.5, 3)), "a run that ended at 2 has no final at 3");
        String md = WallClockTable.markdown(WallClockTable.settings(root, "base"), "return", new double[] {1}, 1, 0.5,
                WallClockTable.Axis.ITERATIONS, "base", 3);
        assertTrue(md.contains("| base | 2 | 1.00 ± 0.00 (2) | 3.00 ± "), "finals 2.5 and 3.5 at iteration 3, not 9: " + md);
        assertTrue(md.contains("| h2 | 1 | 5.00 ± 0.00 (1) | - |"), md);
    }

    @Test
    void aBaselineWrittenBeforeAFieldExistedDiffersOnlyInWhatTheLeverSwitches(@TempDir Path root) throws Exception {
        // a committed SeCTAR run whose config predates the explorer levers, and the same config with one switched on
        Path old = Path.of("../results/levers/wheeled-i1/base/s101");
        String config = Files.readString(old.resolve("config.json"));
        String meta = "{\"algo\":\"sectar\"}";
        Files.createDirectories(root.resolve("base/s101"));
        Files.writeString(root.resolve("base/s101/config.json"), config);
        Files.writeString(root.resolve("base/s101/metadata.json"), meta);
        Files.copy(old.resolve("metrics.csv"), root.resolve("base/s101/metrics.csv"));
        assertFalse(config.contains("ouTheta"), "the committed run predates the field");
        Files.createDirectories(root.resolve("ou/s102"));
        Files.writeString(root.resolve("ou/s102/config.json"),
                config.replace("\"actionRepeat\"", "\"ouTheta\" : 0.1, \"actionRepeat\"").replace("\"iterations\" : 29", "\"iterations\" : 15"));
        Files.writeString(root.resolve("ou/s102/metadata.json"), meta);
        Files.copy(old.resolve("metrics.csv"), root.resolve("ou/s102/metrics.csv"));
        List<WallClockTable.Setting> s = WallClockTable.settings(root, "base");
        assertEquals("explorer.ouTheta=0.1", s.get(1).differences(), "neither the fields added since nor the planned iterations");
    }

    @Test
    void longValuesAreShortenedInTheDifferences(@TempDir Path root) throws Exception {
        String goals = "0.6845,1.5565,1.1366,1.8819,-1.2252,-0.5196,0.0144,-1.0652";
        run(root.resolve("base/s1"), "{\"seed\":1,\"goals\":[0.1]}", 60, 1.0);
        run(root.resolve("other/s1"), "{\"seed\":1,\"goals\":[" + goals + "]}", 60, 1.0);
        String d = WallClockTable.settings(root, "base").get(1).differences();
        assertEquals("goals=" + goals.substring(0, WallClockTable.MAX_VALUE_CHARS - 3) + "...", d);
    }
}

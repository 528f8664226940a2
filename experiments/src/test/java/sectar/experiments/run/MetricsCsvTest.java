package sectar.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {
    @TempDir Path dir;

    private static LinkedHashMap<String, Object> row(int it, long steps, double ret) {
        LinkedHashMap<String, Object> r = new LinkedHashMap<>();
        r.put("iteration", it);
        r.put("env_steps", steps);
        r.put("return", ret);
        r.put("vae/kl", it * 0.1f);
        return r;
    }

    @Test
    void roundTripKeepsHeaderOrderAndValues() throws IOException {
        Path f = dir.resolve("metrics.csv");
        MetricsCsv csv = new MetricsCsv(f);
        csv.append(row(1, 380, 0.25));
        csv.append(row(2, 760, Double.NaN));
        csv.append(row(3, 1140, Double.NEGATIVE_INFINITY));
        assertEquals("iteration,env_steps,return,vae/kl", Files.readAllLines(f).get(0));
        MetricsCsv.Table t = MetricsCsv.read(f);
        assertEquals(List.of("iteration", "env_steps", "return", "vae/kl"), t.columns());
        assertArrayEquals(new double[] {1, 2, 3}, t.column("iteration"));
        assertArrayEquals(new double[] {380, 760, 1140}, t.column("env_steps"));
        assertArrayEquals(new double[] {0.25, Double.NaN, Double.NEGATIVE_INFINITY}, t.column("return"));
        assertEquals(0.3f, (float) t.column("vae/kl")[2]);
        assertEquals(3, new MetricsCsv(f).lastIteration(), "reopening adopts the file");
    }

    @Test
    void textCellsParseAsDoubles() throws IOException {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "iteration,a,b,c,d\n1,nan,inf,-Infinity,\n2,x,true,1e3, 7 \n");
        MetricsCsv.Table t = MetricsCsv.read(f);
        assertTrue(Double.isNaN(t.rows().get(0)[1]));
        assertEquals(Double.POSITIVE_INFINITY, t.rows().get(0)[2]);
        assertEquals(Double.NEGATIVE_INFINITY, t.rows().get(0)[3]);
        assertTrue(Double.isNaN(t.rows().get(0)[4]), "empty cell");
        assertTrue(Double.isNaN(t.rows().get(1)[1]), "non-numeric text");
        assertArrayEquals(new double[] {2, Double.NaN, 1, 1000, 7}, t.rows().get(1));
    }

    @Test
    void rowWithDifferentColumnsIsRefusedClearly() throws IOException {
        Path f = dir.resolve("metrics.csv");
        MetricsCsv csv = new MetricsCsv(f);
        csv.append(row(1, 10, 1));
        LinkedHashMap<String, Object> bad = row(2, 20, 2);
        bad.remove("vae/kl");
        bad.put("vae/recon", 3.0);
        var e = assertThrows(IllegalArgumentException.class, () -> csv.append(bad));
        assertTrue(e.getMessage().contains("missing [vae/kl]") && e.getMessage().contains("unexpected [vae/recon]")
                && e.getMessage().contains(f.toString()), e.getMessage());
        assertEquals(2, Files.readAllLines(f).size(), "nothing appended");
        // the same columns in another map type and order are fine
        Map<String, Object> shuffled = new HashMap<>(row(2, 20, 2));
        csv.append(shuffled);
        assertArrayEquals(new double[] {1, 2}, MetricsCsv.read(f).column("iteration"));
    }

    @Test
    void aRowWithNewColumnsWidensTheHeaderAndEarlierRowsReadNaN() throws IOException {
        Path f = dir.resolve("metrics.csv");
        new MetricsCsv(f).append(row(1, 10, 1));
        MetricsCsv resumed = new MetricsCsv(f); // a newer version that logs one column more resumes the run
        LinkedHashMap<String, Object> wider = row(2, 20, 2);
        wider.put("pd_loglik", -1.5);
        resumed.append(wider);
        MetricsCsv.Table t = MetricsCsv.read(f);
        assertEquals("pd_loglik", t.columns().get(t.columns().size() - 1));
        double[] added = t.column("pd_loglik");
        assertTrue(Double.isNaN(added[0]), "the earlier row has no value");
        assertEquals(-1.5, added[1]);
        assertArrayEquals(new double[] {1, 2}, t.column("iteration"));
    }

    @Test
    void aRefusedFirstRowLeavesNoHalfHeader() throws IOException {
        Path f = dir.resolve("metrics.csv");
        MetricsCsv csv = new MetricsCsv(f);
        LinkedHashMap<String, Object> bad = row(1, 10, 1);
        bad.put("note", "a,b");
        assertThrows(IllegalArgumentException.class, () -> csv.append(bad));
        assertEquals(List.of(), csv.columns());
        assertFalse(Files.exists(f));
        csv.append(row(1, 10, 1));
        assertEquals("iteration,env_steps,return,vae/kl", Files.readAllLines(f).get(0));
    }

    @Test
    void refusesRepeatedIterationUnorderedFirstRowAndCommas() {
        MetricsCsv csv = new MetricsCsv(dir.resolve("metrics.csv"));
        assertThrows(IllegalArgumentException.class, () -> csv.append(Map.of("iteration", 1, "return", 2.0)));
        LinkedHashMap<String, Object> noIter = new LinkedHashMap<>(Map.of("return", 1.0));
        assertThrows(IllegalArgumentException.class, () -> csv.append(noIter));
        csv.append(row(5, 10, 1));
        var e = assertThrows(IllegalArgumentException.class, () -> csv.append(row(5, 20, 1)));
        assertTrue(e.getMessage().contains("iteration 5"), e.getMessage());
        LinkedHashMap<String, Object> comma = row(6, 20, 1);
        comma.put("vae/kl", "a,b");
        assertThrows(IllegalArgumentException.class, () -> csv.append(comma));
    }

    @Test
    void truncateAfterKeepsRowsUpToTheCheckpointAndResumeContinues() throws IOException {
        Path f = dir.resolve("metrics.csv");
        MetricsCsv csv = new MetricsCsv(f);
        for (int it = 1; it <= 6; it++) csv.append(row(it, it * 100L, it));
        // a crashed run after iteration 6, resumed from the checkpoint of iteration 4
        MetricsCsv resumed = new MetricsCsv(f);
        resumed.truncateAfter(4);
        assertEquals(4, resumed.lastIteration());
        assertThrows(IllegalArgumentException.class, () -> resumed.append(row(4, 400, 4)), "no repeats");
        resumed.append(row(5, 500, 50));
        resumed.append(row(6, 600, 60));
        MetricsCsv.Table t = MetricsCsv.read(f);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.column("iteration"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 50, 60}, t.column("return"));
        resumed.truncateAfter(0);
        assertEquals(List.of("iteration,env_steps,return,vae/kl"), Files.readAllLines(f));
        assertEquals(Long.MIN_VALUE, resumed.lastIteration());
        assertEquals(1, dir.toFile().list().length, "no temp files left");
    }

    @Test
    void tornLastLineIsDroppedOnOpen() throws IOException {
        Path f = dir.resolve("metrics.csv");
        MetricsCsv csv = new MetricsCsv(f);
        csv.append(row(1, 100, 1));
        csv.append(row(2, 200, 2));
        Files.writeString(f, "3,30", java.nio.file.StandardOpenOption.APPEND); // killed mid-row
        MetricsCsv reopened = new MetricsCsv(f);
        assertEquals(2, reopened.lastIteration());
        reopened.append(row(3, 300, 3));
        assertArrayEquals(new double[] {100, 200, 300}, MetricsCsv.read(f).column("env_steps"));
        assertFalse(Files.readString(f).contains("3,30\n3"));
    }

    @Test
    void malformedRowNamesFileAndLine() throws IOException {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "iteration,a\n1,2\n2\n");
        var e = assertThrows(IllegalArgumentException.class, () -> MetricsCsv.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("line 3"), e.getMessage());
    }
}

package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.tensorboard.EventFiles;
import sectar.experiments.tensorboard.RunScalars;
import sectar.experiments.tensorboard.TagGroups;
import sectar.experiments.train.Algorithm;

/**
 * Every baseline's {@code sectar train} writes an event file with each metrics column under a named
 * group, and {@code sectar export-tb} rebuilds the same scalars for a run folder that has none.
 * (SeCTAR's columns, and what TensorBoard itself reads, are checked by TensorBoardReaderTest.)
 */
class ExportTbCliTest {
    @TempDir Path tmp;

    private Path train(Algorithm algo) {
        Path run = tmp.resolve(algo.word());
        List<String> args = new ArrayList<>(List.of("train", "waypoint", "--algo", algo.word(), "--threads", "1", "--out", run.toString()));
        args.addAll(algo.countsIterations() ? List.of("--iterations", "1") : List.of("--env-steps", "100"));
        CliTest.Result r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return run;
    }

    @Test
    void everyBaselineWritesEveryColumnAsATagInANamedGroup() {
        for (Algorithm algo : Algorithm.values()) {
            if (algo == Algorithm.sectar) continue;
            Path run = train(algo);
            MetricsCsv.Table t = MetricsCsv.read(run.resolve(RunDirectory.METRICS));
            Set<String> expected = new LinkedHashSet<>();
            for (int i = 0; i < t.columns().size(); i++) {
                String tag = TagGroups.tag(t.columns().get(i));
                assertFalse(tag.startsWith(TagGroups.OTHER + "/"), algo + ": column " + t.columns().get(i) + " has no named group");
                if (!Double.isNaN(t.rows().get(0)[i])) expected.add(tag);
            }
            RunScalars s = RunScalars.load(run);
            assertEquals(expected, s.tags().keySet(), algo.word());
            assertEquals((long) t.column("env_steps")[0], s.tags().get("episode/return").get(0).step(), algo + ": step is env steps");
        }
    }

    @Test
    void exportTbWritesTheLiveScalarsForARunWithoutEventsAndSkipsOneWithThem() throws Exception {
        Path live = train(Algorithm.ppo);
        Path copy = Files.createDirectories(tmp.resolve("committed").resolve("ppo").resolve("i0-s1"));
        for (String f : List.of(RunDirectory.CONFIG, RunDirectory.METADATA, RunDirectory.METRICS)) Files.copy(live.resolve(f), copy.resolve(f));

        CliTest.Result r = CliTest.run("export-tb", tmp.resolve("committed").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("exported 1 of 1 run(s)"), r.out());
        assertEquals(RunScalars.load(live), RunScalars.load(copy), "the scalars, steps and wall times the live run wrote");

        CliTest.Result again = CliTest.run("export-tb", copy.toString(), live.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("skipped " + copy.toAbsolutePath()) && again.out().contains("exported 0 of 2 run(s)"), again.out());

        Path before = EventFiles.list(copy).get(0);
        CliTest.Result forced = CliTest.run("export-tb", "--force", copy.toString());
        assertEquals(0, forced.code(), forced.err());
        List<Path> after = EventFiles.list(copy);
        assertEquals(1, after.size());
        assertFalse(after.get(0).equals(before), "replaced by a new file");
        assertEquals(RunScalars.load(live), RunScalars.load(copy));
    }

    @Test
    void badRunFoldersAreOneLineErrors() throws Exception {
        CliTest.assertUserError(CliTest.run("export-tb", tmp.resolve("absent").toString()), "absent");
        Path noMetadata = Files.createDirectories(tmp.resolve("bare"));
        Files.writeString(noMetadata.resolve(RunDirectory.METRICS), "iteration,env_steps\n1,5\n");
        CliTest.assertUserError(CliTest.run("export-tb", noMetadata.toString()), "metadata.json");
        assertTrue(EventFiles.list(noMetadata).isEmpty(), "nothing written");
    }
}

package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.campaign.CampaignRecord;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.run.RunMetadata;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.Preset;
import sectar.experiments.train.Presets;
import sectar.experiments.train.Trainer;
import sectar.experiments.train.TrainingLoop;

/**
 * Results that travel: the committed run folders name no machine's absolute paths, and a copy of
 * results/ moved anywhere still reports, resumes and renders.
 */
class MovedResultsTest {
    /** The repository's committed results (tests run in the module's folder). */
    private static final Path RESULTS = Path.of("..", "results");

    private static List<Path> files(Path root, String name) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(name) && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static void assertNoAbsolutePath(List<String> args, Path where) {
        for (String a : args) {
            String value = a.startsWith("--") && a.contains("=") ? a.substring(a.indexOf('=') + 1) : a;
            assertFalse(value.startsWith("/") || value.matches("[A-Za-z]:\\\\.*"), where + " names an absolute path: " + a);
        }
    }

    @Test
    void committedRunsAndCampaignsNameFoldersRelativeToTheRepository() throws IOException {
        List<Path> metadata = files(RESULTS, RunDirectory.METADATA);
        assertTrue(metadata.size() > 100, "the committed run folders are found: " + metadata.size());
        for (Path m : metadata) {
            RunMetadata md = RunMetadata.read(m); // every committed run folder still parses
            assertFalse(md.task().isBlank() || md.algo().isBlank(), m.toString());
            assertNoAbsolutePath(List.of(md.command().split(" ")), m);
            ConfigJson.read(Algorithm.named(md.algo()), m.resolveSibling(RunDirectory.CONFIG)); // and its config.json, as resume reads it
        }
        List<Path> campaigns = files(RESULTS, CampaignRecord.FILE);
        assertFalse(campaigns.isEmpty());
        for (Path c : campaigns) {
            Map<String, List<String>> runs = new ObjectMapper().readValue(c.toFile(), new TypeReference<>() {});
            runs.values().forEach(args -> assertNoAbsolutePath(args, c));
        }
    }

    @Test
    void aCommittedCampaignCopiedElsewhereReportsTheSameAndIsNotTrainedAgain(@TempDir Path tmp) throws IOException {
        Path original = RESULTS.resolve("waypoint");
        Path copy = tmp.resolve("somewhere").resolve("waypoint");
        copyTree(original, copy);

        CliTest.Result here = CliTest.run("report", original.toString(), "--reps", "200");
        CliTest.Result there = CliTest.run("report", copy.toString(), "--reps", "200");
        assertEquals(0, here.code(), here.err());
        assertEquals(0, there.code(), there.err());
        assertEquals(here.out(), there.out(), "the copy reports what the committed folder does");

        Path run = copy.resolve("sectar").resolve("i0-s1");
        byte[] metrics = Files.readAllBytes(run.resolve(RunDirectory.METRICS));
        CliTest.Result r = CliTest.run("resume", run.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("already finished"), r.out());
        assertArrayEquals(metrics, Files.readAllBytes(run.resolve(RunDirectory.METRICS)), "a finished run kept without its checkpoint is left as it is");
    }

    @Test
    void aRunMovedToAnotherFolderResumesAndRenders(@TempDir Path tmp) throws IOException {
        Algorithm algo = Algorithm.ppo;
        long envSteps = 3L * 8 * 380; // three iterations of the cpu preset's 8 waypoint episodes
        Path first = tmp.resolve("a").resolve("results").resolve("run");
        Record cfg = Presets.build(algo, Preset.cpu, "waypoint", 0, 3, 1, envSteps);
        // stopped after its first checkpoint and closed without completing: a failed run resume continues
        try (RunDirectory started = RunDirectory.builder("waypoint", algo.word(), 3).out(first).gitDir(first).start(cfg);
             Trainer t = algo.trainer(cfg, false)) {
            TrainingLoop loop = new TrainingLoop(t);
            started.metrics().append(loop.step());
            loop.checkpoint(ConfigJson.write(cfg)).write(started.file(TrainingLoop.CHECKPOINT));
        }
        Path moved = tmp.resolve("b").resolve("elsewhere");
        Files.createDirectories(moved.getParent());
        Files.move(tmp.resolve("a"), moved);
        Path run = moved.resolve("results").resolve("run");

        CliTest.Result r = CliTest.run("resume", run.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("after iteration 1"), r.out());
        assertEquals(3, MetricsCsv.read(run.resolve(RunDirectory.METRICS)).rows().size());
        Path png = tmp.resolve("moved.png");
        CliTest.Result drawn = CliTest.run("render", "waypoint", "--checkpoint", run.toString(), "--out", png.toString());
        assertEquals(0, drawn.code(), drawn.err());
        assertTrue(Files.size(png) > 1000, "a picture was written");
    }

    @Test
    void aRunStartedWithAnAbsoluteFolderInsideTheWorkingDirectoryRecordsItRelative() throws IOException {
        Path out = Path.of("target", "moved-results-test", "run").toAbsolutePath();
        try {
            CliTest.Result r = CliTest.run("train", "waypoint", "--algo", "ppo", "--env-steps", "100", "--out", out.toString(), "--force");
            assertEquals(0, r.code(), r.err());
            String command = RunMetadata.read(out.resolve(RunDirectory.METADATA)).command();
            assertTrue(command.endsWith("--out " + Path.of("target", "moved-results-test", "run") + " --force"), command);
        } finally {
            deleteTree(out.getParent());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = new ArrayList<>(s.toList());
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) Files.createDirectories(target);
            else Files.copy(p, target);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

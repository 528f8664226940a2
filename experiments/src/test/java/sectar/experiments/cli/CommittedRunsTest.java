package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.Preset;
import sectar.experiments.train.Presets;
import sectar.experiments.train.SectarRunConfig;
import sectar.experiments.train.Trainer;
import sectar.experiments.train.TrainingLoop;
import sectar.planner.SearchConfig;
import sectar.sim.tasks.Tasks;

/**
 * The runs committed under {@code results/} stay readable: {@code sectar resume} and
 * {@code render --checkpoint} read every one's config.json as its algorithm's config, including runs
 * written before fields they lack existed, and a resumed folder keeps its config.json as written.
 */
class CommittedRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path results() {
        return Path.of(System.getProperty("basedir", ".")).resolve("../results").normalize();
    }

    /** Every run folder under results/: a config.json beside a metadata.json naming the algorithm. */
    private static List<Path> committedRuns() throws IOException {
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(results())) {
            for (Path f : (Iterable<Path>) s::iterator)
                if (f.getFileName().toString().equals(RunDirectory.CONFIG) && Files.isRegularFile(f.resolveSibling(RunDirectory.METADATA)))
                    runs.add(f.getParent());
        }
        return runs;
    }

    private static Algorithm algorithmOf(Path run) throws IOException {
        return Algorithm.named(JSON.readTree(run.resolve(RunDirectory.METADATA).toFile()).path("algo").asText());
    }

    @Test
    void everyCommittedConfigReadsAsItsAlgorithmsConfig() throws IOException {
        List<Path> runs = committedRuns();
        assertTrue(runs.size() >= 100, "expected the committed campaigns' runs under " + results() + ", found " + runs.size());
        List<String> broken = new ArrayList<>();
        for (Path run : runs) {
            try {
                Algorithm algo = algorithmOf(run);
                Record cfg = ConfigJson.read(algo, run.resolve(RunDirectory.CONFIG));
                assertInstanceOf(algo.configType(), cfg);
            } catch (RuntimeException e) {
                broken.add(run + ": " + e.getMessage());
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    @Test
    void searchesWrittenAsAWordWithCemsFieldsBesideItReadAsTheirTypedSearch() {
        SectarRunConfig cem = (SectarRunConfig) ConfigJson.read(Algorithm.sectar, 
                results().resolve("waypoint-compare/sectar-cem").resolve(RunDirectory.CONFIG));
        assertEquals(new SearchConfig.Cem(4, 16, false), cem.mpc().search(), "warmStart was not written yet: false");
        SectarRunConfig cmaes = (SectarRunConfig) ConfigJson.read(Algorithm.sectar, 
                results().resolve("levers/cmaes/waypoint/cmaes/s1").resolve(RunDirectory.CONFIG));
        assertEquals(new SearchConfig.CmaEs(4, true), cmaes.mpc().search(), "CEM's iterations were CMA-ES's generations");
        SectarRunConfig shooting = (SectarRunConfig) ConfigJson.read(Algorithm.sectar, 
                results().resolve("waypoint/sectar/i0-s1").resolve(RunDirectory.CONFIG));
        assertEquals(new SearchConfig.Shooting(), shooting.mpc().search());
    }

    @Test
    void anEmbeddedInstanceIsWrittenBackAsItWasCommitted() throws IOException {
        Path file = results().resolve("swimmer/sectar/i0-s1").resolve(RunDirectory.CONFIG);
        JsonNode committed = ConfigJson.readTree(file).get("taskInstance");
        assertNotNull(committed);
        Record cfg = ConfigJson.read(Algorithm.sectar, file);
        assertEquals(committed, JSON.readTree(ConfigJson.write(cfg)).get("taskInstance"));
    }

    /** Small configs of each algorithm, so one iteration is quick; columns do not depend on sizes. */
    private static final Map<Algorithm, List<String>> SMALL = Map.of(
            Algorithm.sectar, List.of("model.encoderHidden=8", "model.decoderHidden=8", "model.batchSize=8", "mpc.episodes=1",
                    "mpc.candidates=8", "mpc.segments=2", "explorer.starts=4", "explorer.segments=1", "vaePasses=1",
                    "vaeStepsPerPass=1", "consistencyRollouts=2"),
            Algorithm.ppo, List.of("envs=2"), Algorithm.trpo, List.of("envs=2"), Algorithm.ppo_rnd, List.of("envs=2"),
            Algorithm.mpc1step, List.of("initialPaths=1", "pathsPerIteration=1", "candidates=8", "epochs=1"));

    /** Columns logged since the committed runs were written (a resumed committed run appends them to its header). */
    private static final List<String> ADDED_SINCE = List.of("pd_loglik", "plan_log_prior", "archive_cells");

    @Test
    void everyAlgorithmWritesTheColumnsOfItsCommittedRuns() throws IOException {
        for (Algorithm algo : Algorithm.values()) {
            Path committed = results().resolve("swimmer").resolve(algo.word()).resolve("i0-s1").resolve(RunDirectory.METRICS);
            List<String> columns = MetricsCsv.read(committed).columns();
            Record cfg = Presets.build(algo, Preset.cpu, Tasks.instance("waypoint", 0), 1, 1, 1, SMALL.get(algo));
            try (Trainer t = algo.trainer(cfg, false)) {
                List<String> today = new ArrayList<>(new TrainingLoop(t).step().keySet());
                today.removeAll(ADDED_SINCE);
                assertEquals(columns, today, algo + ": the columns of " + committed + " (besides those added since)");
            }
        }
    }

    /** A copy of a committed run folder (config.json, metadata.json, metrics.csv). */
    private static Path copy(Path run, Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : List.of(RunDirectory.CONFIG, RunDirectory.METADATA, RunDirectory.METRICS))
            Files.copy(run.resolve(f), to.resolve(f));
        return to;
    }

    @Test
    void aRunWrittenBeforeTheLearnedPriorRendersFromItsCheckpointAndResumesInItsFolder(@TempDir Path tmp) throws IOException {
        Path committed = results().resolve("waypoint-sectar-cpu");
        assertFalse(ConfigJson.readTree(committed.resolve(RunDirectory.CONFIG)).has("prior"), "the run predates the prior");
        Path run = copy(committed, tmp.resolve("run"));
        JsonNode written = ConfigJson.readTree(run.resolve(RunDirectory.CONFIG));
        SectarRunConfig cfg = (SectarRunConfig) ConfigJson.read(Algorithm.sectar, run.resolve(RunDirectory.CONFIG));
        assertFalse(cfg.prior().learned(), "a run before the learned prior planned from N(0, I)");
        // the checkpoint a fresh trainer of this config writes (no committed run keeps its checkpoint)
        try (Trainer t = Algorithm.sectar.trainer(cfg, true)) {
            new TrainingLoop(t).checkpoint(ConfigJson.write(cfg)).write(run.resolve(TrainingLoop.CHECKPOINT));
        }
        Path png = tmp.resolve("episode.png");
        CliTest.Result r = CliTest.run("render", "waypoint", "--checkpoint", run.toString(), "--size", "64", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 0);

        // resume opens the folder with the config.json it holds, which stays as written
        try (RunDirectory opened = RunDirectory.builder("waypoint", "sectar", cfg.seed()).out(run).resume(true).gitDir(tmp)
                .start(written)) {
            assertEquals(written, ConfigJson.readTree(opened.dir().resolve(RunDirectory.CONFIG)));
        }
    }
}

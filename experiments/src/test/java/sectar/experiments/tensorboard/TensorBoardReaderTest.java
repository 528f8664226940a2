package sectar.experiments.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sectar.experiments.campaign.ChildRun;
import sectar.experiments.cli.Main;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;

/**
 * What TensorBoard itself shows ({@code tensorboard_view.py}: its EventMultiplexer and EventAccumulator,
 * in a venv this test makes when needed) for a campaign folder, a SeCTAR run killed with SIGKILL past a
 * checkpoint and resumed, and a run whose events came from {@code export-tb}: every metrics.csv column
 * as a tag, at env steps, with the row's value and the run's start plus wall_s, each step once.
 */
class TensorBoardReaderTest {
    /** SeCTAR small enough for a few seconds of iterations (as the campaign kill test's). */
    private static final List<String> TINY_SECTAR = List.of("model.encoderHidden=16", "model.decoderHidden=16", "model.batchSize=16",
            "mpc.episodes=2", "mpc.candidates=16", "mpc.segments=3", "explorer.starts=8", "explorer.segments=2",
            "explorer.hidden=16", "vaePasses=2", "vaeStepsPerPass=2", "validationBatches=1", "validationBatch=4", "consistencyRollouts=4");
    private static final int CHECKPOINT_EVERY = 5, KILL_AFTER_ROWS = 6, ITERATIONS = 12;

    @TempDir static Path tmp;
    private static Path campaign, killed, exported;
    private static Instant killedStart;
    private static int rowsAtKill;
    private static JsonNode view;

    @BeforeAll
    static void runEverythingThenAskTensorBoard() throws Exception {
        campaign = tmp.resolve("waypoint");
        cli("experiment", "waypoint", "--algos", "ppo,trpo", "--seeds", "2", "--instances", "0", "--env-steps", "3000",
                "--out", campaign.toString());

        killed = tmp.resolve("killed");
        killRunAndResume(killed.resolve("sectar").resolve("i0-s1"));

        exported = tmp.resolve("exported");
        Path from = campaign.resolve("ppo").resolve("i0-s1"), to = Files.createDirectories(exported.resolve("ppo").resolve("i0-s1"));
        for (String f : List.of(RunDirectory.CONFIG, RunDirectory.METADATA, RunDirectory.METRICS)) Files.copy(from.resolve(f), to.resolve(f));
        cli("export-tb", exported.toString());

        Path json = tmp.resolve("view.json");
        TensorBoardPython.script("/tensorboard/tensorboard_view.py",
                List.of(json.toString(), campaign.toString(), killed.toString(), exported.toString()), tmp);
        view = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(json.toFile());
    }

    /**
     * Trains SeCTAR in its own JVM, checkpointing every {@value #CHECKPOINT_EVERY} iterations, kills it
     * with SIGKILL once its event file holds {@value #KILL_AFTER_ROWS} rows (events past its checkpoint),
     * then resumes it to the end.
     */
    private static void killRunAndResume(Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("train", "waypoint", "--algo", "sectar", "--iterations", Integer.toString(ITERATIONS),
                "--threads", "1", "--set", "checkpointEvery=" + CHECKPOINT_EVERY, "--out", dir.toString()));
        for (String s : TINY_SECTAR) args.addAll(List.of("--set", s));
        Path log = tmp.resolve("killed.log");
        Process p = new ProcessBuilder(ChildRun.command(args, 0)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (eventRows(dir) < KILL_AFTER_ROWS) {
            assertTrue(p.isAlive(), "the run ended before it was killed:\n" + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "no " + KILL_AFTER_ROWS + " rows in time:\n" + Files.readString(log));
            Thread.sleep(10);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        p.waitFor();
        rowsAtKill = eventRows(dir);
        killedStart = RunDirectory.started(dir);
        cli("resume", dir.toString(), "--threads", "1");
    }

    /** The last iteration in the run's event file, read while it is being written. */
    private static int eventRows(Path dir) {
        List<Path> files = EventFiles.list(dir);
        if (files.isEmpty()) return 0;
        List<Event> events = EventFiles.read(files.get(0)).events();
        Float iteration = events.get(events.size() - 1).scalars().get("progress/iteration");
        return iteration == null ? 0 : iteration.intValue();
    }

    private static void cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute(args), String.join(" ", args) + "\n" + out + err);
    }

    @Test
    void aCampaignFolderShowsEveryRunAsAlgoSlashInstanceSeedWithEveryColumn() throws Exception {
        JsonNode runs = view.get(campaign.toString()).get("runs");
        assertEquals(Set.of("ppo/i0-s1", "ppo/i0-s2", "trpo/i0-s1", "trpo/i0-s2"), names(runs));
        for (String run : names(runs)) {
            Path dir = campaign.resolve(run);
            assertShowsMetrics(runs.get(run), dir, RunDirectory.started(dir));
        }
        assertFilesAreTensorBoardsOwnBytes(campaign, 4);
    }

    @Test
    void aRunKilledPastItsCheckpointAndResumedShowsEachStepOnce() throws Exception {
        assertTrue(rowsAtKill % CHECKPOINT_EVERY != 0 && rowsAtKill < 2 * CHECKPOINT_EVERY,
                rowsAtKill + " rows at the kill: the killed process must have written past its checkpoint at " + CHECKPOINT_EVERY);
        Path dir = killed.resolve("sectar").resolve("i0-s1");
        List<Path> files = EventFiles.list(dir);
        assertEquals(2, files.size(), "the killed process's file and the resumed one's");
        List<Event> killedEvents = EventFiles.read(files.get(0)).events();
        assertEquals(rowsAtKill, killedEvents.get(killedEvents.size() - 1).scalars().get("progress/iteration"),
                "the killed file holds rows past the checkpoint, for TensorBoard to drop");
        assertEquals(ITERATIONS, MetricsCsv.read(dir.resolve(RunDirectory.METRICS)).rows().size());

        JsonNode runs = view.get(killed.toString()).get("runs");
        assertEquals(Set.of("sectar/i0-s1"), names(runs));
        assertShowsMetrics(runs.get("sectar/i0-s1"), dir, killedStart);
        assertSameAsOwnReader(runs.get("sectar/i0-s1"), RunScalars.load(dir));
        assertFilesAreTensorBoardsOwnBytes(killed, 2);
    }

    @Test
    void exportedEventsShowWhatTheLiveRunShowed() throws Exception {
        JsonNode runs = view.get(exported.toString()).get("runs");
        assertEquals(Set.of("ppo/i0-s1"), names(runs));
        JsonNode live = view.get(campaign.toString()).get("runs").get("ppo/i0-s1");
        assertEquals(live, runs.get("ppo/i0-s1"), "the same tags, steps, wall times and values");
        assertShowsMetrics(runs.get("ppo/i0-s1"), exported.resolve("ppo").resolve("i0-s1"), RunDirectory.started(exported.resolve("ppo/i0-s1")));
        assertFilesAreTensorBoardsOwnBytes(exported, 1);
    }

    /** Every column is a tag in a named group with one point per row (a NaN cell none), at env steps and start + wall_s. */
    private static void assertShowsMetrics(JsonNode run, Path dir, Instant start) {
        MetricsCsv.Table t = MetricsCsv.read(dir.resolve(RunDirectory.METRICS));
        double t0 = start.getEpochSecond() + start.getNano() / 1e9;
        double[] steps = t.column("env_steps"), wall = t.column("wall_s");
        Set<String> tags = new LinkedHashSet<>();
        for (String column : t.columns()) {
            String tag = TagGroups.tag(column);
            assertFalse(tag.startsWith(TagGroups.OTHER + "/"), dir + ": column " + column + " has no named group");
            double[] v = t.column(column);
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < v.length; i++) if (!Double.isNaN(v[i])) rows.add(i);
            if (rows.isEmpty()) continue;
            tags.add(tag);
            JsonNode points = run.get("scalars").get(tag);
            assertTrue(points != null, dir + ": TensorBoard has no tag " + tag);
            assertEquals(rows.size(), points.size(), dir + " " + tag + ": one point per row, each step once");
            for (int k = 0; k < rows.size(); k++) {
                int i = rows.get(k);
                JsonNode p = points.get(k);
                assertEquals((long) steps[i], p.get(0).asLong(), dir + " " + tag + " step of row " + (i + 1));
                assertEquals(t0 + wall[i], p.get(1).asDouble(), 1e-6, dir + " " + tag + " wall time of row " + (i + 1));
                assertEquals((float) v[i], (float) p.get(2).asDouble(), dir + " " + tag + " value of row " + (i + 1));
            }
        }
        assertEquals(tags, names(run.get("scalars")), dir + ": the tags are exactly the numeric columns");
        assertEquals(t0, run.get("first_event").asDouble(), 1e-6, dir + ": the run starts at its start time");
    }

    private static void assertSameAsOwnReader(JsonNode run, RunScalars own) {
        assertEquals(names(run.get("scalars")), new TreeSet<>(own.tags().keySet()));
        own.tags().forEach((tag, points) -> {
            JsonNode tb = run.get("scalars").get(tag);
            assertEquals(points.size(), tb.size(), tag);
            for (int i = 0; i < points.size(); i++) {
                assertEquals(points.get(i).step(), tb.get(i).get(0).asLong(), tag);
                assertEquals(points.get(i).value(), (float) tb.get(i).get(2).asDouble(), tag);
            }
        });
    }

    private static void assertFilesAreTensorBoardsOwnBytes(Path logdir, int files) {
        JsonNode checked = view.get(logdir.toString()).get("files_reframed_equal");
        assertEquals(files, checked.size(), checked.toString());
        checked.fields().forEachRemaining(f -> assertTrue(f.getValue().asBoolean(),
                f.getKey() + ": TensorBoard's Event proto and RecordWriter give other bytes (encoding or CRC differs)"));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

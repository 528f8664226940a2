package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.FlatConfig;
import sectar.experiments.train.Preset;
import sectar.experiments.train.Presets;
import sectar.experiments.train.Trainer;
import sectar.experiments.train.TrainingLoop;
import sectar.sim.TaskInstance;
import sectar.sim.tasks.Tasks;

/** {@code --instances-file}: a user layout is checked, trains end to end, and its run resumes without the file. */
class InstancesFileCliTest {
    /** Six goals and 5-segment episodes: a run that used the bundled instance instead would log other numbers. */
    private static final String LAYOUT = """
            {"task": "waypoint", "source": "a test layout", "parameters": {"episode_segments": 5},
             "instances": [{"start": [2.8, -2.8], "goals": [[2, -2], [1, -1], [0, 0], [-1, 1], [-2, 2], [-2.8, 2.8]]}]}
            """;
    private static final long ENV_STEPS = 3L * 8 * 95; // 8 envs x 1 episode of 95 steps, 3 iterations

    @Test void aUserInstanceTrainsEndToEndAndResumesWithoutTheFile(@TempDir Path tmp) throws Exception {
        Path layout = tmp.resolve("layout.json");
        Files.writeString(layout, LAYOUT);
        Path whole = tmp.resolve("whole"), broken = tmp.resolve("broken");
        CliTest.Result t = CliTest.run("train", "waypoint", "--algo", "ppo", "--seed", "4", "--instances-file",
                layout.toString(), "--env-steps", Long.toString(ENV_STEPS), "--out", whole.toString());
        assertEquals(0, t.code(), t.err());
        FlatConfig cfg = ConfigJson.read(whole.resolve(RunDirectory.CONFIG), FlatConfig.class);
        TaskInstance embedded = cfg.taskInstance();
        assertEquals(Tasks.instance("waypoint", layout, 0), embedded, "config.json holds the whole instance");
        assertEquals(95, cfg.taskSpec().episodeSteps());
        assertArrayEquals(new double[] {2.8, -2.8}, cfg.taskSpec().start());

        // what a kill -9 after iteration 1's checkpoint leaves, for the same config train built
        Record same = Presets.build(Algorithm.ppo, Preset.cpu, embedded, 4, 20, ENV_STEPS);
        String json = ConfigJson.write(same);
        assertEquals(Files.readString(whole.resolve(RunDirectory.CONFIG)).strip(), json.strip());
        RunDirectory run = RunDirectory.builder("waypoint", "ppo", 4).out(broken).gitDir(broken).start(same);
        try (Trainer trainer = Algorithm.ppo.trainer(same, true)) {
            TrainingLoop loop = new TrainingLoop(trainer);
            run.metrics().append(loop.step());
            loop.checkpoint(json).write(run.file(TrainingLoop.CHECKPOINT));
            run.metrics().append(loop.step());
        }
        Files.delete(layout);
        CliTest.Result r = CliTest.run("resume", broken.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        MetricsCsv.Table a = MetricsCsv.read(whole.resolve(RunDirectory.METRICS));
        MetricsCsv.Table b = MetricsCsv.read(broken.resolve(RunDirectory.METRICS));
        assertEquals(3, b.rows().size());
        for (String col : a.columns())
            if (!col.equals("wall_s")) assertArrayEquals(a.column(col), b.column(col), "column " + col + " after resume");
        assertArrayEquals(new double[] {760, 1520, 2280}, b.column("env_steps"), "95-step episodes of the user layout");
    }

    @Test void checkEnvAndRenderTakeAUserFile(@TempDir Path tmp) throws Exception {
        Path layout = tmp.resolve("layout.json");
        Files.writeString(layout, LAYOUT);
        CliTest.Result c = CliTest.run("check-env", "waypoint", "--instances-file", layout.toString(), "--episodes", "1");
        assertEquals(0, c.code(), c.out() + c.err());
        assertTrue(c.out().contains("waypoint instance 0: ok  expert 2.00"), c.out());
        assertFalse(c.out().contains("instance 1"), "only the file's instances: " + c.out());

        Path png = tmp.resolve("expert.png");
        CliTest.Result r = CliTest.run("render", "waypoint", "--policy", "expert", "--instances-file", layout.toString(),
                "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 0);
        assertTrue(r.out().contains("return 2"), r.out());
    }

    @Test void badFilesAreOneLineErrors(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"task\": \"block\", \"instances\": [{\"fist\": [0, 0], \"objects\": [[1, 1]], \"goals\": [[0, 1]]}]}");
        for (String[] args : new String[][] {
                {"check-env", "block", "--instances-file", bad.toString()},
                {"train", "block", "--algo", "ppo", "--instances-file", bad.toString(), "--out", tmp.resolve("r").toString()},
                {"render", "block", "--policy", "random", "--instances-file", bad.toString(), "--out", tmp.resolve("x.png").toString()}}) {
            CliTest.Result r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: " + bad + ": instances[0].objects must be 4 objects, got 1"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("r")), "nothing is written before the file is read");
    }
}

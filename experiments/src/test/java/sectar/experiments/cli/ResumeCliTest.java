package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.Preset;
import sectar.experiments.train.Presets;
import sectar.experiments.train.Trainer;
import sectar.experiments.train.TrainingLoop;

/**
 * The contract a campaign relies on: a run of any baseline killed after a checkpoint (with a row past
 * it already written) continues under {@code sectar resume} to exactly the metrics an uninterrupted
 * {@code sectar train} writes, and {@code render --checkpoint} draws its trained policy.
 */
class ResumeCliTest {
    private static final int ITERATIONS = 3;
    private static final long ENV_STEPS = 3L * 8 * 380; // the cpu preset's 8 envs x 1 waypoint episode, 3 iterations

    private static List<String> budget(Algorithm algo) {
        return algo.countsIterations() ? List.of("--iterations", Integer.toString(ITERATIONS))
                : List.of("--env-steps", Long.toString(ENV_STEPS));
    }

    /**
     * What a kill -9 leaves: iteration 1 checkpointed, iteration 2's row appended, no checkpoint for it,
     * metadata still saying running (the process never closed the run).
     */
    private static void killedRun(Algorithm algo, Path dir) {
        Record cfg = Presets.build(algo, Preset.cpu, "waypoint", 0, 3, ITERATIONS, ENV_STEPS);
        String json = ConfigJson.write(cfg);
        RunDirectory run = RunDirectory.builder("waypoint", algo.word(), 3).out(dir).gitDir(dir).start(cfg);
        try (Trainer trainer = algo.trainer(cfg, true)) {
            TrainingLoop t = new TrainingLoop(trainer);
            run.metrics().append(t.step());
            t.checkpoint(json).write(run.file(TrainingLoop.CHECKPOINT));
            run.metrics().append(t.step());
        }
    }

    private static void assertSameMetrics(Path whole, Path resumed, String algo) {
        MetricsCsv.Table a = MetricsCsv.read(whole.resolve(RunDirectory.METRICS));
        MetricsCsv.Table b = MetricsCsv.read(resumed.resolve(RunDirectory.METRICS));
        assertEquals(a.columns(), b.columns(), algo);
        assertEquals(ITERATIONS, a.rows().size(), algo);
        assertEquals(ITERATIONS, b.rows().size(), algo + ": no iteration lost or repeated");
        assertArrayEquals(new double[] {1, 2, 3}, b.column("iteration"), algo);
        for (String col : a.columns())
            if (!col.equals("wall_s")) assertArrayEquals(a.column(col), b.column(col), algo + ": column " + col + " differs after resume");
    }

    @Test
    void killedPpoTrpoPpoRndAndOneStepRunsResumeToTheUninterruptedMetrics(@TempDir Path tmp) throws Exception {
        for (Algorithm algo : new Algorithm[] {Algorithm.ppo, Algorithm.trpo, Algorithm.ppo_rnd, Algorithm.mpc1step}) {
            Path whole = tmp.resolve(algo + "-whole"), broken = tmp.resolve(algo + "-broken");
            List<String> args = new java.util.ArrayList<>(List.of("train", "waypoint", "--algo", algo.word(), "--seed", "3"));
            args.addAll(budget(algo));
            args.addAll(List.of("--out", whole.toString()));
            CliTest.Result t = CliTest.run(args.toArray(String[]::new));
            assertEquals(0, t.code(), t.err());
            assertTrue(Files.exists(whole.resolve(TrainingLoop.CHECKPOINT)), algo + " writes a checkpoint");

            killedRun(algo, broken);
            CliTest.Result r = CliTest.run("resume", broken.toString(), "--threads", "1");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("after iteration 1"), r.out());
            assertSameMetrics(whole, broken, algo.word());
            assertTrue(Files.readString(broken.resolve(RunDirectory.METADATA)).contains("\"status\" : \"completed\""));

            CliTest.Result again = CliTest.run("resume", broken.toString());
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().contains("already finished"), again.out());
            assertSameMetrics(whole, broken, algo.word());
        }
    }

    /** A kill after the last checkpoint but before complete() leaves a finished run marked running. */
    @Test
    void aFinishedRunKilledBeforeItWasMarkedIsMarkedCompleted(@TempDir Path tmp) throws Exception {
        Algorithm algo = Algorithm.ppo;
        Path dir = tmp.resolve("unmarked");
        Record cfg = Presets.build(algo, Preset.cpu, "waypoint", 0, 3, ITERATIONS, ENV_STEPS);
        String json = ConfigJson.write(cfg);
        RunDirectory run = RunDirectory.builder("waypoint", algo.word(), 3).out(dir).gitDir(dir).start(cfg);
        try (Trainer trainer = algo.trainer(cfg, true)) {
            TrainingLoop t = new TrainingLoop(trainer);
            while (!t.finished()) run.metrics().append(t.step());
            t.checkpoint(json).write(run.file(TrainingLoop.CHECKPOINT));
        }
        assertTrue(Files.readString(dir.resolve(RunDirectory.METADATA)).contains("\"status\" : \"running\""));

        CliTest.Result r = CliTest.run("resume", dir.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("marked it"), r.out());
        assertTrue(Files.readString(dir.resolve(RunDirectory.METADATA)).contains("\"status\" : \"completed\""));
        assertEquals(ITERATIONS, MetricsCsv.read(dir.resolve(RunDirectory.METRICS)).rows().size());
        assertTrue(CliTest.run("resume", dir.toString()).out().contains("already finished"));
    }

    /** A run planned for fewer iterations, extended, ends with the metrics of a run planned for all of them. */
    @Test
    void anExtendedPlanContinuesAFinishedRunToTheLongerRunsMetrics(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole"), shorter = tmp.resolve("shorter");
        assertEquals(0, CliTest.run("train", "waypoint", "--algo", "mpc1step", "--seed", "3", "--iterations",
                Integer.toString(ITERATIONS), "--out", whole.toString()).code());
        CliTest.Result t = CliTest.run("train", "waypoint", "--algo", "mpc1step", "--seed", "3", "--iterations",
                Integer.toString(ITERATIONS - 1), "--out", shorter.toString());
        assertEquals(0, t.code(), t.err());

        CliTest.Result fewer = CliTest.run("resume", shorter.toString(), "--iterations", "1");
        assertEquals(2, fewer.code(), "cannot plan fewer iterations than were done");
        assertTrue(fewer.err().contains("has already done 2 iterations"), fewer.err());

        CliTest.Result r = CliTest.run("resume", shorter.toString(), "--iterations", Integer.toString(ITERATIONS), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("after iteration 2 of 3"), r.out());
        assertSameMetrics(whole, shorter, "extended mpc1step");
        assertEquals(Files.readString(whole.resolve(RunDirectory.CONFIG)), Files.readString(shorter.resolve(RunDirectory.CONFIG)),
                "config.json records the extended plan");
        assertTrue(Files.readString(shorter.resolve(RunDirectory.METADATA)).contains("--iterations"), "metadata records the command");

        Path ppo = tmp.resolve("ppo");
        assertEquals(0, CliTest.run("train", "waypoint", "--algo", "ppo", "--env-steps", "100", "--out", ppo.toString()).code());
        CliTest.Result steps = CliTest.run("resume", ppo.toString(), "--iterations", "5");
        assertEquals(2, steps.code());
        assertTrue(steps.err().contains("budget is in env steps"), steps.err());
    }

    @Test
    void renderCheckpointDrawsFlatAndOneStepPolicies(@TempDir Path tmp) throws Exception {
        for (Algorithm algo : new Algorithm[] {Algorithm.ppo, Algorithm.ppo_rnd, Algorithm.mpc1step}) {
            Path run = tmp.resolve(algo.word());
            List<String> args = new java.util.ArrayList<>(List.of("train", "waypoint", "--algo", algo.word()));
            args.addAll(algo.countsIterations() ? List.of("--iterations", "1") : List.of("--env-steps", "100"));
            args.addAll(List.of("--out", run.toString()));
            assertEquals(0, CliTest.run(args.toArray(String[]::new)).code());
            Path png = tmp.resolve(algo + ".png");
            CliTest.Result r = CliTest.run("render", "waypoint", "--checkpoint", run.toString(), "--out", png.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains(algo.word() + " (iteration 1)"), r.out());
            assertTrue(Files.size(png) > 1000, "a picture was written");
        }
    }
}

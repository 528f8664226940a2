package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;

/** A run stopped after its first checkpoint and resumed ends exactly like an uninterrupted one. */
class SectarResumeTest {
    private static final int ITERATIONS = 3;

    private static Progress quiet() {
        return new Progress("test", ITERATIONS, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false,
                java.time.Duration.ofHours(1), System::nanoTime);
    }

    private static RunDirectory start(Path dir, SectarRunConfig cfg, boolean resume) {
        return RunDirectory.builder(cfg.task(), "sectar", cfg.seed()).out(dir).resume(resume).gitDir(dir).start(cfg);
    }

    /**
     * The released run, then each lever that holds state or draws random numbers switched on: its
     * state must be in the checkpoint and its streams derived from the seed, or the resumed run differs.
     */
    static List<List<String>> levers() {
        return List.of(List.of(),
                List.of("model.freeBits=0.25", "consistencyContrast=3"),
                // the decoder fit's own Adam; chunks of 7 steps make the MPC's chunks shorter than T (19)
                List.of("decoderFit.steps=3", "decoderFit.batch=8", "mpc.executeSteps=7"),
                // the prior distilled from the chosen plans proposing CMA-ES's start, plans paying for their
                // distance from it, replans every 5 steps (pairs start mid-segment)
                List.of("prior.learned=true", "prior.source=plans", "prior.fitSteps=5", "mpc.priorPenalty=0.1",
                        "mpc.search=cmaes", "mpc.executeSteps=5"));
    }

    @ParameterizedTest
    @MethodSource("levers")
    void resumedRunMatchesTheUninterruptedOne(List<String> lever, @TempDir Path tmp) {
        MetricsCsv.Table a = assertResumesExactly(tmp, TinySectar.config(7, ITERATIONS, lever.toArray(String[]::new)));
        if (lever.contains("prior.source=plans")) {
            double[] pairs = a.column("prior_pairs");
            assertTrue(pairs[0] > 0 && pairs[ITERATIONS - 1] > pairs[0], "the prior keeps the chosen latents: "
                    + java.util.Arrays.toString(pairs));
        }
    }

    @Test
    void resumedRunWithTheExplorersLeversMatchesTheUninterruptedOne(@TempDir Path tmp) {
        // a continuous task, so the correlated noise is on too; half the explorer starts come from the archive
        SectarRunConfig cfg = TinySectar.config("wheeled", 7, ITERATIONS, "explorer.resetEntropy=0", "explorer.rndWeight=1",
                "explorer.ouTheta=0.2", "explorer.archiveStarts=0.5");
        MetricsCsv.Table t = assertResumesExactly(tmp, cfg);
        for (double v : t.column("explorer_rnd_bonus")) assertTrue(v > 0, "explorer_rnd_bonus " + v);
        double[] cells = t.column("archive_cells");
        assertTrue(cells[ITERATIONS - 1] > cells[0], "the archive grows: " + java.util.Arrays.toString(cells));
    }

    /** Runs {@code cfg} whole and killed-then-resumed, asserts they agree, and returns the whole run's metrics. */
    private static MetricsCsv.Table assertResumesExactly(Path tmp, SectarRunConfig cfg) {
        String json = ConfigJson.write(cfg);
        Path whole = tmp.resolve("whole"), broken = tmp.resolve("broken");
        try (RunDirectory run = start(whole, cfg, false)) {
            new TrainingLoop(new SectarTrainer(cfg)).run(run, quiet(), json);
            run.complete();
        }
        // The "killed" run: iteration 1 checkpointed, iteration 2's row written, then the process dies.
        try (RunDirectory run = start(broken, cfg, false)) {
            TrainingLoop t = new TrainingLoop(new SectarTrainer(cfg));
            run.metrics().append(t.step());
            t.checkpoint(json).write(run.file(TrainingLoop.CHECKPOINT));
            run.metrics().append(t.step());
        }
        SectarRunConfig reread = ConfigJson.read(broken.resolve(RunDirectory.CONFIG), SectarRunConfig.class);
        assertEquals(json, ConfigJson.write(reread), "config.json must round-trip to the same config");
        try (RunDirectory run = start(broken, reread, true)) {
            TrainingLoop resumed = new TrainingLoop(new SectarTrainer(reread));
            assertTrue(resumed.restoreFrom(broken));
            assertEquals(1, resumed.iteration(), "the checkpoint's counters");
            resumed.run(run, quiet(), json);
            run.complete();
        }
        MetricsCsv.Table a = MetricsCsv.read(whole.resolve(RunDirectory.METRICS));
        MetricsCsv.Table b = MetricsCsv.read(broken.resolve(RunDirectory.METRICS));
        assertEquals(a.columns(), b.columns());
        assertEquals(ITERATIONS, a.rows().size());
        assertEquals(ITERATIONS, b.rows().size(), "no iteration lost or repeated");
        for (String col : a.columns()) {
            if (col.equals("wall_s") || col.startsWith("time_")) continue;
            assertArrayEquals(a.column(col), b.column(col), "column " + col + " differs after resume");
        }
        return a;
    }

    @Test
    void theDecoderFitLogsItsNllOnlyWhenOn() {
        Map<String, Object> off = new TrainingLoop(new SectarTrainer(TinySectar.config(5, 1))).step();
        assertFalse(off.containsKey("decoder_fit_nll"), "the released columns stay as they were");
        assertFalse(off.containsKey("explorer_rnd_bonus"), "the state-novelty bonus is logged only when on");
        Map<String, Object> on = new TrainingLoop(new SectarTrainer(TinySectar.config(5, 1, "decoderFit.steps=2",
                "decoderFit.batch=8"))).step();
        double nll = ((Number) on.get("decoder_fit_nll")).doubleValue();
        assertTrue(Double.isFinite(nll), "decoder_fit_nll " + nll);
    }

    @Test
    void aBrokenCheckpointFailsNamingTheFile(@TempDir Path tmp) throws Exception {
        SectarRunConfig cfg = TinySectar.config(3, 1);
        Path file = tmp.resolve(TrainingLoop.CHECKPOINT);
        TrainingLoop t = new TrainingLoop(new SectarTrainer(cfg));
        t.step();
        t.checkpoint(ConfigJson.write(cfg)).write(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingLoop(new SectarTrainer(cfg)).loadFile(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void iterationRowsCarryTheLoggedMetrics() {
        TrainingLoop t = new TrainingLoop(new SectarTrainer(TinySectar.config(5, 2)));
        Map<String, Object> first = t.step(), second = t.step();
        // the committed runs' columns, in their order: the loop's headline, then the planner's, the model's, ...
        assertEquals(List.of("iteration", "env_steps", "wall_s", "return", "success", "stage", "plan_best_score", "plan_blind",
                "plan_end_error", "goals_per_segment", "plan_log_prior", "vae_loss", "vae_nll", "vae_kl", "vae_bc", "vae_mse", "bc_accuracy",
                "val_loss", "val_nll", "val_mse", "val_bc_accuracy", "pd_loglik", "sd_sigma", "consistency_reward", "explorer_bonus",
                "explorer_entropy", "explorer_reset", "explorer_resets", "archive_cells", "reach_mean", "reach_p90",
                "pd_entropy_prior", "prior_nll", "prior_pairs", "replay_size", "time_mpc_s", "time_explorer_s", "time_model_s", "time_consistency_s"),
                new ArrayList<>(first.keySet()));
        // Loop accounting: MPC 2 x 3 x 19, explorer 8 x (20 x 2 - 1), consistency 2 passes x 4 x 19.
        long perIteration = 2L * 3 * 19 + 8L * 39 + 2L * 4 * 19;
        assertEquals(perIteration, ((Number) first.get("env_steps")).longValue());
        assertEquals(2 * perIteration, ((Number) second.get("env_steps")).longValue());
        assertTrue(Double.isNaN((Double) first.get("explorer_bonus")), "no explorer update in iteration 1");
        assertTrue(Double.isFinite((Double) second.get("explorer_bonus")));
    }
}

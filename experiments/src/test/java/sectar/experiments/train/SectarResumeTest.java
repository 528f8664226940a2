package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        return RunDirectory.builder("waypoint", "sectar", cfg.seed()).out(dir).resume(resume).gitDir(dir).start(cfg);
    }

    @Test
    void resumedRunMatchesTheUninterruptedOne(@TempDir Path tmp) {
        SectarRunConfig cfg = TinySectar.config(7, ITERATIONS);
        String json = ConfigJson.write(cfg);
        Path whole = tmp.resolve("whole"), broken = tmp.resolve("broken");
        try (RunDirectory run = start(whole, cfg, false)) {
            SectarJob.run(cfg, run, quiet(), json);
            run.complete();
        }
        // The "killed" run: iteration 1 checkpointed, iteration 2's row written, then the process dies.
        try (RunDirectory run = start(broken, cfg, false)) {
            SectarTrainer t = new SectarTrainer(cfg);
            run.metrics().append(t.iterate());
            SectarCheckpoint.save(t, run.file(SectarCheckpoint.FILE), json);
            run.metrics().append(t.iterate());
        }
        SectarRunConfig reread = ConfigJson.read(broken.resolve(RunDirectory.CONFIG), SectarRunConfig.class);
        assertEquals(json, ConfigJson.write(reread), "config.json must round-trip to the same config");
        try (RunDirectory run = start(broken, reread, true)) {
            SectarJob.run(reread, run, quiet(), json);
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
    }

    @Test
    void aBrokenCheckpointFailsNamingTheFile(@TempDir Path tmp) throws Exception {
        SectarRunConfig cfg = TinySectar.config(3, 1);
        Path file = tmp.resolve(SectarCheckpoint.FILE);
        SectarTrainer t = new SectarTrainer(cfg);
        t.iterate();
        SectarCheckpoint.save(t, file, ConfigJson.write(cfg));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SectarCheckpoint.restore(new SectarTrainer(cfg), file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void iterationRowsCarryTheLoggedMetrics() {
        SectarTrainer t = new SectarTrainer(TinySectar.config(5, 2));
        Map<String, Object> first = t.iterate(), second = t.iterate();
        List<String> expected = new ArrayList<>(List.of("iteration", "env_steps", "wall_s", "return", "success", "stage",
                "vae_nll", "vae_kl", "vae_bc", "consistency_reward", "explorer_bonus", "explorer_entropy"));
        assertTrue(first.keySet().containsAll(expected), first.keySet().toString());
        // Loop accounting: MPC 2 x 3 x 19, explorer 8 x (20 x 2 - 1), consistency 2 passes x 4 x 19.
        long perIteration = 2L * 3 * 19 + 8L * 39 + 2L * 4 * 19;
        assertEquals(perIteration, ((Number) first.get("env_steps")).longValue());
        assertEquals(2 * perIteration, ((Number) second.get("env_steps")).longValue());
        assertTrue(Double.isNaN((Double) first.get("explorer_bonus")), "no explorer update in iteration 1");
        assertTrue(Double.isFinite((Double) second.get("explorer_bonus")));
    }
}

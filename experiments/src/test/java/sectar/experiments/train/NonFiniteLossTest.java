package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;

/** A diverging run stops with a message naming the loss, and its last good checkpoint stays loadable. */
class NonFiniteLossTest {
    @Test
    void divergenceStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path tmp) {
        // An absurd learning rate: the first Adam steps overflow the weights, the next loss is not finite.
        SectarRunConfig cfg = TinySectar.config(11, 30, "model.learningRate=1e30");
        Path dir = tmp.resolve("run");
        Progress quiet = new Progress("t", 30, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false,
                java.time.Duration.ofHours(1), System::nanoTime);
        sectar.agent.loop.NonFiniteLossException e;
        try (RunDirectory run = RunDirectory.builder("waypoint", "sectar", 11).out(dir).gitDir(tmp).start(cfg)) {
            e = assertThrows(sectar.agent.loop.NonFiniteLossException.class,
                    () -> new TrainingLoop(new SectarTrainer(cfg)).run(run, quiet, ConfigJson.write(cfg)));
        }
        assertTrue(e.getMessage().contains("diverged") || e.getMessage().contains("VAE loss"), e.getMessage());
        int rows = MetricsCsv.read(dir.resolve(RunDirectory.METRICS)).rows().size();
        Path ckpt = dir.resolve(TrainingLoop.CHECKPOINT);
        if (rows == 0) {
            assertFalse(Files.exists(ckpt), "no iteration finished, so no checkpoint may exist");
        } else {
            assertEquals(rows, TrainingLoop.iterationOf(ckpt), "the checkpoint is the last finished iteration's");
            new TrainingLoop(new SectarTrainer(cfg)).loadFile(ckpt);
        }
    }
}

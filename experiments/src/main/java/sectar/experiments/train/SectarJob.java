package sectar.experiments.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;

/**
 * Runs (or continues) a SeCTAR training run inside its run directory: one metrics row per iteration,
 * a checkpoint every {@code checkpointEvery} iterations. A run restored from its checkpoint first drops
 * metrics rows newer than the checkpoint, so no iteration is lost or repeated.
 */
public final class SectarJob {
    private SectarJob() {}

    /** Trains to {@code cfg.iterations()} (or its wall-clock budget); returns the trainer (for a render or a summary). */
    public static SectarTrainer run(SectarRunConfig cfg, RunDirectory run, Progress progress, String configJson) {
        return run(cfg, run, progress, configJson, true);
    }

    /** As above; {@code parallel = false} keeps the run on one thread (two runs side by side on two cores). */
    public static SectarTrainer run(SectarRunConfig cfg, RunDirectory run, Progress progress, String configJson,
                                    boolean parallel) {
        SectarTrainer t = new SectarTrainer(cfg);
        t.setParallel(parallel);
        Path ckpt = run.file(SectarCheckpoint.FILE);
        if (Files.exists(ckpt)) {
            SectarCheckpoint.restore(t, ckpt);
            run.metrics().truncateAfter(t.iteration());
        }
        while (t.iteration() < cfg.iterations() && !cfg.outOfTime(t.wallSeconds())) {
            Map<String, Object> row = t.iterate();
            run.metrics().append(row);
            boolean last = t.iteration() == cfg.iterations() || cfg.outOfTime(t.wallSeconds());
            if (t.iteration() % cfg.checkpointEvery() == 0 || last)
                SectarCheckpoint.save(t, ckpt, configJson);
            progress.update(t.iteration(), t.envSteps(), (Double) row.get("return"));
        }
        return t;
    }

    /** A trainer restored from a run directory's checkpoint (for renders of a trained model). */
    public static SectarTrainer load(SectarRunConfig cfg, Path runDir) {
        Path ckpt = runDir.resolve(SectarCheckpoint.FILE);
        if (!Files.exists(ckpt))
            throw new IllegalArgumentException("no checkpoint in " + runDir + " (expected " + SectarCheckpoint.FILE + ")");
        SectarTrainer t = new SectarTrainer(cfg);
        SectarCheckpoint.restore(t, ckpt);
        return t;
    }
}

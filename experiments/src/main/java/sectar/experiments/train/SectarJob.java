package sectar.experiments.train;

import java.nio.file.Path;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;

/**
 * Runs (or continues) a SeCTAR training run inside its run directory under the {@link TrainingLoop}:
 * one metrics row per iteration, a checkpoint every {@code checkpointEvery} iterations. A run whose
 * folder holds a checkpoint continues from it.
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
        TrainingLoop.restore(t, run.dir());
        TrainingLoop.run(t, run, progress, configJson);
        return t;
    }

    /** A trainer restored from a run directory's checkpoint (for renders of a trained model). */
    public static SectarTrainer load(SectarRunConfig cfg, Path runDir) {
        SectarTrainer t = new SectarTrainer(cfg);
        TrainingLoop.load(t, runDir);
        return t;
    }
}

package sectar.experiments.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import sectar.agent.io.Checkpoint;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;

/**
 * The one driver every algorithm runs under: iterate, append each metrics row, checkpoint every
 * {@link Trainer#checkpointEvery()} iterations and after the last, report progress. A row is appended
 * before the checkpoint that covers it, so after a kill metrics.csv holds at least the checkpoint's
 * rows; {@link #run} drops the ones past it, so no iteration is lost or repeated. Rows and checkpoints
 * go through the run folder's fence ({@link RunDirectory#write}).
 */
public final class TrainingLoop {
    /** The checkpoint file of a run directory. */
    public static final String CHECKPOINT = RunDirectory.CHECKPOINT;

    private TrainingLoop() {}

    /** The folder of checkpoints kept every {@link Trainer#keepCheckpointEvery()} iterations, as {@code iter-<n>.bin}. */
    public static final String KEPT = "checkpoints";

    /** The iteration of a kept checkpoint file {@code iter-<n>.bin}. */
    public static int keptIteration(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring("iter-".length(), name.length() - ".bin".length()));
    }

    /** Restores {@code t} from the checkpoint file {@code file} (the last one, or a kept one). */
    public static void loadFile(Trainer t, Path file) {
        if (!Files.exists(file)) throw new IllegalArgumentException("no checkpoint " + file);
        t.restore(Checkpoint.read(file));
    }

    /** Restores {@code t} from the checkpoint in {@code runDir} if there is one; returns whether there was. */
    public static boolean restore(Trainer t, Path runDir) {
        Path file = runDir.resolve(CHECKPOINT);
        if (!Files.exists(file)) return false;
        t.restore(Checkpoint.read(file));
        return true;
    }

    /** A trainer restored from a run directory's checkpoint, failing in one line when it has none. */
    public static void load(Trainer t, Path runDir) {
        if (!restore(t, runDir))
            throw new IllegalArgumentException("no checkpoint in " + runDir + " (expected " + CHECKPOINT + ")");
    }

    /**
     * Continues {@code t} (fresh or restored) to its end inside {@code run}; {@code configJson} is the
     * header of every checkpoint.
     */
    public static void run(Trainer t, RunDirectory run, Progress progress, String configJson) {
        run.metrics().truncateAfter(t.iteration());
        while (!t.finished()) {
            Map<String, Object> row = t.iterate();
            run.metrics().append(row);
            if (t.iteration() % t.checkpointEvery() == 0 || t.finished()) {
                Checkpoint.Builder b = Checkpoint.builder().header(configJson);
                t.save(b);
                Checkpoint c = b.build();
                run.write(CHECKPOINT, c::write);
                int keep = t.keepCheckpointEvery();
                if (keep > 0 && t.iteration() % keep == 0) run.write(KEPT + "/iter-" + t.iteration() + ".bin", c::write);
            }
            progress.update(t.iteration(), t.envSteps(), ((Number) row.get("return")).doubleValue());
        }
    }
}

package sectar.experiments.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import sectar.agent.io.Checkpoint;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;

/**
 * The one driver every algorithm runs under, and the keeper of what every run has: the counters
 * ({@link RunCounters}), the six headline columns each metrics row starts with (iteration, env_steps,
 * wall_s, return, success, stage) and the counters in every checkpoint. It iterates the trainer,
 * appends each row, checkpoints every {@link Trainer#checkpointEvery()} iterations and after the
 * last, and reports progress. A row is appended before the checkpoint that covers it, so after a kill
 * metrics.csv holds at least the checkpoint's rows; {@link #run} drops the ones past it, so no
 * iteration is lost or repeated. Rows and checkpoints go through the run folder's fence
 * ({@link RunDirectory#write}).
 */
public final class TrainingLoop {
    /** The checkpoint file of a run directory. */
    public static final String CHECKPOINT = RunDirectory.CHECKPOINT;

    /** The folder of checkpoints kept every {@link Trainer#keepCheckpointEvery()} iterations, as {@code iter-<n>.bin}. */
    public static final String KEPT = "checkpoints";

    private final Trainer trainer;
    private RunCounters counters = RunCounters.START;

    /** A loop over {@code trainer} from the start (or from a checkpoint, once restored). */
    public TrainingLoop(Trainer trainer) { this.trainer = trainer; }

    public Trainer trainer() { return trainer; }

    /** The counters so far. */
    public RunCounters counters() { return counters; }

    /** Iterations done so far (0 before the first; restored with a checkpoint). */
    public int iteration() { return counters.iteration(); }

    /** Environment steps taken so far. */
    public long envSteps() { return counters.envSteps(); }

    /** Whether the run has reached its planned end. */
    public boolean finished() { return trainer.finished(counters); }

    /** Runs the next iteration; returns its metrics row, the six headline columns, then the trainer's own. */
    public Map<String, Object> step() {
        long start = System.nanoTime();
        Trainer.Iteration it = trainer.iterate(counters);
        counters = counters.after(it.envSteps(), (System.nanoTime() - start) / 1e9);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("iteration", counters.iteration());
        row.put("env_steps", counters.envSteps());
        row.put("wall_s", counters.wallSeconds());
        row.put("return", it.ret());
        row.put("success", it.success());
        row.put("stage", it.stage());
        row.putAll(it.columns());
        return row;
    }

    /** The run's whole state now: the counters and the trainer's own, under the header {@code configJson}. */
    public Checkpoint checkpoint(String configJson) {
        Checkpoint.Builder b = Checkpoint.builder().header(configJson);
        counters.save(b);
        trainer.save(b);
        return b.build();
    }

    /** Restores the counters and the trainer (built from the same config) from {@code c}. */
    public void restore(Checkpoint c) {
        trainer.restore(c);
        counters = RunCounters.of(c);
    }

    /** Restores from the checkpoint file {@code file} (the last one, or a kept one). */
    public void loadFile(Path file) {
        if (!Files.exists(file)) throw new IllegalArgumentException("no checkpoint " + file);
        restore(Checkpoint.read(file));
    }

    /** Restores from the checkpoint in {@code runDir} if there is one; returns whether there was. */
    public boolean restoreFrom(Path runDir) {
        Path file = runDir.resolve(CHECKPOINT);
        if (!Files.exists(file)) return false;
        restore(Checkpoint.read(file));
        return true;
    }

    /** Restores from a run directory's checkpoint, failing in one line when it has none. */
    public void load(Path runDir) {
        if (!restoreFrom(runDir))
            throw new IllegalArgumentException("no checkpoint in " + runDir + " (expected " + CHECKPOINT + ")");
    }

    /** The iteration a checkpoint file was written after. */
    public static int iterationOf(Path file) { return RunCounters.of(Checkpoint.read(file)).iteration(); }

    /** The iteration of a kept checkpoint file {@code iter-<n>.bin}. */
    public static int keptIteration(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring("iter-".length(), name.length() - ".bin".length()));
    }

    /**
     * Continues the run (fresh or restored) to its end inside {@code run}; {@code configJson} is the
     * header of every checkpoint.
     */
    public void run(RunDirectory run, Progress progress, String configJson) {
        run.metrics().truncateAfter(iteration());
        while (!finished()) {
            Map<String, Object> row = step();
            run.metrics().append(row);
            if (iteration() % trainer.checkpointEvery() == 0 || finished()) {
                Checkpoint c = checkpoint(configJson);
                run.write(CHECKPOINT, c::write);
                int keep = trainer.keepCheckpointEvery();
                if (keep > 0 && iteration() % keep == 0) run.write(KEPT + "/iter-" + iteration() + ".bin", c::write);
            }
            progress.update(iteration(), envSteps(), ((Number) row.get("return")).doubleValue());
        }
    }
}

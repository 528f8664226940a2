package sectar.experiments.train;

import java.util.Map;
import sectar.agent.io.Checkpoint;
import sectar.sim.Env;
import sectar.sim.Policy;

/**
 * What every training algorithm offers the one driver loop ({@link TrainingLoop}): run the next
 * iteration and return its metrics row, say whether the run is finished, and write its whole state
 * into a checkpoint or restore it from one, so a killed run resumes to the metrics an uninterrupted
 * one writes. Adding an algorithm is one implementation and one {@link Algorithm} constant.
 */
public interface Trainer extends AutoCloseable {
    /** Runs the next iteration; the row starts with iteration, env_steps, wall_s, return, success, stage. */
    Map<String, Object> iterate();

    /** Whether the run has reached its planned end (iterations, env steps or wall clock). */
    boolean finished();

    /** Iterations done so far (0 before the first; restored with a checkpoint). */
    int iteration();

    /** Environment steps taken so far. */
    long envSteps();

    /** Iterations the run is planned to take (for the progress line; may be an estimate). */
    int plannedIterations();

    /** A checkpoint after every this many iterations (and after the last). */
    default int checkpointEvery() { return 1; }

    /** Keep a copy of the checkpoint every this many iterations (0: keep only the last), for pictures over training. */
    default int keepCheckpointEvery() { return 0; }

    /** Adds everything needed to continue exactly to {@code into}. */
    void save(Checkpoint.Builder into);

    /** Restores a trainer built from the same config to the state {@link #save} wrote. */
    void restore(Checkpoint from);

    /**
     * The trained controller and the env it acts in, for {@code render --checkpoint}; null when the
     * algorithm renders another way or not at all.
     */
    default Acting acting() { return null; }

    /** Releases threads the trainer holds. */
    @Override default void close() {}

    /**
     * @param env    a task env of the run's instance inside its time limit
     * @param policy the learned controller (it gets the env's observation and stage)
     */
    record Acting(Env env, Policy policy) {}
}

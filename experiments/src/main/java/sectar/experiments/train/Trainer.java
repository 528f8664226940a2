package sectar.experiments.train;

import java.util.Map;
import sectar.agent.io.Checkpoint;
import sectar.sim.Env;
import sectar.sim.Policy;

/**
 * What every training algorithm offers the one driver loop ({@link TrainingLoop}): run the next
 * iteration and say what it did, say whether the run is finished, and write its own state into a
 * checkpoint or restore it from one, so a killed run resumes to the metrics an uninterrupted one
 * writes. The loop keeps the counters every run has ({@link RunCounters}), writes the headline columns
 * and stores the counters in every checkpoint; a trainer writes only its own columns and state.
 * Adding an algorithm is one implementation and one {@link Algorithm} constant.
 */
public interface Trainer extends AutoCloseable {
    /**
     * Runs iteration {@code before.iteration() + 1}, the counters being {@code before} when it starts
     * (its random streams are named by that iteration).
     */
    Iteration iterate(RunCounters before);

    /** Whether the run with these counters has reached its planned end (iterations, env steps or wall clock). */
    boolean finished(RunCounters counters);

    /** Iterations the run is planned to take (for the progress line; may be an estimate). */
    int plannedIterations();

    /** A checkpoint after every this many iterations (and after the last). */
    default int checkpointEvery() { return 1; }

    /** Keep a copy of the checkpoint every this many iterations (0: keep only the last), for pictures over training. */
    default int keepCheckpointEvery() { return 0; }

    /** Adds everything of its own needed to continue exactly to {@code into} (the loop adds the counters). */
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
     * What one iteration did: the env steps it took, the headline of its evaluation episodes and the
     * algorithm's own metrics columns (in the order metrics.csv writes them).
     *
     * @param envSteps env steps taken in this iteration
     * @param ret      mean real sparse episode return
     * @param success  fraction of episodes reaching the final stage
     * @param stage    mean stage reached
     * @param columns  the algorithm's own columns
     */
    record Iteration(long envSteps, double ret, double success, double stage, Map<String, Object> columns) {}

    /**
     * @param env    a task env of the run's instance inside its time limit
     * @param policy the learned controller (it gets the env's observation and stage)
     */
    record Acting(Env env, Policy policy) {}
}

package sectar.experiments.train;

import sectar.agent.io.Checkpoint;

/**
 * The counters every run keeps, whatever its algorithm: iterations done, env steps taken and training
 * wall clock. They are the first columns of every metrics row and go into every checkpoint.
 *
 * @param iteration   iterations done (0 before the first)
 * @param envSteps    environment steps taken so far
 * @param wallSeconds training wall clock so far (what a resumed run adds to the time before its kill)
 */
public record RunCounters(int iteration, long envSteps, double wallSeconds) {
    /** A run that has not started. */
    public static final RunCounters START = new RunCounters(0, 0, 0);

    /** The counters after one more iteration that took {@code steps} env steps in {@code seconds}. */
    public RunCounters after(long steps, double seconds) {
        return new RunCounters(iteration + 1, envSteps + steps, wallSeconds + seconds);
    }

    /** Adds the counters to a checkpoint (the wall clock in whole milliseconds). */
    public void save(Checkpoint.Builder b) {
        b.putLong("iteration", iteration).putLong("env_steps", envSteps).putLong("wall_ms", Math.round(wallSeconds * 1000));
    }

    /** The counters {@link #save} wrote. */
    public static RunCounters of(Checkpoint c) {
        return new RunCounters((int) c.getLong("iteration"), c.getLong("env_steps"), c.getLong("wall_ms") / 1000.0);
    }
}

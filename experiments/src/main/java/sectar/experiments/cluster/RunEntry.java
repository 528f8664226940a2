package sectar.experiments.cluster;

import java.io.Serializable;

/**
 * One run's state in the cluster's run map: pending, claimed by a worker under a lease (a deadline in
 * cluster time that the worker pushes on while the run lives), finished, or failed after
 * {@link #MAX_ATTEMPTS} attempts. Values are immutable; {@link RunTable} swaps them atomically on the
 * entry's owner, so two workers never hold one run.
 *
 * @param status     where the run stands
 * @param worker     the worker slot that holds (or last held) it, or null
 * @param member     that worker's member address, or null
 * @param leaseUntil cluster time (ms) until which the claim holds; 0 unless claimed
 * @param attempts   attempts that ended without finishing the run (a dead worker's lease does not count)
 * @param error      the last failed attempt's {@code error:} line, or null
 */
public record RunEntry(Status status, String worker, String member, long leaseUntil, int attempts, String error) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Attempts after which a run is marked failed. */
    public static final int MAX_ATTEMPTS = 3;

    /** Where a run stands. */
    public enum Status { PENDING, CLAIMED, FINISHED, FAILED }

    public static RunEntry pending() { return new RunEntry(Status.PENDING, null, null, 0, 0, null); }

    public static RunEntry finishedBefore() { return new RunEntry(Status.FINISHED, null, null, 0, 0, null); }

    /** Pending, or claimed under a lease that ran out before {@code now}. */
    public boolean claimable(long now) {
        return status == Status.PENDING || (status == Status.CLAIMED && leaseUntil < now);
    }

    public boolean heldBy(String w) { return status == Status.CLAIMED && w.equals(worker); }

    RunEntry claimedBy(String w, String m, long now, long leaseMillis) {
        return new RunEntry(Status.CLAIMED, w, m, now + leaseMillis, attempts, error);
    }

    RunEntry renewed(long now, long leaseMillis) { return new RunEntry(status, worker, member, now + leaseMillis, attempts, error); }

    RunEntry finished() { return new RunEntry(Status.FINISHED, worker, member, 0, attempts, null); }

    /** Pending again with one more attempt, or failed once {@link #MAX_ATTEMPTS} are used (at once for a user error). */
    RunEntry attemptFailed(String why, boolean userError) {
        int n = attempts + 1;
        Status s = userError || n >= MAX_ATTEMPTS ? Status.FAILED : Status.PENDING;
        return new RunEntry(s, worker, member, 0, n, why);
    }

    /** A failed run made pending again with fresh attempts (a coordinator started again retries it, as a local campaign does). */
    RunEntry retried() { return new RunEntry(Status.PENDING, null, null, 0, 0, error); }
}

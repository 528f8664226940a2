package sectar.experiments.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One run's state in the cluster's run map, stored as a JSON string: pending, claimed by a worker slot
 * under a lease (a deadline in the coordinator's clock that the worker pushes on while the run lives),
 * finished, or failed after {@link #MAX_ATTEMPTS} attempts. Every claim raises the run's epoch, which
 * the claimer writes into the run folder's fence ({@code RunFence}) before it starts the run; a run
 * whose epoch is no longer the folder's writes nothing. Values are immutable; {@link RunTable} swaps
 * them atomically on the coordinator.
 *
 * @param status     where the run stands
 * @param worker     the worker slot that holds (or last held) it; null for nobody, or, while claimed, for
 *                   whoever held it before the coordinator started again (its renewal adopts the claim)
 * @param member     that worker's address, or null
 * @param leaseUntil coordinator time (ms) until which the claim holds; 0 unless claimed
 * @param attempts   attempts that ended without finishing the run, expired leases included
 * @param error      the last failed attempt's {@code error:} line, or null
 * @param epoch      the last claim's epoch (0 before the first)
 */
public record RunEntry(Status status, String worker, String member, long leaseUntil, int attempts, String error, long epoch) {
    /** Attempts after which a run is marked failed. */
    public static final int MAX_ATTEMPTS = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a run stands. */
    public enum Status { PENDING, CLAIMED, FINISHED, FAILED }

    public static RunEntry pending(long epoch) { return new RunEntry(Status.PENDING, null, null, 0, 0, null, epoch); }

    public static RunEntry finishedBefore(long epoch) { return new RunEntry(Status.FINISHED, null, null, 0, 0, null, epoch); }

    /**
     * Claimed by whoever holds epoch {@code epoch} until {@code until}: what a coordinator that lost the
     * run's state seeds for a run its folder shows claimed, so a worker still running it can renew (and
     * adopt) the claim, or stops it on its own timer before anyone else may claim it.
     */
    public static RunEntry heldUntil(long epoch, long until) { return new RunEntry(Status.CLAIMED, null, null, until, 0, null, epoch); }

    /** Pending, or claimed under a lease that ran out before {@code now}. */
    public boolean claimable(long now) {
        return status == Status.PENDING || (status == Status.CLAIMED && leaseUntil < now);
    }

    /** Claimed by worker slot {@code w} under epoch {@code e}. */
    public boolean heldBy(String w, long e) { return status == Status.CLAIMED && e == epoch && w.equals(worker); }

    /**
     * Claimed by {@code w} under the next epoch. Taking over an expired lease counts as an attempt (the
     * worker died, or its run kept killing it); the attempt that uses the last one fails the run instead.
     */
    RunEntry claimedBy(String w, String m, long now, long leaseMillis) {
        if (status == Status.CLAIMED && worker != null) {
            RunEntry expired = attemptFailed("the lease of " + worker + (member == null ? "" : " on " + member) + " ran out", false);
            if (expired.status == Status.FAILED) return expired;
            return new RunEntry(Status.CLAIMED, w, m, now + leaseMillis, expired.attempts, expired.error, epoch + 1);
        }
        return new RunEntry(Status.CLAIMED, w, m, now + leaseMillis, attempts, error, epoch + 1);
    }

    /** The holder's lease pushed on; a claim held for nobody since a coordinator restart is adopted by {@code w}. */
    RunEntry renewedBy(String w, String m, long now, long leaseMillis) {
        return new RunEntry(status, w, m, now + leaseMillis, attempts, error, epoch);
    }

    RunEntry finished() { return new RunEntry(Status.FINISHED, worker, member, 0, attempts, null, epoch); }

    /** Pending again with one more attempt, or failed once {@link #MAX_ATTEMPTS} are used (at once for a user error). */
    RunEntry attemptFailed(String why, boolean userError) {
        int n = attempts + 1;
        Status s = userError || n >= MAX_ATTEMPTS ? Status.FAILED : Status.PENDING;
        return new RunEntry(s, worker, member, 0, n, why, epoch);
    }

    /** Given back by its holder without an attempt used (its worker could not keep the lease, or found a newer claim). */
    RunEntry released() { return new RunEntry(Status.PENDING, null, null, 0, attempts, error, epoch); }

    /** The same claim under a later epoch (the folder was ahead of the map). */
    RunEntry advancedTo(long e) { return new RunEntry(status, worker, member, leaseUntil, attempts, error, e); }

    /** Pending again, attempts kept: a result the run folder does not confirm is not taken. */
    RunEntry reopened() { return new RunEntry(Status.PENDING, null, null, 0, attempts, error, epoch); }

    /** A failed run made pending again with fresh attempts (a coordinator started again retries it, as a local campaign does). */
    RunEntry retried() { return new RunEntry(Status.PENDING, null, null, 0, 0, error, epoch); }

    /** The map's form. */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A map value read back; null for anything that is not a run entry (lost, or written by someone else). */
    public static RunEntry parse(Object value) {
        if (!(value instanceof String s)) return null;
        try {
            RunEntry e = JSON.readValue(s, RunEntry.class);
            return e.status == null || e.epoch < 0 || e.attempts < 0 ? null : e;
        } catch (IOException e) {
            return null;
        }
    }
}

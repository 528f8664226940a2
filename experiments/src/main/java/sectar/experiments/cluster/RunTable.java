package sectar.experiments.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The cluster's run map ({@code run name -> RunEntry} as JSON) and the only ways it changes, each a
 * {@link RunChange} run atomically on the coordinator: a claim takes only a pending run or one whose
 * lease ran out and raises its epoch, and renewing, finishing or giving a run back works only for the
 * slot that holds it under that epoch. So a worker that lost its claim (too slow, cut off, frozen) can
 * never overwrite whoever claimed the run next.
 */
public final class RunTable {
    /** The run map's name. */
    public static final String MAP = MemberConfig.MAPS + "runs";

    /**
     * A claim won.
     *
     * @param name      the run
     * @param epoch     the claim's epoch
     * @param sentNanos this process's {@code System.nanoTime()} just before the claim was sent: the
     *                  lease on the coordinator runs from later than this
     */
    public record Claimed(String name, long epoch, long sentNanos) {}

    private final IMap<String, String> runs;
    private final LongSupplier testClock;
    private final AtomicLong reads = new AtomicLong();

    /**
     * @param runs      the run map
     * @param testClock the time every change sees, or null for the coordinator's own clock
     */
    public RunTable(IMap<String, String> runs, LongSupplier testClock) {
        this.runs = runs;
        this.testClock = testClock;
    }

    /** The run table of member or client {@code hz}. */
    public static RunTable of(HazelcastInstance hz) { return new RunTable(hz.getMap(MAP), null); }

    private long now() { return testClock == null ? 0 : testClock.getAsLong(); }

    /** How many times this table read every run's state ({@link #snapshot}). */
    public long reads() { return reads.get(); }

    /** Sets {@code name} to {@code entry} unless it has a state already; returns the state it has now. */
    public RunEntry seed(String name, RunEntry entry) {
        RunEntry had = RunEntry.parse(runs.putIfAbsent(name, entry.json()));
        return had == null ? entry : had;
    }

    /**
     * Sets {@code name} to {@code entry} when it has no readable state (the entry was lost, or someone
     * wrote something else there); true when it did.
     */
    public boolean reseed(String name, RunEntry entry) {
        try {
            Object had = runs.putIfAbsent(name, entry.json());
            if (had == null) return true;
            if (RunEntry.parse(had) != null) return false;
        } catch (HazelcastSerializationException | ClassCastException unreadable) {
            // a value of a type this cluster refuses to build: overwrite it
        }
        runs.set(name, entry.json());
        return true;
    }

    /** Every readable run state, by name, in the order of {@code names} (lost or unreadable ones are left out). */
    public Map<String, RunEntry> snapshot(List<String> names) {
        reads.incrementAndGet();
        Map<String, ?> got;
        try {
            got = runs.getAll(new LinkedHashSet<>(names));
        } catch (HazelcastSerializationException unreadable) { // one value nobody here may build: read the rest one by one
            Map<String, Object> each = new LinkedHashMap<>();
            for (String n : names) {
                try {
                    each.put(n, runs.get(n));
                } catch (HazelcastSerializationException | ClassCastException skipped) {
                    // left out, as a lost entry is
                }
            }
            got = each;
        }
        Map<String, RunEntry> ordered = new LinkedHashMap<>();
        for (String n : names) {
            RunEntry e = RunEntry.parse(got.get(n));
            if (e != null) ordered.put(n, e);
        }
        return ordered;
    }

    /**
     * Claims the first claimable run of {@code order} for worker slot {@code worker} at {@code member};
     * empty when none is. One batched read finds the candidates, then each is tried atomically in turn.
     */
    public Optional<Claimed> claimNext(List<String> order, String worker, String member, long leaseMillis) {
        long now = testClock == null ? System.currentTimeMillis() : testClock.getAsLong(); // only to pick candidates
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, RunEntry> e : snapshot(order).entrySet()) if (e.getValue().claimable(now)) candidates.add(e.getKey());
        for (String name : candidates) {
            long sent = System.nanoTime();
            long epoch = runs.executeOnKey(name, RunChange.claim(worker, member, leaseMillis, now()));
            if (epoch > 0) return Optional.of(new Claimed(name, epoch, sent));
        }
        return Optional.empty();
    }

    /** What a renewal found. */
    public enum Renewal {
        /** The lease runs on from when the renewal arrived. */
        RENEWED,
        /** Another claim holds the run, or it ended: the holder must stop. */
        LOST,
        /** The run has no entry (a coordinator just started has not seeded it yet): nobody else can hold it either. */
        NO_ENTRY
    }

    /** Pushes the lease of {@code name} on for {@code worker}, which holds it under {@code epoch}. */
    public CompletionStage<Renewal> renew(String name, String worker, String member, long epoch, long leaseMillis) {
        return runs.submitToKey(name, RunChange.renew(worker, member, epoch, leaseMillis, now()))
                .thenApply(e -> e == epoch ? Renewal.RENEWED : e == RunChange.NO_ENTRY ? Renewal.NO_ENTRY : Renewal.LOST);
    }

    /** Marks {@code name} finished; false (and nothing changes) when {@code worker} no longer holds it. */
    public boolean finish(String name, String worker, long epoch) { return apply(name, RunChange.finish(worker, epoch)); }

    /** Gives {@code name} back after an attempt that did not finish it (failed for good after the last attempt, or at once for a user error). */
    public boolean attemptFailed(String name, String worker, long epoch, String why, boolean userError) {
        return apply(name, RunChange.fail(worker, epoch, why, userError));
    }

    /** Gives {@code name} back without using an attempt. */
    public boolean release(String name, String worker, long epoch) { return apply(name, RunChange.release(worker, epoch)); }

    /** Moves the holder's claim to epoch {@code to}; false when it no longer holds it. */
    public boolean advance(String name, String worker, long epoch, long to) { return apply(name, RunChange.advance(worker, epoch, to)); }

    /** Makes a run reported {@code status} (finished or failed) pending again; false when it is no longer so. */
    public boolean reopen(String name, RunEntry.Status status) { return apply(name, RunChange.reopen(status)); }

    /** Makes a failed run pending again with fresh attempts; false when it is not failed. */
    public boolean retryFailed(String name) { return apply(name, RunChange.retry()); }

    /** Calls {@code listener} on every change of the run map, with the new value. */
    public void listen(com.hazelcast.map.listener.MapListener listener) { runs.addEntryListener(listener, true); }

    private boolean apply(String name, RunChange change) { return runs.executeOnKey(name, change) >= 0; }
}

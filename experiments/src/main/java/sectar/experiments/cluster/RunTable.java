package sectar.experiments.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The cluster's run map ({@code run name -> RunEntry}) and the only ways it changes. Each change is an
 * entry processor, run atomically on the entry's owner and copied to its backups, that checks the state
 * it expects first: a claim takes only a pending run or one whose lease ran out, and renewing, finishing
 * or giving a run back works only for the worker that holds it. So a worker that lost its lease (it was
 * too slow, or the cluster thought it dead) can never overwrite whoever claimed the run next.
 */
public final class RunTable {
    /** The run map's name. */
    public static final String MAP = MemberConfig.MAPS + "runs";

    private final IMap<String, RunEntry> runs;
    private final LongSupplier clusterTime;

    public RunTable(IMap<String, RunEntry> runs, LongSupplier clusterTime) {
        this.runs = runs;
        this.clusterTime = clusterTime;
    }

    /** The run table of member {@code hz}, in cluster time. */
    public static RunTable of(HazelcastInstance hz) {
        return new RunTable(hz.getMap(MAP), () -> hz.getCluster().getClusterTime());
    }

    /** Cluster time in ms (the same on every member, whatever their clocks). */
    public long now() { return clusterTime.getAsLong(); }

    /** Sets {@code name} to {@code entry} unless it has a state already (a restarted coordinator keeps the cluster's). */
    public RunEntry seed(String name, RunEntry entry) {
        RunEntry had = runs.putIfAbsent(name, entry);
        return had == null ? entry : had;
    }

    /** Every run's state, by name, in the order of {@code names}. */
    public Map<String, RunEntry> snapshot(List<String> names) {
        Map<String, RunEntry> got = runs.getAll(new LinkedHashSet<>(names));
        Map<String, RunEntry> ordered = new java.util.LinkedHashMap<>();
        for (String n : names) if (got.containsKey(n)) ordered.put(n, got.get(n));
        return ordered;
    }

    /**
     * Claims the first claimable run of {@code order} for worker slot {@code worker} at {@code member};
     * empty when none is. One batched read finds the candidates, then each is tried atomically in turn.
     */
    public Optional<String> claimNext(List<String> order, String worker, String member, long leaseMillis) {
        long now = now();
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, RunEntry> e : snapshot(order).entrySet()) if (e.getValue().claimable(now)) candidates.add(e.getKey());
        for (String name : candidates)
            if (Boolean.TRUE.equals(runs.executeOnKey(name, new Claim(worker, member, now(), leaseMillis)))) return Optional.of(name);
        return Optional.empty();
    }

    /** Pushes the lease of {@code name} on; false when {@code worker} no longer holds it. */
    public boolean renew(String name, String worker, long leaseMillis) {
        return Boolean.TRUE.equals(runs.executeOnKey(name, new Renew(worker, now(), leaseMillis)));
    }

    /** Marks {@code name} finished; false (and nothing changes) when {@code worker} no longer holds it. */
    public boolean finish(String name, String worker) {
        return Boolean.TRUE.equals(runs.executeOnKey(name, new Settle(worker, true, null, false)));
    }

    /** Gives {@code name} back after an attempt that did not finish it (failed for good after the last attempt, or at once for a user error). */
    public boolean attemptFailed(String name, String worker, String why, boolean userError) {
        return Boolean.TRUE.equals(runs.executeOnKey(name, new Settle(worker, false, why, userError)));
    }

    /** Makes a failed run pending again with fresh attempts; false when it is not failed. */
    public boolean retryFailed(String name) {
        return Boolean.TRUE.equals(runs.executeOnKey(name, new Retry()));
    }

    /** Takes a claimable run. */
    record Claim(String worker, String member, long now, long leaseMillis) implements EntryProcessor<String, RunEntry, Boolean> {
        @Override public Boolean process(Map.Entry<String, RunEntry> e) {
            RunEntry v = e.getValue();
            if (v == null || !v.claimable(now)) return false;
            e.setValue(v.claimedBy(worker, member, now, leaseMillis));
            return true;
        }
    }

    /** Extends the holder's lease. */
    record Renew(String worker, long now, long leaseMillis) implements EntryProcessor<String, RunEntry, Boolean> {
        @Override public Boolean process(Map.Entry<String, RunEntry> e) {
            RunEntry v = e.getValue();
            if (v == null || !v.heldBy(worker)) return false;
            e.setValue(v.renewed(now, leaseMillis));
            return true;
        }
    }

    /** Ends the holder's attempt: finished, or back to pending / failed. */
    record Settle(String worker, boolean finished, String why, boolean userError) implements EntryProcessor<String, RunEntry, Boolean> {
        @Override public Boolean process(Map.Entry<String, RunEntry> e) {
            RunEntry v = e.getValue();
            if (v == null || !v.heldBy(worker)) return false;
            e.setValue(finished ? v.finished() : v.attemptFailed(why, userError));
            return true;
        }
    }

    /** Failed to pending. */
    record Retry() implements EntryProcessor<String, RunEntry, Boolean> {
        @Override public Boolean process(Map.Entry<String, RunEntry> e) {
            RunEntry v = e.getValue();
            if (v == null || v.status() != RunEntry.Status.FAILED) return false;
            e.setValue(v.retried());
            return true;
        }
    }
}

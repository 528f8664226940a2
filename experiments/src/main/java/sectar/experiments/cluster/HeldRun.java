package sectar.experiments.cluster;

/**
 * A run a worker slot holds, with the worker's own deadline for it: 0.8 of the lease after the last
 * renewal (or the claim) that the coordinator confirmed was sent. The coordinator counts the lease from
 * when the message arrived, so the deadline passes at least a fifth of a lease before the run could be
 * claimed by anyone else; at the deadline the worker stops the run, whatever its renewals are doing
 * (blocked by a cut link, slow, or never answered).
 */
final class HeldRun {
    /** The share of the lease after which a worker stops a run it could not renew. */
    static final double DEADLINE_SHARE = 0.8;

    final String name;
    final String slot;
    private final long leaseNanos;
    private volatile long epoch;
    private long deadline;
    private Process process;
    private String lost;

    /**
     * @param sentNanos {@code System.nanoTime()} just before the claim was sent
     */
    HeldRun(String name, String slot, long epoch, long leaseMillis, long sentNanos) {
        this.name = name;
        this.slot = slot;
        this.epoch = epoch;
        this.leaseNanos = leaseMillis * 1_000_000L;
        this.deadline = sentNanos + share();
    }

    private long share() { return (long) (leaseNanos * DEADLINE_SHARE); }

    long epoch() { return epoch; }

    /** The claim moved to a later epoch (its folder was ahead of the map). */
    void advancedTo(long e) { epoch = e; }

    /** A renewal sent at {@code sentNanos} was confirmed. */
    synchronized void renewed(long sentNanos) {
        if (lost == null && sentNanos + share() - deadline > 0) deadline = sentNanos + share();
    }

    /** Stops the run when the deadline has passed at {@code nowNanos}. */
    synchronized void check(long nowNanos) {
        if (lost == null && nowNanos - deadline > 0)
            lose("no renewal reached the coordinator for " + Math.round(DEADLINE_SHARE * 100) + "% of the lease");
    }

    synchronized void started(Process p) {
        process = p;
        if (lost != null) kill();
    }

    /** Gives the run up and kills its child, if any. */
    synchronized void lose(String why) {
        if (lost == null) lost = why;
        if (process != null) kill();
    }

    /** SIGKILL through the process handle: {@code Process.destroyForcibly} would also close the pipe the worker still reads the run's last lines from. */
    private void kill() { process.toHandle().destroyForcibly(); }

    /** Why the run was given up, or null while it is held. */
    synchronized String lost() { return lost; }
}

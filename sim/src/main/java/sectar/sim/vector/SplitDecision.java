package sectar.sim.vector;

/**
 * Whether a vector step is worth splitting over two threads, decided by measuring: at the start of
 * every period, {@link #PROBE} calls are timed on one thread and {@link #PROBE} on two, and the
 * faster way is used for the rest of the period. A cheap env (waypoint's step is tens of
 * nanoseconds) thus stays on the caller's thread, a costly one splits, and a cost that changes
 * (another machine load) is followed. The period starts at {@link #MIN_PERIOD} calls and doubles up
 * to {@link #MAX_PERIOD} while the probes keep choosing the same way, so probing costs a negligible
 * share even where a split call is many times slower than a serial one. Only timing is measured,
 * never results: they are identical either way.
 */
final class SplitDecision {
    static final int PROBE = 8, MIN_PERIOD = 500, MAX_PERIOD = 1 << 16;

    private long phase;
    private long period = MIN_PERIOD;
    private long serialNs, splitNs;
    private boolean split;

    /** Whether the next call should split (a period's probes run serially first, then split). */
    boolean splitNext() {
        if (phase < PROBE) return false;
        if (phase < 2 * PROBE) return true;
        return split;
    }

    /** Whether the next call is a probe, the only calls whose time {@link #record} reads. */
    boolean probing() { return phase < 2 * PROBE; }

    /** Records how long the call just made took (any value outside probes). */
    void record(long nanos) {
        if (phase == 0) serialNs = splitNs = 0;
        if (phase < PROBE) serialNs += nanos;
        else if (phase < 2 * PROBE) {
            splitNs += nanos;
            if (phase == 2 * PROBE - 1) {
                boolean next = splitNs < serialNs;
                period = next == split ? Math.min(MAX_PERIOD, 2 * period) : MIN_PERIOD;
                split = next;
            }
        }
        if (++phase >= period) phase = 0;
    }

    /** The way chosen by the last probe. */
    boolean splitting() { return split; }

    /** Calls in the current period (for tests). */
    long period() { return period; }
}

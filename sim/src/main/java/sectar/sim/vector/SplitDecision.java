package sectar.sim.vector;

/**
 * Whether a vector step is worth splitting over two threads, decided by measuring: at the start of
 * every period, {@link #PROBE} calls are timed on one thread and {@link #PROBE} on two (each way after
 * {@link #WARMUP} untimed calls), and the
 * faster way is used for the rest of the period. A cheap env (waypoint's step is tens of
 * nanoseconds) thus stays on the caller's thread, a costly one splits, and a cost that changes
 * (another machine load) is followed. The period starts at {@link #MIN_PERIOD} calls and doubles up
 * to {@link #MAX_PERIOD} while the probes keep choosing the same way, so probing costs a negligible
 * share even where a split call is many times slower than a serial one. Only timing is measured,
 * never results: they are identical either way.
 */
final class SplitDecision {
    /**
     * Timed calls per way and untimed calls before them: the first calls after a switch pay for moving
     * the envs' memory to the other core's cache, which the way chosen would not pay again.
     */
    static final int PROBE = 16, WARMUP = 4, MIN_PERIOD = 500, MAX_PERIOD = 1 << 16;
    private static final int SERIAL_END = WARMUP + PROBE, SPLIT_START = SERIAL_END + WARMUP, PROBE_END = SPLIT_START + PROBE;

    private long phase;
    private long period = MIN_PERIOD;
    private long serialNs, splitNs;
    private boolean split;

    /** Whether the next call should split (a period's probes run serially first, then split). */
    boolean splitNext() {
        if (phase < SERIAL_END) return false;
        if (phase < PROBE_END) return true;
        return split;
    }

    /** Whether the next call is part of a probe, the only calls whose time {@link #record} reads. */
    boolean probing() { return phase < PROBE_END; }

    /** Records how long the call just made took (any value outside probes). */
    void record(long nanos) {
        if (phase == 0) serialNs = splitNs = 0;
        if (phase >= WARMUP && phase < SERIAL_END) serialNs += nanos;
        else if (phase >= SPLIT_START && phase < PROBE_END) {
            splitNs += nanos;
            if (phase == PROBE_END - 1) {
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

    /** Calls one probe takes (for tests). */
    static int probeCalls() { return PROBE_END; }
}

package sectar.experiments.campaign;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The campaign's own progress line, printed whenever a run starts or ends: runs finished of the
 * total, how many were already finished before this start, failures, elapsed time and an ETA from
 * the mean time of the runs this start has finished so far.
 */
final class CampaignProgress {
    private final String task;
    private final int total;
    private final LongSupplier nanoTime;
    private final long start;
    private int finished;
    private int skipped;
    private int failed;
    private int ranNow;

    CampaignProgress(String task, int total, LongSupplier nanoTime) {
        this.task = task;
        this.total = total;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    synchronized void skipped() { finished++; skipped++; }

    synchronized void finished() { finished++; ranNow++; }

    synchronized void failed() { failed++; }

    synchronized int finishedCount() { return finished; }

    synchronized int failedCount() { return failed; }

    /** e.g. {@code campaign waypoint: 3/12 runs finished (2 already), 0 failed | started ppo/i0-s2 | 0:01:02 elapsed, ETA 0:10:00}. */
    synchronized String line(String event) {
        double elapsed = (nanoTime.getAsLong() - start) / 1e9;
        int left = total - finished - failed;
        double eta = ranNow == 0 ? Double.NaN : elapsed / ranNow * left;
        return String.format(Locale.ROOT, "campaign %s: %d/%d runs finished (%d already), %d failed | %s | %s elapsed, ETA %s",
                task, finished, total, skipped, failed, event, clock(elapsed), left == 0 ? clock(0) : clock(eta));
    }

    /** h:mm:ss, or "?" when unknown. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) return "?";
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}

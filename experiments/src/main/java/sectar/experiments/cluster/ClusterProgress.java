package sectar.experiments.cluster;

import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The coordinator's progress line, printed when runs are claimed, finish or fail: runs finished,
 * running, pending and failed of the total, the workers connected, elapsed time and an ETA from the
 * runs finished since this coordinator started.
 */
final class ClusterProgress {
    private final String task;
    private final String cluster;
    private final int total;
    private final LongSupplier nanoTime;
    private final long start;
    private int finishedAtStart = -1;

    ClusterProgress(String task, String cluster, int total, LongSupplier nanoTime) {
        this.task = task;
        this.cluster = cluster;
        this.total = total;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** e.g. {@code campaign waypoint on sectar-1f..: 3/6 runs finished, 2 running, 1 pending, 0 failed, 2 workers | finished ppo/i0-s1 on 127.0.0.1:5702 | 0:00:42 elapsed, ETA 0:00:30}. */
    String line(Map<RunEntry.Status, Integer> counts, int workers, String event) {
        int fin = counts.get(RunEntry.Status.FINISHED), failed = counts.get(RunEntry.Status.FAILED);
        if (finishedAtStart < 0) finishedAtStart = fin;
        double elapsed = (nanoTime.getAsLong() - start) / 1e9;
        int ranNow = fin - finishedAtStart, left = total - fin - failed;
        double eta = left == 0 ? 0 : ranNow == 0 ? Double.NaN : elapsed / ranNow * left;
        return String.format(Locale.ROOT, "campaign %s on %s: %d/%d runs finished, %d running, %d pending, %d failed, %d workers | %s | %s elapsed, ETA %s",
                task, cluster, fin, total, counts.get(RunEntry.Status.CLAIMED), counts.get(RunEntry.Status.PENDING), failed, workers, event,
                clock(elapsed), clock(eta));
    }

    /** h:mm:ss, or "?" when unknown. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) return "?";
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}

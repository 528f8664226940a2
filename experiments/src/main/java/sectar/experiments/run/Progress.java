package sectar.experiments.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a training run is: on a terminal a bar redrawn in place, otherwise (logs, CI) one line
 * every {@code logEvery} and at the end, so log files stay short. Each report shows iteration/total,
 * environment steps, the latest return, elapsed time and the ETA extrapolated from the mean time
 * per iteration so far.
 */
public final class Progress {
    private static final int BAR_WIDTH = 24;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean tty;
    private final long logEveryNanos;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private long lastPrintNanos;
    private boolean anyPrinted;

    /**
     * @param label    shown first on each report, e.g. "waypoint ppo seed 1"
     * @param total    number of iterations planned (>= 1)
     * @param out      where reports go
     * @param tty      redraw a bar with carriage returns instead of printing lines
     * @param logEvery minimum time between two log lines when not a terminal
     * @param nanoTime monotonic clock in nanoseconds (tests pass a fake one)
     */
    public Progress(String label, long total, PrintStream out, boolean tty, Duration logEvery, LongSupplier nanoTime) {
        if (total < 1) throw new IllegalArgumentException("total iterations must be >= 1, got " + total);
        if (logEvery.isNegative()) throw new IllegalArgumentException("logEvery must be >= 0, got " + logEvery);
        this.label = label;
        this.total = total;
        this.out = out;
        this.tty = tty;
        this.logEveryNanos = logEvery.toNanos();
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.lastPrintNanos = startNanos;
    }

    /** Reports to stderr: a bar when a console is attached ({@code System.console() != null}), else a line every 30 s. */
    public static Progress console(String label, long total) {
        return new Progress(label, total, System.err, System.console() != null, Duration.ofSeconds(30), System::nanoTime);
    }

    /** Records that {@code iteration} (1-based, of total) finished after {@code envSteps} steps with return {@code ret}. */
    public void update(long iteration, long envSteps, double ret) {
        long now = nanoTime.getAsLong();
        boolean last = iteration >= total;
        if (tty) {
            out.print("\r" + line(iteration, envSteps, ret, now) + (last ? "\n" : ""));
            out.flush();
        } else if (last || !anyPrinted || now - lastPrintNanos >= logEveryNanos) {
            out.println(line(iteration, envSteps, ret, now));
            lastPrintNanos = now;
        }
        anyPrinted = true;
    }

    /** The report for the given state; public so its format can be checked. */
    public String line(long iteration, long envSteps, double ret, long nowNanos) {
        double elapsed = (nowNanos - startNanos) / 1e9;
        double eta = iteration > 0 ? elapsed / iteration * Math.max(0, total - iteration) : Double.NaN;
        String progress = iteration + "/" + total;
        if (tty) {
            int filled = (int) Math.min(BAR_WIDTH, Math.max(0, BAR_WIDTH * iteration / total));
            progress = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + progress;
        }
        return String.format(Locale.ROOT, "%s %s | env steps %,d | return %.3f | %s elapsed, ETA %s",
                label, progress, envSteps, ret, clock(elapsed), clock(eta));
    }

    /** h:mm:ss, or "?" when unknown. */
    static String clock(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) return "?";
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}

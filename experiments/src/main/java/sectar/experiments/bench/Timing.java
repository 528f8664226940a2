package sectar.experiments.bench;

import java.util.Arrays;

/** Repeat-and-take-the-median timing: robust to the other jobs sharing the machine's two cores. */
public final class Timing {
    private Timing() {}

    /** Something that does {@code n} units of work. */
    @FunctionalInterface
    public interface Work {
        void run(long n);
    }

    /**
     * Units per second: one warm-up pass of {@code warmupSeconds} (which also sizes the repeats), then
     * {@code repeats} timed passes of about {@code seconds} each; returns every repeat's rate.
     */
    public static double[] rates(Work work, int repeats, double seconds, double warmupSeconds) {
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        long n = 64;
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        double rate;
        do { // grow the batch until it takes >= 50 ms, and keep warming until the warm-up time is spent
            long t0 = System.nanoTime();
            work.run(n);
            double dt = (System.nanoTime() - t0) / 1e9;
            rate = n / Math.max(dt, 1e-9);
            if (dt < 0.05) n *= 2;
        } while (System.nanoTime() < warmEnd || n < 128);
        long perRepeat = Math.max(1, (long) (rate * seconds));
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            work.run(perRepeat);
            rates[r] = perRepeat / ((System.nanoTime() - t0) / 1e9);
        }
        return rates;
    }

    public static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}

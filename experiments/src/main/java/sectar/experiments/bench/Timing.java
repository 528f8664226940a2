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
     * Units per second: one warm-up of {@code warmupSeconds} (which also sizes the repeats), passes of
     * about {@code seconds} until the rate settles, then {@code repeats} timed passes of about
     * {@code seconds} each; returns every repeat's rate.
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
        } while (System.nanoTime() < warmEnd); // (a unit slower than 50 ms / 64 keeps n = 64)
        long perRepeat = Math.max(1, (long) (rate * seconds));
        // then repeat-sized passes until two in a row agree within 10%: code the JIT compiles late (an
        // expert's search inside a vector env's loop) can still run at a fifth of its speed after 1 s
        double last = 0;
        for (int pass = 0; pass < MAX_SETTLE_PASSES; pass++) {
            long t0 = System.nanoTime();
            work.run(perRepeat);
            double r = perRepeat / ((System.nanoTime() - t0) / 1e9);
            boolean settled = Math.abs(r - last) <= 0.1 * Math.max(r, last);
            if (r > last) perRepeat = Math.max(1, (long) (r * seconds)); // keep a repeat about `seconds` long
            last = r;
            if (settled) break;
        }
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            work.run(perRepeat);
            rates[r] = perRepeat / ((System.nanoTime() - t0) / 1e9);
        }
        return rates;
    }

    /** At most this many settling passes after the warm-up (each about {@code seconds} long). */
    static final int MAX_SETTLE_PASSES = 20;

    public static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}

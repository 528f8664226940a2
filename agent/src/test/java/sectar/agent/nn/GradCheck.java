package sectar.agent.nn;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Central-difference gradient checks in double precision: a parameter's (or an input's) analytic
 * gradient against (f(x+h) - f(x-h)) / 2h on sampled coordinates.
 */
public final class GradCheck {
    private GradCheck() {}

    public static final double H = 1e-6, TOL = 1e-5;

    /** Checks up to {@code maxPerParam} coordinates of each parameter; analytic grads must be filled. */
    public static void params(ParamStore ps, DoubleSupplier loss, int maxPerParam, SplittableRandom rng) {
        for (Param p : ps.list()) {
            double[] g = p.gradient(), w = p.get();
            int n = Math.min(maxPerParam, w.length);
            for (int s = 0; s < n; s++) {
                int k = n == w.length ? s : rng.nextInt(w.length);
                double old = w[k];
                w[k] = old + H;
                p.set(w);
                double up = loss.getAsDouble();
                w[k] = old - H;
                p.set(w);
                double down = loss.getAsDouble();
                w[k] = old;
                p.set(w);
                compare(p.name() + "[" + k + "]", g[k], (up - down) / (2 * H));
            }
        }
    }

    /** Checks the analytic gradient of f at x on all coordinates (or maxCoords sampled ones). */
    public static void input(String what, double[] x, double[] analytic, ToDoubleFunction<double[]> f, int maxCoords,
                             SplittableRandom rng) {
        int n = Math.min(maxCoords, x.length);
        for (int s = 0; s < n; s++) {
            int k = n == x.length ? s : rng.nextInt(x.length);
            double[] xp = x.clone(), xm = x.clone();
            xp[k] += H;
            xm[k] -= H;
            compare(what + "[" + k + "]", analytic[k], (f.applyAsDouble(xp) - f.applyAsDouble(xm)) / (2 * H));
        }
    }

    public static void compare(String what, double analytic, double numeric) {
        double err = Math.abs(analytic - numeric);
        double scale = Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numeric)));
        if (err > TOL * scale)
            fail(what + ": analytic " + analytic + " vs numeric " + numeric + " (abs error " + err + ")");
    }

    public static double[] randn(SplittableRandom rng, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = rng.nextGaussian();
        return a;
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}

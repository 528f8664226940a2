package sectar.agent.rl;

import java.util.function.UnaryOperator;

/**
 * Solves A x = b for a symmetric positive-definite A given only as a matrix-vector product (TRPO's
 * Fisher-vector product), in at most {@code iterations} steps (rllab uses 10).
 */
public final class ConjugateGradient {
    private ConjugateGradient() {}

    public static double[] solve(UnaryOperator<double[]> matVec, double[] b, int iterations, double tolerance) {
        int n = b.length;
        double[] x = new double[n], r = b.clone(), p = b.clone();
        double rr = dot(r, r);
        for (int k = 0; k < iterations && rr > tolerance; k++) {
            double[] ap = matVec.apply(p);
            double alpha = rr / dot(p, ap);
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double next = dot(r, r);
            double beta = next / rr;
            for (int i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
            rr = next;
        }
        return x;
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}

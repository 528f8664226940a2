package sectar.planner;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One CMA-ES state in ask/tell form, minimising: Hansen's (mu/mu_w, lambda)-CMA-ES with weighted
 * recombination, cumulative step-size adaptation and rank-one plus rank-mu covariance updates, with the
 * default strategy parameters of the tutorial (positive weights only), or its separable variant that
 * adapts only the diagonal of C with learning rates larger by (n + 2) / 3.
 *
 * <pre>
 * N. Hansen, "The CMA Evolution Strategy: A Tutorial", arXiv:1604.00772 (2016), Appendix A and Table 1.
 * R. Ros and N. Hansen, "A Simple Modification in CMA-ES Achieving Linear Time and Space Complexity",
 *   PPSN X (2008).
 * N. Hansen, "Injecting External Solutions Into CMA-ES", arXiv:1110.4181 (2011).
 * </pre>
 *
 * <p>Each generation is filled by {@link #ask} (lambda samples of N(m, sigma^2 C)) and/or
 * {@link #inject} (a solution from elsewhere, e.g. a warm start), then {@link #tell} takes one cost per
 * candidate. It holds no model and no loop, so a caller can step many states in lock step and batch
 * their evaluations.
 */
final class CmaEs {
    private final int n;
    private final int lambda;
    private final int mu;
    private final boolean separable;
    private final double[] weights;
    private final double muEff;
    private final double cSigma;
    private final double dSigma;
    private final double cc;
    private final double c1;
    private final double cMu;
    private final double chiN;

    private final double[] mean;
    private double sigma;
    private final double[] pSigma;
    private final double[] pc;
    /** Full: C, its eigenvectors B (columns) and sqrt eigenvalues d. Separable: c and b stay null, d = sqrt(diag C). */
    private final double[][] c;
    private final double[][] b;
    private final double[] d;
    private final double[] diagC;
    private int generation;

    /** This generation: candidates x_k = m + sigma y_k, their steps y_k, and which are set. */
    private final double[][] x;
    private final double[][] y;
    private final boolean[] set;
    private final double[] scratch;

    /**
     * @param mean0     start mean (copied)
     * @param sigma0    start step size
     * @param lambda    population size (the tutorial's default is {@link #defaultPopulation})
     * @param separable adapt only the diagonal of C (sep-CMA-ES)
     */
    CmaEs(double[] mean0, double sigma0, int lambda, boolean separable) {
        this(mean0, sigma0, null, lambda, separable);
    }

    /**
     * As above, with C starting at diag(scale0^2) instead of I, so a search can start from a proposal's
     * per-coordinate spread (null: I).
     */
    CmaEs(double[] mean0, double sigma0, double[] scale0, int lambda, boolean separable) {
        if (mean0.length < 1) throw new IllegalArgumentException("dimension must be >= 1, got " + mean0.length);
        if (!(sigma0 > 0) || Double.isInfinite(sigma0)) throw new IllegalArgumentException("sigma0 must be > 0 and finite, got " + sigma0);
        if (lambda < 2) throw new IllegalArgumentException("population must be >= 2, got " + lambda);
        if (scale0 != null && scale0.length != mean0.length)
            throw new IllegalArgumentException("scale0 must have length " + mean0.length + ", got " + scale0.length);
        if (scale0 != null)
            for (double v : scale0)
                if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("scale0 must be > 0 and finite, got " + v);
        this.n = mean0.length;
        this.lambda = lambda;
        this.mu = lambda / 2;
        this.separable = separable;
        // Recombination weights w_i ~ ln((lambda + 1) / 2) - ln i for the mu best, summing to one.
        weights = new double[mu];
        double sum = 0, sumSq = 0;
        for (int i = 0; i < mu; i++) sum += weights[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
        for (int i = 0; i < mu; i++) sumSq += (weights[i] /= sum) * weights[i];
        muEff = 1 / sumSq;
        cSigma = (muEff + 2) / (n + muEff + 5);
        dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        double c1Full = 2 / ((n + 1.3) * (n + 1.3) + muEff);
        double cMuFull = Math.min(1 - c1Full, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
        // sep-CMA-ES learns n variances instead of n(n+1)/2 entries, so it can learn (n+2)/3 times faster;
        // the cap keeps c1 + c_mu <= 1, as C must stay a convex combination.
        double speedUp = separable ? Math.min((n + 2) / 3.0, 1 / (c1Full + cMuFull)) : 1;
        c1 = c1Full * speedUp;
        cMu = cMuFull * speedUp;
        chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));

        mean = mean0.clone();
        sigma = sigma0;
        pSigma = new double[n];
        pc = new double[n];
        d = new double[n];
        for (int i = 0; i < n; i++) d[i] = scale0 == null ? 1 : scale0[i];
        if (separable) {
            c = null;
            b = null;
            diagC = new double[n];
            for (int i = 0; i < n; i++) diagC[i] = d[i] * d[i];
        } else {
            c = new double[n][n];
            b = new double[n][n];
            for (int i = 0; i < n; i++) {
                c[i][i] = d[i] * d[i];
                b[i][i] = 1;
            }
            diagC = null;
        }
        x = new double[lambda][n];
        y = new double[lambda][n];
        set = new boolean[lambda];
        scratch = new double[n];
    }

    /** The tutorial's default population 4 + floor(3 ln n). */
    static int defaultPopulation(int n) { return 4 + (int) Math.floor(3 * Math.log(n)); }

    int dimension() { return n; }

    int population() { return lambda; }

    boolean separable() { return separable; }

    double sigma() { return sigma; }

    /** Completed generations (calls of {@link #tell}). */
    int generation() { return generation; }

    double[] mean() { return mean.clone(); }

    /**
     * Samples all lambda candidates of this generation from N(m, sigma^2 C), n standard normals each from
     * {@code rng} in candidate order.
     *
     * @return the candidates [lambda][n]; the arrays are this state's own, to read before {@link #tell}
     */
    double[][] ask(SplittableRandom rng) {
        for (int k = 0; k < lambda; k++) {
            for (int i = 0; i < n; i++) scratch[i] = d[i] * rng.nextGaussian();
            if (separable) System.arraycopy(scratch, 0, y[k], 0, n);
            else multiply(b, scratch, y[k]);
            for (int i = 0; i < n; i++) x[k][i] = mean[i] + sigma * y[k][i];
            set[k] = true;
        }
        return x;
    }

    /**
     * Makes {@code solution} candidate {@code k} of this generation. Its step y = (x - m) / sigma is
     * shortened to Mahalanobis length at most sqrt(n) + 2n / (n + 2) (Hansen 2011), so a far-away
     * solution cannot blow up the step size or the covariance; the candidate keeps the solution itself.
     */
    void inject(int k, double[] solution) {
        if (k < 0 || k >= lambda) throw new IllegalArgumentException("candidate must be in [0, " + lambda + "), got " + k);
        if (solution.length != n) throw new IllegalArgumentException("solution must have length " + n + ", got " + solution.length);
        for (int i = 0; i < n; i++) y[k][i] = (solution[i] - mean[i]) / sigma;
        double len = norm(whiten(y[k], scratch)), cap = Math.sqrt(n) + 2.0 * n / (n + 2);
        if (len > cap) for (int i = 0; i < n; i++) y[k][i] *= cap / len;
        System.arraycopy(solution, 0, x[k], 0, n);
        set[k] = true;
    }

    /**
     * Updates mean, evolution paths, C and sigma from this generation's costs (lower is better; ties keep
     * candidate order, so runs repeat), then opens the next generation.
     *
     * @param cost one value per candidate, [lambda]
     */
    void tell(double[] cost) {
        if (cost.length != lambda) throw new IllegalArgumentException("expected " + lambda + " costs, got " + cost.length);
        for (int k = 0; k < lambda; k++) {
            if (Double.isNaN(cost[k])) throw new IllegalArgumentException("cost of candidate " + k + " is NaN");
            if (!set[k]) throw new IllegalStateException("candidate " + k + " was neither asked nor injected");
        }
        Integer[] order = new Integer[lambda];
        for (int k = 0; k < lambda; k++) order[k] = k;
        Arrays.sort(order, (p, q) -> Double.compare(cost[p], cost[q]));
        // Recombination: <y>_w, and the mean moves by sigma <y>_w (c_m = 1).
        double[] yw = new double[n];
        for (int j = 0; j < mu; j++)
            for (int i = 0; i < n; i++) yw[i] += weights[j] * y[order[j]][i];
        for (int i = 0; i < n; i++) mean[i] += sigma * yw[i];
        // Cumulative step-size path, in the isotropic coordinates C^-1/2 <y>_w.
        double[] white = whiten(yw, new double[n]);
        double ps = Math.sqrt(cSigma * (2 - cSigma) * muEff);
        for (int i = 0; i < n; i++) pSigma[i] = (1 - cSigma) * pSigma[i] + ps * white[i];
        generation++;
        double psNorm = norm(pSigma);
        // h_sigma stalls the rank-one path while p_sigma is long (sigma is growing fast), so C does not balloon.
        boolean hSigma = psNorm / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * generation)) < (1.4 + 2.0 / (n + 1)) * chiN;
        double pcs = hSigma ? Math.sqrt(cc * (2 - cc) * muEff) : 0;
        for (int i = 0; i < n; i++) pc[i] = (1 - cc) * pc[i] + pcs * yw[i];
        double keep = 1 - c1 - cMu + (hSigma ? 0 : c1 * cc * (2 - cc));
        if (separable) updateDiagonal(order, keep);
        else updateFull(order, keep);
        sigma *= Math.exp(cSigma / dSigma * (psNorm / chiN - 1));
        Arrays.fill(set, false);
    }

    /** C = keep C + c1 pc pc^T + c_mu sum_j w_j y_j y_j^T, then its eigendecomposition B diag(d^2) B^T. */
    private void updateFull(Integer[] order, double keep) {
        for (int r = 0; r < n; r++)
            for (int s = 0; s <= r; s++) {
                double rankMu = 0;
                for (int j = 0; j < mu; j++) rankMu += weights[j] * y[order[j]][r] * y[order[j]][s];
                c[r][s] = keep * c[r][s] + c1 * pc[r] * pc[s] + cMu * rankMu;
                c[s][r] = c[r][s];
            }
        // The tutorial postpones this O(n^3) step by 1 / (10 n (c1 + c_mu)) generations; that gap is below
        // one generation for n <= 40 at the default or any larger population, so decompose every time.
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(c, false));
        RealMatrix v = eig.getV();
        double[] values = eig.getRealEigenvalues();
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(Math.max(values[i], 1e-300));
            for (int r = 0; r < n; r++) b[r][i] = v.getEntry(r, i);
        }
    }

    /** The diagonal alone: c_ii = keep c_ii + c1 pc_i^2 + c_mu sum_j w_j y_ji^2. */
    private void updateDiagonal(Integer[] order, double keep) {
        for (int i = 0; i < n; i++) {
            double rankMu = 0;
            for (int j = 0; j < mu; j++) rankMu += weights[j] * y[order[j]][i] * y[order[j]][i];
            diagC[i] = keep * diagC[i] + c1 * pc[i] * pc[i] + cMu * rankMu;
            d[i] = Math.sqrt(diagC[i]);
        }
    }

    /** C^-1/2 v = B diag(1/d) B^T v (separable: v / d), into {@code out}. */
    private double[] whiten(double[] v, double[] out) {
        if (separable) {
            for (int i = 0; i < n; i++) out[i] = v[i] / d[i];
            return out;
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int r = 0; r < n; r++) s += b[r][i] * v[r];
            t[i] = s / d[i];
        }
        return multiply(b, t, out);
    }

    private double[] multiply(double[][] m, double[] v, double[] out) {
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += m[r][i] * v[i];
            out[r] = s;
        }
        return out;
    }

    private static double norm(double[] v) {
        double ss = 0;
        for (double e : v) ss += e * e;
        return Math.sqrt(ss);
    }
}

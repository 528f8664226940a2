package sectar.agent.rl;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * rllab's linear feature baseline for TRPO: V(s_t) = w . [s, s^2, 0.01 t, (0.01 t)^2, (0.01 t)^3, 1],
 * refit by ridge-regularised least squares on each batch's returns (the ridge grows tenfold until
 * the normal equations are well posed).
 */
public final class LinearFeatureBaseline {
    private final int obsDim;
    private double[] weights;

    public LinearFeatureBaseline(int obsDim) {
        this.obsDim = obsDim;
    }

    public int featureCount() { return 2 * obsDim + 4; }

    private void features(double[] obs, int t, double[] out) {
        for (int i = 0; i < obsDim; i++) {
            double o = Math.max(-10, Math.min(10, obs[i]));
            out[i] = o;
            out[obsDim + i] = o * o;
        }
        double tt = 0.01 * t;
        out[2 * obsDim] = tt;
        out[2 * obsDim + 1] = tt * tt;
        out[2 * obsDim + 2] = tt * tt * tt;
        out[2 * obsDim + 3] = 1;
    }

    /**
     * Fits the weights to discounted returns.
     *
     * @param obs     one observation per step, [N][obsDim]
     * @param times   step index within its episode, [N]
     * @param returns discounted return from each step, [N]
     */
    public void fit(double[][] obs, int[] times, double[] returns) {
        int f = featureCount();
        double[][] xtx = new double[f][f];
        double[] xty = new double[f], x = new double[f];
        for (int n = 0; n < obs.length; n++) {
            features(obs[n], times[n], x);
            for (int i = 0; i < f; i++) {
                xty[i] += x[i] * returns[n];
                for (int j = 0; j < f; j++) xtx[i][j] += x[i] * x[j];
            }
        }
        for (double reg = 1e-5; reg < 1e6; reg *= 10) {
            RealMatrix a = new Array2DRowRealMatrix(xtx);
            for (int i = 0; i < f; i++) a.addToEntry(i, i, reg);
            try {
                double[] w = new CholeskyDecomposition(a).getSolver().solve(new ArrayRealVector(xty)).toArray();
                boolean finite = true;
                for (double v : w) finite &= Double.isFinite(v);
                if (finite) {
                    weights = w;
                    return;
                }
            } catch (NonPositiveDefiniteMatrixException e) {
                // try a larger ridge
            }
        }
        throw new IllegalStateException("linear baseline fit failed for every ridge up to 1e6");
    }

    /** A copy of the fitted weights (checkpoints); null before the first fit. */
    public double[] weights() { return weights == null ? null : weights.clone(); }

    /** Restores weights saved by {@link #weights()}. */
    public void setWeights(double[] w) {
        if (w.length != featureCount())
            throw new IllegalArgumentException("linear baseline needs " + featureCount() + " weights, got " + w.length);
        weights = w.clone();
    }

    /** V(s_t); 0 before the first fit. */
    public double predict(double[] obs, int t) {
        if (weights == null) return 0;
        double[] x = new double[featureCount()];
        features(obs, t, x);
        double v = 0;
        for (int i = 0; i < x.length; i++) v += weights[i] * x[i];
        return v;
    }
}

package sectar.agent.dynamics;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.api.DynamicsModel;
import sectar.agent.data.Permutations;
import sectar.agent.nn.Adam;
import sectar.agent.nn.Mlp;
import sectar.agent.nn.ParamStore;

/**
 * A learned one-step model s' = s + f(s, a) (spec section 10.1): an MLP from the normalised (s, a) to
 * the normalised change of state, refit on the whole data set each DAgger iteration with Adam and a
 * mean-squared-error loss. Normalisation statistics are recomputed from the data at every fit.
 */
public final class OneStepModel implements DynamicsModel {
    private final int obsDim, actionDim;
    private final Mlp mlp;
    private final ParamStore store;
    private final Adam adam;
    private final Map<Integer, Mlp.Run> runs = new HashMap<>();
    private double[] inMean, inStd, outMean, outStd;

    /**
     * @param hidden hidden widths (released: 200-200-200)
     * @param lr     Adam step size (released: 1e-3)
     */
    public OneStepModel(int obsDim, int actionDim, int[] hidden, double lr, SplittableRandom init) {
        this.obsDim = obsDim;
        this.actionDim = actionDim;
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = obsDim + actionDim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = obsDim;
        store = new ParamStore(false);
        mlp = new Mlp(store, "dynamics", sizes, init);
        adam = new Adam(store.list(), lr, 1e-8);
        int in = obsDim + actionDim;
        inMean = new double[in];
        inStd = ones(in);
        outMean = new double[obsDim];
        outStd = ones(obsDim);
    }

    private static double[] ones(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1);
        return x;
    }

    /** The network's parameters (checkpoints). */
    public ParamStore params() { return store; }

    /** The network's optimiser (checkpoints). */
    public Adam optimizer() { return adam; }

    /** The normalisation of the last fit, [inMean, inStd, outMean, outStd] concatenated (checkpoints). */
    public double[] normalisation() {
        int in = obsDim + actionDim;
        double[] out = new double[2 * in + 2 * obsDim];
        System.arraycopy(inMean, 0, out, 0, in);
        System.arraycopy(inStd, 0, out, in, in);
        System.arraycopy(outMean, 0, out, 2 * in, obsDim);
        System.arraycopy(outStd, 0, out, 2 * in + obsDim, obsDim);
        return out;
    }

    /** Restores what {@link #normalisation()} returned. */
    public void setNormalisation(double[] n) {
        int in = obsDim + actionDim;
        if (n.length != 2 * in + 2 * obsDim)
            throw new IllegalArgumentException("normalisation needs " + (2 * in + 2 * obsDim) + " values, got " + n.length);
        inMean = java.util.Arrays.copyOfRange(n, 0, in);
        inStd = java.util.Arrays.copyOfRange(n, in, 2 * in);
        outMean = java.util.Arrays.copyOfRange(n, 2 * in, 2 * in + obsDim);
        outStd = java.util.Arrays.copyOfRange(n, 2 * in + obsDim, n.length);
    }

    @Override public int obsDim() { return obsDim; }

    @Override public int actionDim() { return actionDim; }

    private Mlp.Run run(int n) { return runs.computeIfAbsent(n, k -> new Mlp.Run(mlp, k)); }

    /**
     * Refits the model on all of {@code data}.
     *
     * @return mean squared error (normalised units) over the last epoch
     */
    public double fit(Transitions data, int epochs, int batch, SplittableRandom rng) {
        return fit(data, epochs, batch, 0, rng);
    }

    /**
     * Refits the model on {@code data} for {@code epochs} epochs or {@code maxSteps} minibatch steps,
     * whichever ends first ({@code maxSteps} 0 = no cap): with a cap, the cost of a refit stops growing
     * with the data set, which otherwise makes DAgger's total cost quadratic in its env steps.
     *
     * @return mean squared error (normalised units) over the last (possibly partial) epoch
     */
    public double fit(Transitions data, int epochs, int batch, int maxSteps, SplittableRandom rng) {
        if (data.size() == 0) throw new IllegalArgumentException("cannot fit the dynamics model on no data");
        if (maxSteps < 0) throw new IllegalArgumentException("maxFitSteps must be >= 0 (0 = no cap), got " + maxSteps);
        normalisation(data);
        int n = data.size(), b = Math.min(batch, n), in = obsDim + actionDim;
        long steps = 0, cap = maxSteps == 0 ? Long.MAX_VALUE : maxSteps;
        double last = 0;
        for (int e = 0; e < epochs && steps < cap; e++) {
            int[] order = Permutations.of(n, rng);
            double sum = 0;
            int count = 0;
            for (int from = 0; from + b <= n && steps < cap; from += b, steps++) {
                double[] x = new double[in * b], y = new double[obsDim * b];
                for (int k = 0; k < b; k++) {
                    float[] r = data.row(order[from + k]);
                    for (int j = 0; j < in; j++) x[j * b + k] = (r[j] - inMean[j]) / inStd[j];
                    for (int j = 0; j < obsDim; j++) y[j * b + k] = (r[in + j] - outMean[j]) / outStd[j];
                }
                Mlp.Run run = run(b);
                double[] pred = run.forward(x), grad = new double[pred.length];
                for (int i = 0; i < pred.length; i++) {
                    double d = pred[i] - y[i];
                    sum += d * d;
                    grad[i] = 2 * d / pred.length;
                }
                count += pred.length;
                store.zeroGrad();
                run.backward(grad);
                adam.step();
            }
            last = sum / Math.max(1, count);
        }
        return last;
    }

    @Override public void predictNext(float[] s, float[] a, int n, float[] out) {
        int in = obsDim + actionDim;
        double[] x = new double[in * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < obsDim; j++) x[j * n + k] = (s[k * obsDim + j] - inMean[j]) / inStd[j];
            for (int j = 0; j < actionDim; j++)
                x[(obsDim + j) * n + k] = (a[k * actionDim + j] - inMean[obsDim + j]) / inStd[obsDim + j];
        }
        double[] d = run(n).forward(x);
        for (int k = 0; k < n; k++)
            for (int j = 0; j < obsDim; j++)
                out[k * obsDim + j] = (float) (s[k * obsDim + j] + d[j * n + k] * outStd[j] + outMean[j]);
    }

    private void normalisation(Transitions data) {
        int in = obsDim + actionDim, n = data.size();
        double[] m = new double[in + obsDim], sq = new double[in + obsDim];
        for (int i = 0; i < n; i++) {
            float[] r = data.row(i);
            for (int j = 0; j < r.length; j++) {
                m[j] += r[j];
                sq[j] += (double) r[j] * r[j];
            }
        }
        inMean = new double[in];
        inStd = new double[in];
        outMean = new double[obsDim];
        outStd = new double[obsDim];
        for (int j = 0; j < in + obsDim; j++) {
            double mean = m[j] / n, std = Math.sqrt(Math.max(0, sq[j] / n - mean * mean)) + 1e-6;
            if (j < in) {
                inMean[j] = mean;
                inStd[j] = std;
            } else {
                outMean[j - in] = mean;
                outStd[j - in] = std;
            }
        }
    }
}

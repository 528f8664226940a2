package sectar.agent.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A stochastic MLP policy with backward, for behaviour cloning and PPO: a ReLU MLP to logits
 * (categorical, log-prob = log(p + 1e-8)) or to a Gaussian mean with a learned state-independent
 * log std clamped below at {@code minLogStd} (spec 3.3/3.4).
 *
 * <p>Use: {@link #evaluate} a batch of inputs and actions (log-probs and entropies), then
 * {@link #backward} with dLoss/dLogProb and dLoss/dEntropy to add parameter gradients; an {@link Adam}
 * over {@link #params()} applies them. Row-major {@code float[]} in, {@code double[]} out.
 * Not thread-safe.
 */
public final class PolicyNet {
    private final Mlp mlp;
    private final Param logStd;
    private final boolean discrete;
    private final int inDim, actSize;
    private final double logStdInit, minLogStd;
    private final List<Param> params = new ArrayList<>();
    private final Map<Integer, Mlp.Run> runs = new LinkedHashMap<>(8, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, Mlp.Run> e) { return size() > 6; }
    };
    // cache of the last evaluate, for backward
    private Mlp.Run last;
    private int lastN;
    private double[] lastOut, lastActs;
    private int[] lastIdx;

    /**
     * @param hidden     hidden widths, e.g. {400, 300, 200}
     * @param actionSize number of discrete actions, or the continuous action dimension
     * @param logStdInit initial log std (continuous only)
     * @param minLogStd  lower clamp of the log std (continuous only), e.g. log(1e-4)
     */
    public PolicyNet(ParamStore ps, String name, int inDim, int[] hidden, int actionSize, boolean discrete,
                     double logStdInit, double minLogStd, SplittableRandom rng) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = inDim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = actionSize;
        this.mlp = new Mlp(ps, name, sizes, rng);
        for (Dense d : mlp.layers) params.add(d.w);
        this.discrete = discrete;
        this.inDim = inDim;
        this.actSize = actionSize;
        this.logStdInit = logStdInit;
        this.minLogStd = minLogStd;
        if (discrete) {
            logStd = null;
        } else {
            logStd = ps.create(name + ".logStd", 1, actionSize);
            double[] v = new double[actionSize];
            Arrays.fill(v, logStdInit);
            logStd.set(v);
            params.add(logStd);
        }
    }

    public int inputDim() { return inDim; }

    public int actionSize() { return actSize; }

    public boolean discrete() { return discrete; }

    /** The trainable parameters (for an {@link Adam} of this policy alone). */
    public List<Param> params() { return List.copyOf(params); }

    public void zeroGrad() { params.forEach(Param::zeroGrad); }

    /** Re-draws the weights from {@code rng} and resets the log std to its initial value. */
    public void reinit(SplittableRandom rng) {
        mlp.reinit(rng);
        if (logStd != null) {
            double[] v = new double[actSize];
            Arrays.fill(v, logStdInit);
            logStd.set(v);
        }
    }

    /** Per-sample log-probabilities and entropies of a batch. */
    public record Eval(double[] logProb, double[] entropy) {}

    Mlp.Run run(int n) { return runs.computeIfAbsent(n, k -> new Mlp.Run(mlp, k)); }

    /**
     * @param inputs  [n][inDim] row-major
     * @param actions [n] indices (discrete) or [n][actionSize] row-major (continuous)
     */
    public Eval evaluate(float[] inputs, float[] actions, int n) {
        Nd.checkInput("policy inputs", inputs, n * inDim, "[" + n + ", " + inDim + "]");
        Nd.checkInput("policy actions", actions, n * (discrete ? 1 : actSize), "[" + n + ", " + (discrete ? 1 : actSize) + "]");
        return evaluateFeatureMajor(transpose(inputs, n, inDim), actions, n);
    }

    /** As {@link #evaluate} with inputs already feature-major [inDim][n] (package use, no copy of layout). */
    public Eval evaluateFeatureMajor(double[] xFm, float[] actions, int n) {
        Mlp.Run r = run(n);
        double[] out = r.forward(xFm);
        double[] lp = new double[n], ent = new double[n];
        if (discrete) {
            int[] idx = new int[n];
            for (int b = 0; b < n; b++) {
                idx[b] = (int) actions[b];
                if (idx[b] != actions[b] || idx[b] < 0 || idx[b] >= actSize)
                    throw new IllegalArgumentException("action " + actions[b] + " of sample " + b + " is not an index in [0, " + actSize + ")");
            }
            Categorical.logProb(out, actSize, n, idx, lp, null, null);
            Categorical.entropy(out, actSize, n, ent, null, null);
            lastIdx = idx;
        } else {
            double[] a = transpose(actions, n, actSize), ls = effectiveLogStd();
            DiagGaussian.logProb(a, out, ls, actSize, n, lp, null, null, null, null);
            DiagGaussian.entropy(ls, actSize, n, ent, null, null);
            lastActs = a;
        }
        last = r;
        lastN = n;
        lastOut = out;
        return new Eval(lp, ent);
    }

    /**
     * Adds the parameter gradients of sum_b dLogProb[b] * logp_b + dEntropy[b] * H_b (dEntropy may be
     * null) for the last {@link #evaluate}; returns dLoss/dInputs row-major [n][inDim].
     */
    public double[] backward(double[] dLogProb, double[] dEntropy) {
        double[] dx = backwardFeatureMajor(dLogProb, dEntropy);
        double[] rm = new double[dx.length];
        for (int j = 0; j < inDim; j++)
            for (int b = 0; b < lastN; b++) rm[b * inDim + j] = dx[j * lastN + b];
        return rm;
    }

    /** As {@link #backward}, returning dInputs feature-major [inDim][n]. */
    public double[] backwardFeatureMajor(double[] dLogProb, double[] dEntropy) {
        if (last == null) throw new IllegalStateException("backward before evaluate");
        int n = lastN;
        if (dLogProb.length != n || (dEntropy != null && dEntropy.length != n))
            throw new IllegalArgumentException("gradients must have length " + n + ", got " + dLogProb.length
                    + (dEntropy == null ? "" : " and " + dEntropy.length));
        double[] dOut = new double[actSize * n], tmp = new double[n];
        if (discrete) {
            Categorical.logProb(lastOut, actSize, n, lastIdx, tmp, dLogProb, dOut);
            if (dEntropy != null) Categorical.entropy(lastOut, actSize, n, tmp, dEntropy, dOut);
        } else {
            double[] ls = effectiveLogStd(), dls = new double[actSize];
            DiagGaussian.logProb(lastActs, lastOut, ls, actSize, n, tmp, dLogProb, dOut, dls, null);
            if (dEntropy != null) DiagGaussian.entropy(ls, actSize, n, tmp, dEntropy, dls);
            double[] raw = logStd.get();
            for (int j = 0; j < actSize; j++) if (raw[j] < minLogStd) dls[j] = 0; // clamp blocks the gradient
            logStd.addGradient(dls);
        }
        return last.backward(dOut);
    }

    /** Batched network output: probabilities [n][actions] (discrete) or Gaussian means [n][actDim]. */
    public float[] output(float[] inputs, int n) {
        Nd.checkInput("policy inputs", inputs, n * inDim, "[" + n + ", " + inDim + "]");
        double[] out = run(n).forward(transpose(inputs, n, inDim));
        if (discrete) Categorical.probs(out.clone(), actSize, n, out);
        float[] rm = new float[n * actSize];
        for (int j = 0; j < actSize; j++)
            for (int b = 0; b < n; b++) rm[b * actSize + j] = (float) out[j * n + b];
        return rm;
    }

    /** The clamped log std (continuous policies). */
    public double[] effectiveLogStd() {
        if (logStd == null) return new double[0];
        double[] v = logStd.get();
        for (int j = 0; j < v.length; j++) v[j] = Math.max(v[j], minLogStd);
        return v;
    }

    /** A plain-Java copy of the current weights for batch-1 acting; take a new one after each update. */
    public PolicySnapshot snapshot() {
        float[][] wt = new float[mlp.layers.length][];
        for (int l = 0; l < wt.length; l++) {
            Dense d = mlp.layers[l];
            double[] w = d.w.get(); // [out][in+1]
            float[] t = new float[(d.in + 1) * d.out];
            for (int o = 0; o < d.out; o++)
                for (int i = 0; i <= d.in; i++) t[i * d.out + o] = (float) w[o * (d.in + 1) + i];
            wt[l] = t;
        }
        return new PolicySnapshot(wt, mlp.sizes.clone(), discrete, effectiveLogStd());
    }

    static double[] transpose(float[] rm, int n, int d) {
        double[] fm = new double[n * d];
        for (int b = 0; b < n; b++)
            for (int j = 0; j < d; j++) fm[j * n + b] = rm[b * d + j];
        return fm;
    }
}

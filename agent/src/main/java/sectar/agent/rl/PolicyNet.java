package sectar.agent.rl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.nn.Categorical;
import sectar.agent.nn.DiagGaussian;
import sectar.agent.nn.Mlp;
import sectar.agent.nn.Param;
import sectar.agent.nn.ParamStore;

/**
 * A stochastic MLP policy pi(a | x): ReLU hidden layers, then either a categorical head (logits,
 * log-prob {@code log(p + 1e-8)}, spec 3.3) or a diagonal-Gaussian head (mean from the MLP, one learned
 * state-independent log-sigma vector clamped at {@code log(1e-4)}). The input x is whatever the caller
 * feeds: the observation (explorer, flat baselines) or {@code [s, z]} (SeCTAR's policy decoder).
 *
 * <p>Training passes are batched on ND4J ({@link #evaluate} then {@link #backward}); acting uses a
 * plain-Java copy of the weights (ND4J's per-call overhead dwarfs a batch-1 product). That copy is
 * refreshed by {@link #sync()}, which every optimiser here calls after its update; anyone else who
 * changes the parameters (e.g. the VAE's behaviour-cloning Adam) must call it too.
 */
public final class PolicyNet {
    /** Lowest allowed log sigma (released code: log(1e-4)). */
    public static final double MIN_LOG_STD = Math.log(1e-4);

    private final String name;
    private final Mlp mlp;
    private final boolean discrete;
    private final int inputDim, actionDim;
    private final double initLogStd;
    private final boolean doublePrecision;
    private final Param logStd;
    private final List<Param> params;
    private final int[] sizes;
    private final Map<Integer, Mlp.Run> runs = new HashMap<>(), scratchRuns = new HashMap<>();
    private double[][] actW;
    private double[] actLogStd;

    private PolicyNet(ParamStore ps, String name, int inputDim, int[] hidden, boolean discrete, int actionDim,
                      double initLogStd, SplittableRandom rng) {
        if (inputDim < 1) throw new IllegalArgumentException("policy " + name + ": inputDim must be >= 1, got " + inputDim);
        if (actionDim < 1) throw new IllegalArgumentException("policy " + name + ": action size must be >= 1, got " + actionDim);
        for (int h : hidden)
            if (h < 1) throw new IllegalArgumentException("policy " + name + ": hidden sizes must be >= 1, got " + Arrays.toString(hidden));
        if (!Double.isFinite(initLogStd))
            throw new IllegalArgumentException("policy " + name + ": initLogStd must be finite, got " + initLogStd);
        this.name = name;
        this.discrete = discrete;
        this.inputDim = inputDim;
        this.actionDim = actionDim;
        this.initLogStd = initLogStd;
        this.doublePrecision = ps.doublePrecision();
        sizes = new int[hidden.length + 2];
        sizes[0] = inputDim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = actionDim;
        int before = ps.list().size();
        mlp = new Mlp(ps, name + ".mlp", sizes, rng);
        if (!discrete) {
            logStd = ps.create(name + ".logStd", 1, actionDim);
            resetLogStd();
        } else {
            logStd = null;
        }
        List<Param> all = ps.list();
        params = List.copyOf(all.subList(before, all.size()));
        sync();
    }

    /** Softmax policy over {@code numActions} discrete actions. */
    public static PolicyNet categorical(ParamStore ps, String name, int inputDim, int[] hidden, int numActions,
                                        SplittableRandom rng) {
        return new PolicyNet(ps, name, inputDim, hidden, true, numActions, 0, rng);
    }

    /** Gaussian policy over {@code actionDim} reals with log sigma initialised to {@code initLogStd}. */
    public static PolicyNet gaussian(ParamStore ps, String name, int inputDim, int[] hidden, int actionDim,
                                     double initLogStd, SplittableRandom rng) {
        return new PolicyNet(ps, name, inputDim, hidden, false, actionDim, initLogStd, rng);
    }

    public String name() { return name; }

    public boolean discrete() { return discrete; }

    public int inputDim() { return inputDim; }

    /** Number of discrete actions, or the dimension of a continuous action. */
    public int actionSize() { return actionDim; }

    /** Length of one action vector as stored in a batch: 1 (an index) or the action dimension. */
    public int actionVectorLength() { return discrete ? 1 : actionDim; }

    /** Whether the parameters live in double precision (gradient checks, TRPO's finite differences). */
    public boolean doublePrecision() { return doublePrecision; }

    /** Widths input, hidden..., output of the MLP. */
    public int[] sizes() { return sizes.clone(); }

    /** This policy's parameters (a subset of its store), in a fixed order. */
    public List<Param> params() { return params; }

    /** Re-draws the MLP weights and resets log sigma to its initial value (the explorer reset, spec 4.3). */
    public void reinit(SplittableRandom rng) {
        mlp.reinit(rng);
        if (logStd != null) resetLogStd();
        sync();
    }

    private void resetLogStd() {
        double[] v = new double[actionDim];
        Arrays.fill(v, initLogStd);
        logStd.set(v);
    }

    // ---------------------------------------------------------------- batched training passes (ND4J)

    /**
     * The outputs of one batched forward pass. It stays valid for {@link PolicyNet#backward} until the
     * next {@link PolicyNet#evaluate} at the same batch size.
     *
     * @param logProbs  log pi(a_b | x_b) per sample
     * @param entropies entropy of pi(. | x_b) per sample
     * @param outputs   head outputs (logits or means), feature-major [actionSize * B]
     * @param logStd    the clamped log sigma vector (Gaussian) or null
     */
    public record Eval(double[] logProbs, double[] entropies, double[] outputs, double[] logStd, int[] actions,
                       double[] actionValues, Mlp.Run run) {
        public int batch() { return logProbs.length; }
    }

    /**
     * Forward pass over {@code rows} of {@code inputs} (all rows when {@code rows} is null).
     *
     * @param inputs  [N][inputDim]
     * @param actions [N][actionVectorLength()]
     */
    public Eval evaluate(double[][] inputs, double[][] actions, int[] rows) {
        int b = rows == null ? inputs.length : rows.length;
        Mlp.Run run = run(runs, b);
        double[] out = run.forward(gather(inputs, rows, b));
        double[] lp = new double[b], ent = new double[b];
        if (discrete) {
            int[] a = actionIndices(actions, rows, b);
            Categorical.logProb(out, actionDim, b, a, lp, null, null);
            Categorical.entropy(out, actionDim, b, ent, null, null);
            return new Eval(lp, ent, out, null, a, null, run);
        }
        double[] x = gatherActions(actions, rows, b), ls = clampedLogStd();
        DiagGaussian.logProb(x, out, ls, actionDim, b, lp, null, null, null, null);
        DiagGaussian.entropy(ls, actionDim, b, ent, null, null);
        return new Eval(lp, ent, out, ls, null, x, run);
    }

    /**
     * Accumulates into the parameters' gradients {@code sum_b dLogp[b] dlogp_b/dtheta + dEntropy[b]
     * dH_b/dtheta}; either array may be null (zero). Gradients add up: zero them first ({@link #zeroGrad()}).
     */
    public void backward(Eval e, double[] dLogp, double[] dEntropy) {
        int b = e.batch();
        double[] dOut = new double[actionDim * b];
        double[] dLs = discrete ? null : new double[actionDim];
        double[] tmp = new double[b];
        if (discrete) {
            if (dLogp != null) Categorical.logProb(e.outputs(), actionDim, b, e.actions(), tmp, dLogp, dOut);
            if (dEntropy != null) Categorical.entropy(e.outputs(), actionDim, b, tmp, dEntropy, dOut);
        } else {
            if (dLogp != null)
                DiagGaussian.logProb(e.actionValues(), e.outputs(), e.logStd(), actionDim, b, tmp, dLogp, dOut, dLs, null);
            if (dEntropy != null) DiagGaussian.entropy(e.logStd(), actionDim, b, tmp, dEntropy, dLs);
        }
        backwardOutputs(e, dOut, dLs);
    }

    /** Backward from a gradient on the head outputs (feature-major) and, for Gaussians, on log sigma. */
    void backwardOutputs(Eval e, double[] dOut, double[] dLogStd) {
        e.run().backward(dOut);
        if (dLogStd != null && logStd != null) {
            double[] raw = logStd.get(), g = new double[actionDim];
            for (int j = 0; j < actionDim; j++) g[j] = raw[j] > MIN_LOG_STD ? dLogStd[j] : 0;
            logStd.addGradient(g);
        }
    }

    /** Head outputs for {@code rows} of {@code inputs} on separate buffers (does not disturb any Eval). */
    double[] outputsScratch(double[][] inputs, int[] rows) {
        int b = rows == null ? inputs.length : rows.length;
        return run(scratchRuns, b).forward(gather(inputs, rows, b));
    }

    /** Batched log-probabilities of {@code actions} (no gradient). */
    public double[] logProbs(double[][] inputs, double[][] actions) { return evaluate(inputs, actions, null).logProbs(); }

    /** Batched entropies (no gradient). */
    public double[] entropies(double[][] inputs) {
        double[][] dummy = new double[inputs.length][actionVectorLength()];
        return evaluate(inputs, dummy, null).entropies();
    }

    /** Zeroes the gradients of this policy's parameters only. */
    public void zeroGrad() { for (Param p : params) p.zeroGrad(); }

    /** The log sigma vector after the clamp (Gaussian); null for a categorical policy. */
    public double[] clampedLogStd() {
        if (logStd == null) return null;
        double[] v = logStd.get();
        for (int j = 0; j < v.length; j++) v[j] = Math.max(MIN_LOG_STD, v[j]);
        return v;
    }

    private Mlp.Run run(Map<Integer, Mlp.Run> cache, int b) {
        if (b < 1) throw new IllegalArgumentException("policy " + name + ": batch must be >= 1, got " + b);
        return cache.computeIfAbsent(b, k -> new Mlp.Run(mlp, k));
    }

    private double[] gather(double[][] inputs, int[] rows, int b) {
        double[] x = new double[inputDim * b];
        for (int k = 0; k < b; k++) {
            double[] in = inputs[rows == null ? k : rows[k]];
            if (in.length != inputDim)
                throw new IllegalArgumentException("policy " + name + ": input " + (rows == null ? k : rows[k])
                        + " has length " + in.length + ", expected " + inputDim);
            for (int j = 0; j < inputDim; j++) x[j * b + k] = in[j];
        }
        return x;
    }

    private int[] actionIndices(double[][] actions, int[] rows, int b) {
        int[] a = new int[b];
        for (int k = 0; k < b; k++) {
            double[] v = actions[rows == null ? k : rows[k]];
            if (v.length != 1 || v[0] != Math.rint(v[0]))
                throw new IllegalArgumentException("policy " + name + ": discrete action " + (rows == null ? k : rows[k])
                        + " must be one integer index, got " + Arrays.toString(v));
            a[k] = (int) v[0];
        }
        return a;
    }

    private double[] gatherActions(double[][] actions, int[] rows, int b) {
        double[] x = new double[actionDim * b];
        for (int k = 0; k < b; k++) {
            double[] v = actions[rows == null ? k : rows[k]];
            if (v.length != actionDim)
                throw new IllegalArgumentException("policy " + name + ": action " + (rows == null ? k : rows[k])
                        + " has length " + v.length + ", expected " + actionDim);
            for (int j = 0; j < actionDim; j++) x[j * b + k] = v[j];
        }
        return x;
    }

    // ---------------------------------------------------------------- flat parameter vector (TRPO)

    /** Number of scalars in {@link #params()}. */
    public int paramCount() {
        int n = 0;
        for (Param p : params) n += p.size();
        return n;
    }

    /** All parameters concatenated in {@link #params()} order. */
    public double[] flatParams() { return flatten(true); }

    /** All accumulated gradients concatenated in {@link #params()} order. */
    public double[] flatGradient() { return flatten(false); }

    private double[] flatten(boolean values) {
        double[] out = new double[paramCount()];
        int o = 0;
        for (Param p : params) {
            double[] v = values ? p.get() : p.gradient();
            System.arraycopy(v, 0, out, o, v.length);
            o += v.length;
        }
        return out;
    }

    /** Overwrites all parameters from a flat vector (does not {@link #sync()}). */
    public void setFlatParams(double[] flat) {
        if (flat.length != paramCount())
            throw new IllegalArgumentException("policy " + name + " has " + paramCount() + " parameters, got " + flat.length);
        int o = 0;
        for (Param p : params) {
            p.set(Arrays.copyOfRange(flat, o, o + p.size()));
            o += p.size();
        }
    }

    // ---------------------------------------------------------------- acting (plain Java, batch 1)

    /** Copies the current weights into the plain-Java acting snapshot. */
    public void sync() {
        List<Param> layers = new ArrayList<>(params.subList(0, sizes.length - 1));
        actW = new double[layers.size()][];
        for (int i = 0; i < actW.length; i++) actW[i] = layers.get(i).get();
        actLogStd = clampedLogStd();
    }

    /** Head output for one input from the snapshot: logits (categorical) or the mean (Gaussian). */
    public double[] output(double[] input) {
        if (input.length != inputDim)
            throw new IllegalArgumentException("policy " + name + ": input has length " + input.length + ", expected " + inputDim);
        double[] h = input;
        for (int l = 0; l < actW.length; l++) {
            int in = sizes[l], out = sizes[l + 1], cols = in + 1;
            double[] w = actW[l], y = new double[out];
            for (int o = 0; o < out; o++) {
                double s = w[o * cols + in];
                int base = o * cols;
                for (int i = 0; i < in; i++) s += w[base + i] * h[i];
                y[o] = l < actW.length - 1 && s < 0 ? 0 : s;
            }
            h = y;
        }
        return h;
    }

    /** Action probabilities for one input (categorical only). */
    public double[] probabilities(double[] input) {
        requireDiscrete("probabilities");
        double[] p = new double[actionDim];
        Categorical.probs(output(input), actionDim, 1, p);
        return p;
    }

    /** Samples an action for one input from the snapshot: {@code {k}} or a real vector. */
    public double[] act(double[] input, SplittableRandom rng) {
        if (discrete) return new double[] {Categorical.sample(probabilities(input), rng.nextDouble())};
        double[] mean = output(input);
        return DiagGaussian.sample(mean, actLogStd, DiagGaussian.noise(rng, actionDim), actionDim, 1);
    }

    /** The most likely action for one input (argmax, or the mean). */
    public double[] actGreedy(double[] input) {
        double[] out = output(input);
        if (!discrete) return out;
        int best = 0;
        for (int j = 1; j < actionDim; j++) if (out[j] > out[best]) best = j;
        return new double[] {best};
    }

    /** log pi(action | input) from the snapshot. */
    public double logProb(double[] input, double[] action) {
        double[] out = output(input), lp = new double[1];
        if (discrete) {
            int[] a = actionIndices(new double[][] {action}, null, 1);
            Categorical.logProb(out, actionDim, 1, a, lp, null, null);
        } else {
            DiagGaussian.logProb(gatherActions(new double[][] {action}, null, 1), out, actLogStd, actionDim, 1, lp,
                    null, null, null, null);
        }
        return lp[0];
    }

    private void requireDiscrete(String what) {
        if (!discrete) throw new IllegalStateException("policy " + name + ": " + what + " needs a categorical head");
    }
}

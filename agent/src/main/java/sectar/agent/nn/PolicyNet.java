package sectar.agent.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A stochastic MLP policy pi(a | x), the one policy class of the project (explorer, flat baselines and
 * SeCTAR's policy decoder): ReLU hidden layers, then either a categorical head (logits, log-prob
 * {@code log(p + 1e-8)}, spec 3.3) or a diagonal-Gaussian head (mean from the MLP, one learned
 * state-independent log-sigma vector clamped at {@link #MIN_LOG_STD}). The input x is whatever the
 * caller feeds: the observation, or {@code [s, z]} for the policy decoder.
 *
 * <p>Training passes are batched on ND4J: {@link #evaluate} (sample-major {@code double[][]}) or
 * {@link #evaluateFeatureMajor} (behaviour cloning inside the VAE), then {@link #backward} or
 * {@link #backwardInputs} (which also returns dLoss/dInputs, the gradient into z). Acting is batch-1
 * plain Java on a snapshot of the weights ({@code PolicySnapshot}), refreshed by {@link #sync()}: every
 * optimiser here calls it after its update, and anyone else who changes the parameters (the VAE's
 * joint Adam, {@link #setFlatParams}) must call it too. Not thread-safe for training; acting calls may
 * run concurrently between syncs.
 */
public final class PolicyNet {
    /** Lowest allowed log sigma (released code: log(1e-4)). */
    public static final double MIN_LOG_STD = Math.log(1e-4);
    private static final int CACHED_RUNS = 8;

    private final String name;
    private final Mlp mlp;
    private final boolean discrete;
    private final int inputDim, actionDim;
    private final double initLogStd;
    private final boolean doublePrecision;
    private final Param logStd;
    private final List<Param> params;
    private final int[] sizes;
    private final Map<Integer, Mlp.Run> runs = lru(), scratchRuns = lru();
    private volatile PolicySnapshot snapshot;

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

    /** This policy's parameters (a subset of its store), in a fixed order: MLP layers, then log sigma. */
    public List<Param> params() { return params; }

    /**
     * The released explorer reset (spec 4.3): re-draws the linear weights only; biases are kept and
     * log sigma goes back to its initial value.
     */
    public void redrawWeights(SplittableRandom rng) {
        mlp.redrawWeights(rng);
        if (logStd != null) resetLogStd();
        sync();
    }

    private void resetLogStd() {
        double[] v = new double[actionDim];
        Arrays.fill(v, initLogStd);
        logStd.set(v);
    }

    /** Whether large batched products run on two threads (results are the same either way); default true. */
    public void setParallel(boolean p) { mlp.setParallel(p); }

    /** Zeroes the gradients of this policy's parameters only. */
    public void zeroGrad() { for (Param p : params) p.zeroGrad(); }

    /** The log sigma vector after the clamp (Gaussian); null for a categorical policy. */
    public double[] clampedLogStd() {
        if (logStd == null) return null;
        double[] v = logStd.get();
        for (int j = 0; j < v.length; j++) v[j] = Math.max(MIN_LOG_STD, v[j]);
        return v;
    }

    // ---------------------------------------------------------------- batched training passes (ND4J)

    /**
     * The outputs of one batched forward pass. It stays valid for {@link PolicyNet#backward} until the
     * next evaluate at the same batch size.
     *
     * @param logProbs     log pi(a_b | x_b) per sample
     * @param entropies    entropy of pi(. | x_b) per sample
     * @param outputs      head outputs (logits or means), feature-major [actionSize * B]
     * @param logStd       the clamped log sigma vector (Gaussian) or null
     * @param actions      the action indices (categorical) or null
     * @param actionValues the actions feature-major [actionSize * B] (Gaussian) or null
     * @param run          the ND4J buffers holding this pass's activations
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
        return discrete ? evalHead(out, actionIndices(actions, rows, b), null, run)
                : evalHead(out, null, gatherActions(actions, rows, b), run);
    }

    /**
     * Forward pass over inputs already feature-major (behaviour cloning in the VAE).
     *
     * @param xFm     inputs [inputDim][n], i.e. {@code xFm[j*n + b]}
     * @param actions n action indices (categorical) or [n][actionSize] row-major (Gaussian)
     */
    public Eval evaluateFeatureMajor(double[] xFm, int n, float[] actions) {
        if (n < 1) throw new IllegalArgumentException("policy " + name + ": batch must be >= 1, got " + n);
        if (xFm.length != inputDim * n)
            throw new IllegalArgumentException("policy " + name + ": feature-major inputs have length " + xFm.length
                    + ", expected " + inputDim + " x " + n + " = " + inputDim * n);
        Nd.checkInput("policy " + name + " actions", actions, n * actionVectorLength(),
                "[" + n + ", " + actionVectorLength() + "]");
        Mlp.Run run = run(runs, n);
        double[] out = run.forward(xFm);
        if (discrete) {
            int[] idx = new int[n];
            for (int b = 0; b < n; b++) {
                idx[b] = (int) actions[b];
                if (idx[b] != actions[b])
                    throw new IllegalArgumentException("policy " + name + ": action " + actions[b] + " of sample " + b
                            + " is not an index in [0, " + actionDim + ")");
            }
            return evalHead(out, idx, null, run);
        }
        double[] a = new double[actionDim * n];
        for (int b = 0; b < n; b++)
            for (int j = 0; j < actionDim; j++) a[j * n + b] = actions[b * actionDim + j];
        return evalHead(out, null, a, run);
    }

    private Eval evalHead(double[] out, int[] idx, double[] actionValues, Mlp.Run run) {
        int b = run.batch();
        double[] lp = new double[b], ent = new double[b];
        if (discrete) {
            Categorical.logProb(out, actionDim, b, idx, lp, null, null);
            Categorical.entropy(out, actionDim, b, ent, null, null);
            return new Eval(lp, ent, out, null, idx, null, run);
        }
        double[] ls = clampedLogStd();
        DiagGaussian.logProb(actionValues, out, ls, actionDim, b, lp, null, null, null, null);
        DiagGaussian.entropy(ls, actionDim, b, ent, null, null);
        return new Eval(lp, ent, out, ls, null, actionValues, run);
    }

    /**
     * Accumulates into the parameters' gradients {@code sum_b dLogp[b] dlogp_b/dtheta + dEntropy[b]
     * dH_b/dtheta}; either array may be null (zero). Gradients add up: zero them first ({@link #zeroGrad()}).
     */
    public void backward(Eval e, double[] dLogp, double[] dEntropy) {
        double[][] d = headGradients(e, dLogp, dEntropy);
        backwardOutputs(e, d[0], d[1]);
    }

    /**
     * As {@link #backward}, and returns dLoss/dInputs feature-major [inputDim][n] (the VAE needs the
     * gradient into z).
     */
    public double[] backwardInputs(Eval e, double[] dLogp, double[] dEntropy) {
        double[][] d = headGradients(e, dLogp, dEntropy);
        double[] dx = e.run().backward(d[0]);
        addLogStdGradient(d[1]);
        return dx;
    }

    /**
     * Backward from a gradient on the head outputs (feature-major [actionSize * B]) and, for Gaussians,
     * on log sigma (may be null); TRPO's Fisher-vector product uses it directly.
     */
    public void backwardOutputs(Eval e, double[] dOut, double[] dLogStd) {
        if (dOut.length != actionDim * e.batch())
            throw new IllegalArgumentException("policy " + name + ": output gradient has length " + dOut.length
                    + ", expected " + actionDim * e.batch());
        Mlp.Run run = e.run();
        Nd.write(dOut, run.outputGrad());
        run.backward(false);
        addLogStdGradient(dLogStd);
    }

    /** {dLoss/dOutputs, dLoss/dLogSigma (Gaussian) or null} from per-sample weights. */
    private double[][] headGradients(Eval e, double[] dLogp, double[] dEntropy) {
        int b = e.batch();
        for (double[] d : new double[][] {dLogp, dEntropy})
            if (d != null && d.length != b)
                throw new IllegalArgumentException("policy " + name + ": per-sample gradients must have length " + b
                        + ", got " + d.length);
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
        return new double[][] {dOut, dLs};
    }

    /** Adds a log-sigma gradient where the clamp is inactive (the clamp blocks it below MIN_LOG_STD). */
    private void addLogStdGradient(double[] dLogStd) {
        if (dLogStd == null || logStd == null) return;
        double[] raw = logStd.get(), g = new double[actionDim];
        for (int j = 0; j < actionDim; j++) g[j] = raw[j] > MIN_LOG_STD ? dLogStd[j] : 0;
        logStd.addGradient(g);
    }

    /**
     * Head outputs (feature-major) for {@code rows} of {@code inputs} on separate buffers: does not
     * disturb any {@link Eval} (TRPO's old outputs and finite differences).
     */
    public double[] outputsScratch(double[][] inputs, int[] rows) {
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

    /**
     * Batched head outputs on the scratch buffers (the planner and the VAE's inference calls).
     *
     * @param inputs [n][inputDim] row-major, finite
     * @return [n][actionSize] row-major logits (categorical) or Gaussian means
     */
    public float[] outputs(float[] inputs, int n) {
        return rowMajor(outputsFeatureMajor(inputs, n), n);
    }

    /** Batched action probabilities [n][actionSize] row-major for row-major inputs (categorical only). */
    public float[] probabilities(float[] inputs, int n) {
        requireDiscrete("probabilities");
        double[] out = outputsFeatureMajor(inputs, n);
        Categorical.probs(out.clone(), actionDim, n, out);
        return rowMajor(out, n);
    }

    private double[] outputsFeatureMajor(float[] inputs, int n) {
        if (n < 1) throw new IllegalArgumentException("policy " + name + ": batch must be >= 1, got " + n);
        Nd.checkInput("policy " + name + " inputs", inputs, n * inputDim, "[" + n + ", " + inputDim + "]");
        double[] x = new double[n * inputDim];
        for (int b = 0; b < n; b++)
            for (int j = 0; j < inputDim; j++) x[j * n + b] = inputs[b * inputDim + j];
        return run(scratchRuns, n).forward(x);
    }

    private float[] rowMajor(double[] fm, int n) {
        float[] rm = new float[n * actionDim];
        for (int j = 0; j < actionDim; j++)
            for (int b = 0; b < n; b++) rm[b * actionDim + j] = (float) fm[j * n + b];
        return rm;
    }

    private Mlp.Run run(Map<Integer, Mlp.Run> cache, int b) {
        if (b < 1) throw new IllegalArgumentException("policy " + name + ": batch must be >= 1, got " + b);
        return cache.computeIfAbsent(b, k -> new Mlp.Run(mlp, k));
    }

    /** Least-recently-used run cache: an evicted run stays valid for an Eval that still holds it. */
    private static Map<Integer, Mlp.Run> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Integer, Mlp.Run> e) { return size() > CACHED_RUNS; }
        };
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

    /** Copies the current weights into the plain-Java acting snapshot; call after every parameter change. */
    public void sync() {
        snapshot = PolicySnapshot.of(mlp, doublePrecision, clampedLogStd());
    }

    /** Head output for one input from the snapshot: logits (categorical) or the mean (Gaussian). */
    public double[] output(double[] input) { return snapshot.forward(checked(input)); }

    private double[] checked(double[] input) {
        if (input.length != inputDim)
            throw new IllegalArgumentException("policy " + name + ": input has length " + input.length + ", expected " + inputDim);
        for (int i = 0; i < input.length; i++)
            if (!Double.isFinite(input[i]))
                throw new IllegalArgumentException("policy " + name + ": input[" + i + "] must be finite, got " + input[i]);
        return input;
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
        PolicySnapshot snap = snapshot;
        double[] mean = snap.forward(checked(input));
        return DiagGaussian.sample(mean, snap.logStd, DiagGaussian.noise(rng, actionDim), actionDim, 1);
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
        PolicySnapshot snap = snapshot;
        double[] out = snap.forward(checked(input)), lp = new double[1];
        if (discrete) {
            int[] a = actionIndices(new double[][] {action}, null, 1);
            Categorical.logProb(out, actionDim, 1, a, lp, null, null);
        } else {
            DiagGaussian.logProb(gatherActions(new double[][] {action}, null, 1), out, snap.logStd, actionDim, 1, lp,
                    null, null, null, null);
        }
        return lp[0];
    }

    private void requireDiscrete(String what) {
        if (!discrete) throw new IllegalStateException("policy " + name + ": " + what + " needs a categorical head");
    }
}

package sectar.agent.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A stochastic MLP policy pi(a | x), the one policy class of the project (explorer, flat baselines and
 * SeCTAR's policy decoder): ReLU hidden layers, then a head ({@link PolicyHead}): categorical over
 * logits ({@link CategoricalHead}) or a diagonal Gaussian with a learned state-independent log sigma
 * clamped at {@link #MIN_LOG_STD} ({@link GaussianHead}). The input x is whatever the caller feeds: the
 * observation, or {@code [s, z]} for the policy decoder.
 *
 * <p>Training passes are batched on ND4J: {@link #evaluate} (sample-major {@code double[][]}) or
 * {@link #evaluateFeatureMajor} (behaviour cloning inside the VAE; the layouts are {@link FeatureMajor}),
 * then {@link #backward}, {@link #backwardInputs} (which also returns dLoss/dInputs, the gradient into z)
 * or {@link #backwardOutputs}. TRPO sees the parameters as one vector ({@link FlatParams}). Acting is
 * batch-1 plain Java on a snapshot of the weights ({@link PolicySnapshot}), refreshed by {@link #sync()}:
 * every optimiser here calls it after its update, and anyone else who changes the parameters (the
 * VAE's joint Adam, {@link #setFlatParams}) must call it too. Not thread-safe for training; acting
 * calls may run concurrently between syncs.
 */
public final class PolicyNet {
    /** Lowest allowed log sigma (released code: log(1e-4)). */
    public static final double MIN_LOG_STD = Math.log(1e-4);
    private static final int CACHED_RUNS = 8;

    private final String name;
    private final Mlp mlp;
    private final PolicyHead head;
    private final int inputDim, actionDim;
    private final boolean doublePrecision;
    private final List<Param> params;
    private final FlatParams flat;
    private final int[] sizes;
    private final Map<Integer, Mlp.Run> runs = lru(), scratchRuns = lru();
    private volatile PolicySnapshot snapshot;

    private PolicyNet(ParamStore ps, String name, int inputDim, int[] hidden, boolean discrete, int actionDim,
                      double initLogStd, double maxLogStd, SplittableRandom rng) {
        if (inputDim < 1) throw new IllegalArgumentException("policy " + name + ": inputDim must be >= 1, got " + inputDim);
        if (actionDim < 1) throw new IllegalArgumentException("policy " + name + ": action size must be >= 1, got " + actionDim);
        for (int h : hidden)
            if (h < 1) throw new IllegalArgumentException("policy " + name + ": hidden sizes must be >= 1, got " + Arrays.toString(hidden));
        if (!Double.isFinite(initLogStd))
            throw new IllegalArgumentException("policy " + name + ": initLogStd must be finite, got " + initLogStd);
        if (!(maxLogStd >= initLogStd))
            throw new IllegalArgumentException("policy " + name + ": the log std cap " + maxLogStd
                    + " must be at least the initial log std " + initLogStd);
        this.name = name;
        this.inputDim = inputDim;
        this.actionDim = actionDim;
        this.doublePrecision = ps.doublePrecision();
        sizes = new int[hidden.length + 2];
        sizes[0] = inputDim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = actionDim;
        int before = ps.list().size();
        mlp = new Mlp(ps, name + ".mlp", sizes, rng);
        head = discrete ? new CategoricalHead(name, actionDim) : new GaussianHead(ps, name, actionDim, initLogStd, maxLogStd);
        List<Param> all = ps.list();
        params = List.copyOf(all.subList(before, all.size()));
        flat = new FlatParams(name, params);
        sync();
    }

    /** Softmax policy over {@code numActions} discrete actions. */
    public static PolicyNet categorical(ParamStore ps, String name, int inputDim, int[] hidden, int numActions,
                                        SplittableRandom rng) {
        return new PolicyNet(ps, name, inputDim, hidden, true, numActions, 0, Double.POSITIVE_INFINITY, rng);
    }

    /** Gaussian policy over {@code actionDim} reals with log sigma initialised to {@code initLogStd}. */
    public static PolicyNet gaussian(ParamStore ps, String name, int inputDim, int[] hidden, int actionDim,
                                     double initLogStd, SplittableRandom rng) {
        return gaussian(ps, name, inputDim, hidden, actionDim, initLogStd, Double.POSITIVE_INFINITY, rng);
    }

    /** As {@link #gaussian}, with log sigma never above {@code maxLogStd} (>= initLogStd; +infinity for no cap). */
    public static PolicyNet gaussian(ParamStore ps, String name, int inputDim, int[] hidden, int actionDim,
                                     double initLogStd, double maxLogStd, SplittableRandom rng) {
        return new PolicyNet(ps, name, inputDim, hidden, false, actionDim, initLogStd, maxLogStd, rng);
    }

    public String name() { return name; }

    public boolean discrete() { return head instanceof CategoricalHead; }

    public int inputDim() { return inputDim; }

    /** Number of discrete actions, or the dimension of a continuous action. */
    public int actionSize() { return actionDim; }

    /** Length of one action vector as stored in a batch: 1 (an index) or the action dimension. */
    public int actionVectorLength() { return head.actionVectorLength(); }

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
        head.reset();
        sync();
    }

    /** Whether large batched products run on two threads (results are the same either way); default true. */
    public void setParallel(boolean p) { mlp.setParallel(p); }

    /** Zeroes the gradients of this policy's parameters only. */
    public void zeroGrad() { for (Param p : params) p.zeroGrad(); }

    /** The log sigma vector after the clamp (Gaussian); null for a categorical policy. */
    public double[] clampedLogStd() { return head.clampedLogStd(); }

    // ---------------------------------------------------------------- batched training passes (ND4J)

    /**
     * Forward pass over {@code rows} of {@code inputs} (all rows when {@code rows} is null).
     *
     * @param inputs  [N][inputDim]
     * @param actions [N][actionVectorLength()]
     */
    public PolicyEval evaluate(double[][] inputs, double[][] actions, int[] rows) {
        int b = rows == null ? inputs.length : rows.length;
        Mlp.Run run = run(runs, b);
        return head.evaluate(run.forward(FeatureMajor.gather(name, inputs, rows, b, inputDim)), actions, rows, run);
    }

    /**
     * Forward pass over inputs already feature-major (behaviour cloning in the VAE).
     *
     * @param xFm     inputs [inputDim][n], i.e. {@code xFm[j*n + b]}
     * @param actions n action indices (categorical) or [n][actionSize] row-major (Gaussian)
     */
    public PolicyEval evaluateFeatureMajor(double[] xFm, int n, float[] actions) {
        if (n < 1) throw new IllegalArgumentException("policy " + name + ": batch must be >= 1, got " + n);
        if (xFm.length != inputDim * n)
            throw new IllegalArgumentException("policy " + name + ": feature-major inputs have length " + xFm.length
                    + ", expected " + inputDim + " x " + n + " = " + inputDim * n);
        Nd.checkInput("policy " + name + " actions", actions, n * actionVectorLength(),
                "[" + n + ", " + actionVectorLength() + "]");
        Mlp.Run run = run(runs, n);
        return head.evaluate(run.forward(xFm), actions, n, run);
    }

    /**
     * Accumulates into the parameters' gradients {@code sum_b dLogp[b] dlogp_b/dtheta + dEntropy[b]
     * dH_b/dtheta}; either array may be null (zero). Gradients add up: zero them first ({@link #zeroGrad()}).
     */
    public void backward(PolicyEval e, double[] dLogp, double[] dEntropy) {
        double[][] d = head.gradients(e, perSample(e, dLogp), perSample(e, dEntropy));
        backwardOutputs(e, d[0], d[1]);
    }

    /**
     * As {@link #backward}, and returns dLoss/dInputs feature-major [inputDim][n] (the VAE needs the
     * gradient into z).
     */
    public double[] backwardInputs(PolicyEval e, double[] dLogp, double[] dEntropy) {
        double[][] d = head.gradients(e, perSample(e, dLogp), perSample(e, dEntropy));
        double[] dx = e.run().backward(d[0]);
        head.addLogStdGradient(d[1]);
        return dx;
    }

    /**
     * Backward from a gradient on the head outputs (feature-major [actionSize * B]) and, for Gaussians,
     * on log sigma (may be null); TRPO's Fisher-vector product uses it directly.
     */
    public void backwardOutputs(PolicyEval e, double[] dOut, double[] dLogStd) {
        if (dOut.length != actionDim * e.batch())
            throw new IllegalArgumentException("policy " + name + ": output gradient has length " + dOut.length
                    + ", expected " + actionDim * e.batch());
        Mlp.Run run = e.run();
        Nd.write(dOut, run.outputGrad());
        run.backward(false);
        head.addLogStdGradient(dLogStd);
    }

    /** {@code d}, checked to hold one weight per sample of {@code e} (null stays null). */
    private double[] perSample(PolicyEval e, double[] d) {
        if (d != null && d.length != e.batch())
            throw new IllegalArgumentException("policy " + name + ": per-sample gradients must have length " + e.batch()
                    + ", got " + d.length);
        return d;
    }

    /**
     * Head outputs (feature-major) for {@code rows} of {@code inputs} on separate buffers: does not
     * disturb any {@link PolicyEval} (TRPO's old outputs and finite differences).
     */
    public double[] outputsScratch(double[][] inputs, int[] rows) {
        int b = rows == null ? inputs.length : rows.length;
        return run(scratchRuns, b).forward(FeatureMajor.gather(name, inputs, rows, b, inputDim));
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
        return FeatureMajor.toRowMajor(outputsFeatureMajor(inputs, n), n, actionDim);
    }

    /** Batched action probabilities [n][actionSize] row-major for row-major inputs (categorical only). */
    public float[] probabilities(float[] inputs, int n) {
        requireDiscrete("probabilities");
        double[] out = outputsFeatureMajor(inputs, n);
        Categorical.probs(out.clone(), actionDim, n, out);
        return FeatureMajor.toRowMajor(out, n, actionDim);
    }

    private double[] outputsFeatureMajor(float[] inputs, int n) {
        if (n < 1) throw new IllegalArgumentException("policy " + name + ": batch must be >= 1, got " + n);
        Nd.checkInput("policy " + name + " inputs", inputs, n * inputDim, "[" + n + ", " + inputDim + "]");
        return run(scratchRuns, n).forward(FeatureMajor.of(inputs, n, inputDim));
    }

    private Mlp.Run run(Map<Integer, Mlp.Run> cache, int b) {
        if (b < 1) throw new IllegalArgumentException("policy " + name + ": batch must be >= 1, got " + b);
        return cache.computeIfAbsent(b, k -> new Mlp.Run(mlp, k));
    }

    /** Least-recently-used run cache: an evicted run stays valid for an eval that still holds it. */
    private static Map<Integer, Mlp.Run> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Integer, Mlp.Run> e) { return size() > CACHED_RUNS; }
        };
    }

    // ---------------------------------------------------------------- flat parameter vector (TRPO)

    /** Number of scalars in {@link #params()}. */
    public int paramCount() { return flat.count(); }

    /** All parameters concatenated in {@link #params()} order. */
    public double[] flatParams() { return flat.values(); }

    /** All accumulated gradients concatenated in {@link #params()} order. */
    public double[] flatGradient() { return flat.gradients(); }

    /** Overwrites all parameters from a flat vector (does not {@link #sync()}). */
    public void setFlatParams(double[] values) { flat.set(values); }

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
        return ((CategoricalHead) head).probabilities(output(input));
    }

    /** Samples an action for one input from the snapshot: {@code {k}} or a real vector. */
    public double[] act(double[] input, SplittableRandom rng) {
        PolicySnapshot snap = snapshot;
        return head.sample(snap.forward(checked(input)), snap.logStd, rng);
    }

    /**
     * The Gaussian's action for one input with its standard-normal draw given: mean + sigma * eps
     * (continuous only). With {@code eps} drawn by {@link DiagGaussian#noise} from the stream {@link #act}
     * would get, it is {@link #act}'s action.
     */
    public double[] actWithNoise(double[] input, double[] eps) {
        if (discrete()) throw new IllegalStateException("policy " + name + ": actWithNoise needs a Gaussian head");
        if (eps.length != actionDim)
            throw new IllegalArgumentException("policy " + name + ": noise has length " + eps.length + ", expected " + actionDim);
        PolicySnapshot snap = snapshot;
        return DiagGaussian.sample(snap.forward(checked(input)), snap.logStd, eps, actionDim, 1);
    }

    /** The most likely action for one input (argmax, or the mean). */
    public double[] actGreedy(double[] input) { return head.greedy(output(input)); }

    /** log pi(action | input) from the snapshot. */
    public double logProb(double[] input, double[] action) {
        PolicySnapshot snap = snapshot;
        return head.logProb(snap.forward(checked(input)), snap.logStd, action);
    }

    private void requireDiscrete(String what) {
        if (!discrete()) throw new IllegalStateException("policy " + name + ": " + what + " needs a categorical head");
    }
}

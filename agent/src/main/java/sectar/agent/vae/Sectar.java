package sectar.agent.vae;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.nn.Adam;
import sectar.agent.nn.DiagGaussian;
import sectar.agent.nn.Nd;
import sectar.agent.nn.Par;
import sectar.agent.nn.ParamStore;
import sectar.agent.nn.PolicyEval;
import sectar.agent.nn.PolicyNet;
import sectar.sim.TaskSpec;

/**
 * The SeCTAR trajectory VAE with its policy decoder (Co-Reyes et al., "Self-Consistent Trajectory
 * Autoencoder", ICML 2018; spec 3.1-3.3, 4.1): encoder q(z|s_0..s_T), state decoder p(s_1..s_T|s_0,z),
 * policy decoder pi(a|s,z), trained jointly by one Adam on {@code NLL/T + klWeight*KL + bcWeight*BC} (KL with
 * free bits per latent dimension when {@link SectarConfig#freeBits()} is set).
 *
 * <p>All public inputs and outputs are flat row-major {@code float[]}; the batched inference calls the
 * planner and the rollouts use live in {@link SectarInference}. Not thread-safe.
 */
public final class Sectar {
    final SectarConfig cfg;
    final int obs, act, steps, latent;
    final boolean discrete;
    final ParamStore params;
    final TrajectoryEncoder encoder;
    final StateDecoder decoder;
    final PolicyNet policy;
    final Adam adam;
    private final Map<Integer, TrajectoryEncoder.Run> encRuns = new HashMap<>();
    private final Map<Integer, StateDecoder.Run> decRuns = new HashMap<>();
    boolean parallel = true;
    private final SectarInference inference = new SectarInference(this);

    /**
     * @param steps           T, actions per segment (T+1 states)
     * @param actionSize      number of discrete actions, or the continuous action dimension
     * @param doublePrecision DOUBLE arrays (gradient checks) instead of FLOAT
     * @param rng             the stream all initial weights are drawn from
     */
    public Sectar(SectarConfig cfg, int obsDim, int actionSize, boolean discrete, int steps,
                  boolean doublePrecision, SplittableRandom rng) {
        if (obsDim < 1 || actionSize < 1 || steps < 1)
            throw new IllegalArgumentException("obsDim, actionSize, steps must be >= 1, got " + obsDim + ", " + actionSize + ", " + steps);
        this.cfg = cfg;
        this.obs = obsDim;
        this.act = actionSize;
        this.discrete = discrete;
        this.steps = steps;
        this.latent = cfg.latentDim();
        params = new ParamStore(doublePrecision);
        encoder = new TrajectoryEncoder(params, obsDim, cfg, rng);
        decoder = new StateDecoder(params, obsDim, steps, cfg, rng);
        policy = discrete ? PolicyNet.categorical(params, "pd", obsDim + latent, cfg.policyHidden(), actionSize, rng)
                : PolicyNet.gaussian(params, "pd", obsDim + latent, cfg.policyHidden(), actionSize, cfg.policyLogStdInit(),
                        cfg.policyMaxLogStd(), rng);
        adam = new Adam(params.list(), cfg.learningRate(), cfg.adamEps());
    }

    /** A model sized for {@code spec}'s task (FLOAT). */
    public Sectar(SectarConfig cfg, TaskSpec spec, SplittableRandom rng) {
        this(cfg, spec.obsDim(), spec.actionSize(), spec.discrete(), spec.segmentLength(), false, rng);
    }

    public SectarConfig config() { return cfg; }
    public int obsDim() { return obs; }
    public int actionSize() { return act; }
    public int latentDim() { return latent; }
    /** T: actions per segment. */
    public int steps() { return steps; }
    public boolean discrete() { return discrete; }
    public ParamStore params() { return params; }
    public Adam adam() { return adam; }
    /**
     * The policy decoder pi(a | [s, z]), e.g. for batch-1 acting in rollouts and the consistency PPO
     * update (give it its own Adam over {@code params()}; that update syncs its acting copy itself).
     */
    public PolicyNet policy() { return policy; }
    /** The batched inference calls (planner, rollouts, rewards) on this model. */
    public SectarInference inference() { return inference; }
    /** Whether independent halves of a pass run on two threads (results identical either way). */
    public void setParallel(boolean p) {
        parallel = p;
        encoder.body.setParallel(p);
        encoder.muHead.setParallel(p);
        encoder.logSigmaHead.setParallel(p);
        decoder.meanHead.setParallel(p);
        policy.setParallel(p);
        adam.setParallel(p);
    }

    /**
     * One Adam step on the loss of {@code batch}; z noise from {@code rng}. The step moves the policy
     * decoder's weights (behaviour cloning), so it ends with {@code policy().sync()}: the batch-1 acting
     * copy always matches the weights after a training step.
     */
    public Losses trainStep(SegmentBatch batch, SplittableRandom rng) {
        params.zeroGrad();
        Losses l = compute(batch, noise(rng, batch.batch()), true);
        adam.step();
        policy.sync();
        return l;
    }

    /** The loss terms without any update (validation). */
    public Losses evaluate(SegmentBatch batch, SplittableRandom rng) {
        return compute(batch, noise(rng, batch.batch()), false);
    }

    double[] noise(SplittableRandom rng, int b) { return DiagGaussian.noise(rng, latent * b); }

    TrajectoryEncoder.Run encRun(int b) { return encRuns.computeIfAbsent(b, k -> encoder.new Run(k, steps + 1)); }

    StateDecoder.Run decRun(int b, boolean training) {
        int key = training ? b : -b;
        return decRuns.computeIfAbsent(key, k -> decoder.new Run(b, training));
    }

    /** Loss terms for fixed noise eps [latent][B]; with {@code backward} the gradients are added too. */
    Losses compute(SegmentBatch batch, double[] eps, boolean backward) {
        batch.validate(steps, obs, act);
        int B = batch.batch(), S = steps + 1;
        double[] seq = timeMajor(batch.states(), B, S, obs);
        TrajectoryEncoder.Run er = encRun(B);
        double[][] q = er.encode(seq);
        double[] mu = q[0], ls = q[1];
        double[] z = DiagGaussian.sample(mu, ls, eps, latent, B);
        double[] kl = new double[B], dMu = new double[latent * B], dLs = new double[latent * B];
        double klPenalty;
        if (cfg.freeBits() > 0) {
            klPenalty = FreeBitsKl.penalty(mu, ls, latent, B, cfg.klWeight(), cfg.freeBits(), kl, dMu, dLs);
        } else { // the released penalty, kept on its own path so runs without free bits stay bit-identical
            double[] w = new double[B];
            java.util.Arrays.fill(w, cfg.klWeight() / B);
            DiagGaussian.klStandard(mu, ls, latent, B, kl, w, dMu, dLs);
            klPenalty = mean(kl);
        }
        double[][] dzParts = new double[2][];
        double[] nllMse = new double[2], bc = new double[2];
        Par.both(parallel,
                () -> dzParts[0] = decoderTerm(seq, z, B, null, backward, nllMse),
                () -> dzParts[1] = policyTerm(batch, seq, z, B, backward, bc));
        double klMean = mean(kl);
        if (backward) {
            for (int k = 0; k < latent * B; k++) {
                double dz = dzParts[0][k] + dzParts[1][k];
                dMu[k] += dz;
                dLs[k] += dz * eps[k] * Math.exp(ls[k]);
            }
            er.backward(dMu, dLs);
        }
        double total = nllMse[0] + cfg.klWeight() * klPenalty + cfg.bcWeight() * bc[0];
        return new Losses(total, nllMse[0], klMean, bc[0], nllMse[1], bc[1]);
    }

    /**
     * The state decoder's NLL per predicted step (batch mean of NLL/T) and its MSE into out; returns
     * dLoss/dz or null. With {@code lengths}, sample b counts only its first lengths[b] predicted steps
     * (a chunk the policy executed for fewer than T steps) and the means are over the counted steps.
     */
    double[] decoderTerm(double[] seq, double[] z, int B, int[] lengths, boolean backward, double[] out) {
        StateDecoder.Run dr = decRun(B, true);
        int n = obs * B;
        double[] s0 = java.util.Arrays.copyOfRange(seq, 0, n);
        double[][] means = new double[steps][n], dMeans = new double[steps][n];
        dr.decode(s0, z, means);
        double counted = B * (double) steps;
        if (lengths != null) {
            counted = 0;
            for (int len : lengths) counted += len;
        }
        double[] logSig = decoder.logSigma.get(), dLogSig = new double[obs];
        double nll = 0, mse = 0, scale = 1.0 / counted;
        for (int t = 0; t < steps; t++)
            for (int j = 0; j < obs; j++) {
                double sig = Math.exp(logSig[j]);
                for (int b = 0; b < B; b++) {
                    if (lengths != null && t >= lengths[b]) continue;
                    int i = j * B + b;
                    double diff = seq[(t + 1) * n + i] - means[t][i], u = diff / sig;
                    nll += 0.5 * u * u + logSig[j] + 0.5 * DiagGaussian.LOG_2PI;
                    mse += diff * diff;
                    dMeans[t][i] = -scale * u / sig;
                    dLogSig[j] += scale * (1 - u * u);
                }
            }
        out[0] = nll * scale;
        out[1] = mse / (counted * obs);
        if (!backward) return null;
        decoder.logSigma.addGradient(dLogSig);
        return dr.backward(dMeans);
    }

    /** Share of the n samples whose largest logit (feature-major [act][n]) is the stored action. */
    private double argmaxAccuracy(double[] logits, int[] actions, int n) {
        int hits = 0;
        for (int b = 0; b < n; b++) {
            int best = 0;
            for (int j = 1; j < act; j++) if (logits[j * n + b] > logits[best * n + b]) best = j;
            if (best == actions[b]) hits++;
        }
        return hits / (double) n;
    }

    /** The state decoder's learned standard deviations, exp(log sigma), one per state dimension. */
    public double[] decoderSigma() {
        double[] ls = decoder.logSigma.get();
        for (int j = 0; j < ls.length; j++) ls[j] = Math.exp(ls[j]);
        return ls;
    }

    /** BC (batch mean of the per-segment mean NLL over T+1 pairs) and BC accuracy into out; returns dLoss/dz or null. */
    private double[] policyTerm(SegmentBatch batch, double[] seq, double[] z, int B, boolean backward, double[] out) {
        int S = steps + 1, N = S * B, in = obs + latent;
        double[] x = new double[in * N];
        for (int t = 0; t < S; t++)
            for (int j = 0; j < obs; j++) System.arraycopy(seq, t * obs * B + j * B, x, j * N + t * B, B);
        for (int t = 0; t < S; t++)
            for (int j = 0; j < latent; j++) System.arraycopy(z, j * B, x, (obs + j) * N + t * B, B);
        float[] acts = policyActions(batch.actions(), B, S);
        PolicyEval e = policy.evaluateFeatureMajor(x, N, acts);
        out[0] = -mean(e.logProbs());
        out[1] = discrete ? argmaxAccuracy(e.outputs(), e.actions(), N) : Double.NaN;
        if (!backward) return null;
        double[] dLogp = new double[N];
        java.util.Arrays.fill(dLogp, -cfg.bcWeight() / N);
        double[] dx = policy.backwardInputs(e, dLogp, null), dz = new double[latent * B];
        for (int j = 0; j < latent; j++)
            for (int t = 0; t < S; t++)
                for (int b = 0; b < B; b++) dz[j * B + b] += dx[(obs + j) * N + t * B + b];
        return dz;
    }

    /** Actions in column order t*B + b: indices (discrete, from one-hot) or [n][actDim] row-major. */
    private float[] policyActions(float[] a, int B, int S) {
        float[] out = new float[S * B * (discrete ? 1 : act)];
        for (int b = 0; b < B; b++)
            for (int t = 0; t < S; t++) {
                int src = (b * S + t) * act, col = t * B + b;
                if (discrete) out[col] = oneHotIndex(a, src, b, t);
                else System.arraycopy(a, src, out, col * act, act);
            }
        return out;
    }

    private int oneHotIndex(float[] a, int src, int b, int t) {
        int idx = -1;
        for (int k = 0; k < act; k++) {
            float v = a[src + k];
            if (v == 1f && idx < 0) idx = k;
            else if (v != 0f) idx = -2;
        }
        if (idx < 0)
            throw new IllegalArgumentException("action of segment " + b + " step " + t + " is not one-hot over "
                    + act + " actions: " + java.util.Arrays.toString(java.util.Arrays.copyOfRange(a, src, src + act)));
        return idx;
    }

    /** [B][S][d] row-major to [S][d][B]. */
    static double[] timeMajor(float[] rm, int B, int S, int d) {
        double[] out = new double[B * S * d];
        for (int b = 0; b < B; b++)
            for (int t = 0; t < S; t++)
                for (int j = 0; j < d; j++) out[(t * d + j) * B + b] = rm[(b * S + t) * d + j];
        return out;
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s / a.length;
    }

    /** Parameters and Adam state by name ("adam/..." for the optimiser), for checkpoints. */
    public Map<String, float[]> state() {
        Map<String, float[]> s = new LinkedHashMap<>(params.state());
        adam.state().forEach((k, v) -> s.put("adam/" + k, v));
        return s;
    }

    /** Restores {@link #state()}; any missing entry or wrong shape throws naming it (nothing half-loaded). */
    public void load(Map<String, float[]> state) {
        Map<String, float[]> p = new LinkedHashMap<>(), a = new LinkedHashMap<>();
        state.forEach((k, v) -> (k.startsWith("adam/") ? a : p).put(k.startsWith("adam/") ? k.substring(5) : k, v));
        Map<String, float[]> backup = params.state();
        params.load(p);
        try {
            adam.load(a);
        } catch (IllegalArgumentException e) {
            params.load(backup);
            throw e;
        }
    }
}

package sectar.agent.loop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.nn.Adam;
import sectar.agent.nn.ParamStore;
import sectar.agent.nn.PolicyEval;
import sectar.agent.nn.PolicyNet;

/**
 * A learned state-conditioned prior over latents, in the spirit of learned skill priors (Pertsch et
 * al., 2020): a Gaussian p(z | s_0) fitted by maximum likelihood to the latents of executed segments
 * that made progress on the task (the encoder's mean of what the segment actually did). It proposes
 * planning candidates; a share {@code mix} of every draw still comes from N(0, I), so the planner
 * never loses the released proposal distribution. The project's addition, off in both presets unless
 * a config turns it on.
 *
 * <p>Its pairs come from the trainer: either executed segments that made progress (with the latent the
 * encoder gives what they did) or the planner's chosen first latents at every replan, so it learns to
 * propose what the planner picks ({@link PriorConfig#source}).
 */
public final class LearnedPrior implements LatentPrior {
    private final int obsDim, latentDim, capacity, batch;
    private final double mix;
    private final ParamStore store = new ParamStore(false);
    private final PolicyNet net;
    private final Adam adam;
    private float[] states, latents;
    private int size, next;

    /**
     * @param hidden   MLP widths of the prior
     * @param capacity FIFO of (s_0, z) pairs it is fitted to
     * @param batch    minibatch of one fitting step
     * @param mix      share of draws from N(0, I)
     */
    public LearnedPrior(int obsDim, int latentDim, int[] hidden, int capacity, int batch, double mix, double lr,
                        SplittableRandom init) {
        if (capacity < 1 || batch < 1) throw new IllegalArgumentException("prior capacity and batch must be >= 1, got "
                + capacity + " and " + batch);
        if (!(mix >= 0 && mix <= 1)) throw new IllegalArgumentException("prior mix must be in [0, 1], got " + mix);
        this.obsDim = obsDim;
        this.latentDim = latentDim;
        this.capacity = capacity;
        this.batch = batch;
        this.mix = mix;
        this.net = PolicyNet.gaussian(store, "prior", obsDim, hidden, latentDim, 0, init);
        this.adam = new Adam(store.list(), lr, 1e-5);
        this.states = new float[capacity * obsDim];
        this.latents = new float[capacity * latentDim];
    }

    @Override public int latentDim() { return latentDim; }

    /** Pairs held. */
    public int size() { return size; }

    /** Adds (s_0, z) pairs, [n, obsDim] and [n, latentDim]; the oldest go first when full. */
    public void add(float[] s0, float[] z, int n) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(s0, i * obsDim, states, next * obsDim, obsDim);
            System.arraycopy(z, i * latentDim, latents, next * latentDim, latentDim);
            next = (next + 1) % capacity;
            size = Math.min(size + 1, capacity);
        }
    }

    /** {@code steps} Adam steps on the negative log-likelihood of minibatches of the held pairs; returns the mean NLL. */
    public double fit(int steps, SplittableRandom rng) {
        if (size == 0) return Double.NaN;
        int b = Math.min(batch, size);
        double nll = 0;
        for (int s = 0; s < steps; s++) {
            double[][] in = new double[b][obsDim], out = new double[b][latentDim];
            for (int i = 0; i < b; i++) {
                int k = rng.nextInt(size);
                for (int d = 0; d < obsDim; d++) in[i][d] = states[k * obsDim + d];
                for (int d = 0; d < latentDim; d++) out[i][d] = latents[k * latentDim + d];
            }
            net.zeroGrad();
            PolicyEval e = net.evaluate(in, out, null);
            double[] dLogp = new double[b];
            Arrays.fill(dLogp, -1.0 / b);
            net.backward(e, dLogp, null);
            adam.step();
            nll -= Arrays.stream(e.logProbs()).average().orElse(0) / steps;
        }
        net.sync();
        return nll;
    }

    @Override public void sample(float[] s, int n, SplittableRandom rng, float[] out, int offset, int stride) {
        double[] x = new double[obsDim];
        for (int i = 0; i < n; i++) {
            boolean learned = size > 0 && rng.nextDouble() >= mix;
            double[] z = null;
            if (learned) {
                for (int d = 0; d < obsDim; d++) x[d] = s[i * obsDim + d];
                z = net.act(x, rng);
            }
            for (int j = 0; j < latentDim; j++) out[offset + i * stride + j] = (float) (learned ? z[j] : rng.nextGaussian());
        }
    }

    /** The learned Gaussian's mean and standard deviation at each state; N(0, I) before any pair is held. */
    @Override public void gaussian(float[] s, int n, double[] mean, double[] std) {
        if (size == 0) {
            LatentPrior.super.gaussian(s, n, mean, std);
            return;
        }
        float[] mu = net.outputs(s, n);
        double[] logStd = net.clampedLogStd();
        for (int i = 0; i < n * latentDim; i++) {
            mean[i] = mu[i];
            std[i] = Math.exp(logStd[i % latentDim]);
        }
    }

    /**
     * log p(z | s) of the distribution {@link #sample} draws from: the mixture
     * (1 - mix) N(mu(s), sigma^2) + mix N(0, I), batched through the network.
     */
    @Override public void logDensity(float[] s, float[] z, int n, double[] out) {
        if (size == 0 || mix == 1) {
            LatentPrior.super.logDensity(s, z, n, out);
            return;
        }
        double[] mean = new double[n * latentDim], std = new double[n * latentDim];
        gaussian(s, n, mean, std);
        double logLearned = Math.log1p(-mix), logNormal = Math.log(mix);
        for (int i = 0; i < n; i++) {
            double lp = logLearned - latentDim * HALF_LOG_2PI;
            for (int j = 0, o = i * latentDim; j < latentDim; j++, o++) {
                double u = (z[o] - mean[o]) / std[o];
                lp -= 0.5 * u * u + Math.log(std[o]);
            }
            if (mix == 0) {
                out[i] = lp;
                continue;
            }
            double ln = logNormal + LatentPrior.standardNormalLogDensity(z, i * latentDim, latentDim), hi = Math.max(lp, ln);
            out[i] = hi + Math.log(Math.exp(lp - hi) + Math.exp(ln - hi));
        }
    }

    /** Parameters, optimiser state and the held pairs, for a checkpoint. */
    public Map<String, float[]> state() {
        Map<String, float[]> m = new LinkedHashMap<>();
        store.state().forEach((k, v) -> m.put("params/" + k, v));
        adam.state().forEach((k, v) -> m.put("adam/" + k, v));
        m.put("data/states", Arrays.copyOf(states, states.length));
        m.put("data/latents", Arrays.copyOf(latents, latents.length));
        m.put("data/counters", new float[] {size, next});
        return m;
    }

    /** Restores what {@link #state()} wrote. */
    public void load(Map<String, float[]> m) {
        Map<String, float[]> params = new LinkedHashMap<>(), opt = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("params/")) params.put(k.substring(7), v);
            if (k.startsWith("adam/")) opt.put(k.substring(5), v);
        });
        store.load(params);
        adam.load(opt);
        net.sync();
        float[] st = m.get("data/states"), la = m.get("data/latents"), c = m.get("data/counters");
        if (st == null || la == null || c == null || st.length != states.length || la.length != latents.length)
            throw new IllegalArgumentException("checkpoint: the learned prior's data do not match its capacity " + capacity);
        states = st.clone();
        latents = la.clone();
        size = (int) c[0];
        next = (int) c[1];
    }
}

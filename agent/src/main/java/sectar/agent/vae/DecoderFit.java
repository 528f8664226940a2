package sectar.agent.vae;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.nn.Adam;
import sectar.agent.nn.Param;

/**
 * Fits the state decoder alone to chunks the policy decoder executed under given latents
 * ({@link PolicyChunks}): minibatch steps on the same per-step Gaussian NLL the VAE trains with, counted
 * over each chunk's real steps. The joint VAE update only ever shows the decoder latents the encoder gave
 * to replayed segments; this shows it latents that were sampled or planned and then executed, so its
 * predictions follow what the policy decoder really does with them.
 *
 * <p>Gradients reach only the decoder's parameters (LSTM, mean head, log sigma), and the step is taken by
 * this class's own Adam over just those: stepping the joint Adam with zero gradients elsewhere would still
 * move the encoder and the policy decoder through its momentum. Not thread-safe.
 */
public final class DecoderFit {
    private final Sectar model;
    private final List<Param> params;
    private final Adam adam;
    private final int batch;

    /**
     * @param batch        chunks per step, drawn uniformly with replacement (a fixed size, so one set
     *                     of decoder buffers serves every step)
     * @param learningRate its Adam's step size (epsilon as the model's)
     */
    public DecoderFit(Sectar model, int batch, double learningRate) {
        if (batch < 1) throw new IllegalArgumentException("decoder fit batch must be >= 1, got " + batch);
        this.model = model;
        this.params = StateDecoder.params(model.params);
        this.adam = new Adam(params, learningRate, model.cfg.adamEps());
        this.batch = batch;
    }

    /** Whether its Adam splits large parameters over two threads (results identical either way). */
    public void setParallel(boolean p) { adam.setParallel(p); }

    /**
     * {@code steps} decoder-only steps, each on a minibatch drawn from {@code data} with {@code rng}.
     *
     * @return the mean over the steps of each minibatch's NLL per predicted step before its step; NaN
     *         when there were no steps or no chunks
     */
    public double fit(PolicyChunks data, int steps, SplittableRandom rng) {
        data.validate(model.obs, model.latent, model.steps);
        if (steps < 1 || data.n() == 0) return Double.NaN;
        double sum = 0;
        for (int k = 0; k < steps; k++) {
            int[] pick = new int[batch];
            for (int b = 0; b < batch; b++) pick[b] = rng.nextInt(data.n());
            sum += step(data, pick);
        }
        return sum / steps;
    }

    /** One step on the chunks at {@code pick}; returns their NLL per predicted step before it. */
    double step(PolicyChunks data, int[] pick) {
        for (Param p : params) p.zeroGrad();
        double nll = term(data, pick, true);
        adam.step();
        return nll;
    }

    /** The NLL per predicted step of every chunk in {@code data} (batches of the fit's size), no update. */
    public double nll(PolicyChunks data) {
        data.validate(model.obs, model.latent, model.steps);
        double sum = 0, counted = 0;
        for (int from = 0; from < data.n(); from += batch) {
            int[] pick = new int[Math.min(batch, data.n() - from)];
            double len = 0;
            for (int b = 0; b < pick.length; b++) {
                pick[b] = from + b;
                len += data.lengths()[from + b];
            }
            sum += term(data, pick, false) * len;
            counted += len;
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** The decoder term on the picked chunks (time-major as the VAE's), with gradients when asked. */
    private double term(PolicyChunks data, int[] pick, boolean backward) {
        int obs = model.obs, lat = model.latent, T = model.steps, B = pick.length, n = obs * B;
        double[] seq = new double[(T + 1) * n], z = new double[lat * B];
        int[] lengths = new int[B];
        for (int b = 0; b < B; b++) {
            int c = pick[b];
            lengths[b] = data.lengths()[c];
            for (int j = 0; j < obs; j++) seq[j * B + b] = data.s0()[c * obs + j];
            for (int t = 0; t < T; t++)
                for (int j = 0; j < obs; j++) seq[(t + 1) * n + j * B + b] = data.reached()[(c * T + t) * obs + j];
            for (int j = 0; j < lat; j++) z[j * B + b] = data.z()[c * lat + j];
        }
        double[] out = new double[2];
        model.decoderTerm(seq, z, B, lengths, backward, out);
        return out[0];
    }

    /** Its Adam's moments and step count, for checkpoints. */
    public Map<String, float[]> state() { return adam.state(); }

    /** Restores {@link #state()}; a missing or wrongly shaped entry throws naming it. */
    public void load(Map<String, float[]> state) { adam.load(state); }
}

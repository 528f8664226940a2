package sectar.agent.vae;

/**
 * The decoder-fit lever ({@link DecoderFit}): after each consistency update, the state decoder alone
 * takes {@code steps} steps towards where the policy decoder really went under latents that were sampled
 * or planned. Off ({@code steps = 0}) it is the released algorithm, whose state decoder learns only from
 * the encoder's latents of replayed segments.
 *
 * @param steps        decoder-only steps after each VAE pass's consistency update (0 = off, released)
 * @param batch        chunks per step, drawn uniformly with replacement from the pass's data
 * @param learningRate step size of the fit's own Adam over the decoder's parameters
 * @param consistency  fit to the pass's consistency rollouts (z from the consistency prior, T steps each)
 * @param mpc          fit to the iteration's executed MPC chunks under the first latent of the plan each
 *                     executed, counting only the steps it ran ({@code mpc.executeSteps}, or fewer when
 *                     the episode ended)
 */
public record DecoderFitConfig(int steps, int batch, double learningRate, boolean consistency, boolean mpc) {
    public DecoderFitConfig {
        if (steps < 0) throw new IllegalArgumentException("decoderFit.steps must be >= 0 (0 = off), got " + steps);
        if (batch < 1) throw new IllegalArgumentException("decoderFit.batch must be >= 1, got " + batch);
        if (!(learningRate > 0) || Double.isInfinite(learningRate))
            throw new IllegalArgumentException("decoderFit.learningRate must be a finite number > 0, got " + learningRate);
        if (steps > 0 && !consistency && !mpc)
            throw new IllegalArgumentException("decoderFit.steps is " + steps + " but no data source is on: set "
                    + "decoderFit.consistency=true and/or decoderFit.mpc=true (or decoderFit.steps=0)");
    }

    /** Whether the fit runs at all. */
    public boolean on() { return steps > 0; }
}

package sectar.agent.vae;

import java.util.Arrays;
import sectar.agent.nn.PolicyNet;

/**
 * Sizes and optimiser settings of the SeCTAR networks (spec 3 and 4.1). Task shapes (observation size,
 * actions, segment length T) come from the task, everything else from here.
 *
 * @param preset            preset name, for logs
 * @param latentDim         size of z (8 in the paper)
 * @param encoderHidden     hidden units per direction of the 2-layer bidirectional encoder LSTM
 * @param encoderHeadHidden hidden widths of the encoder's mean and log-sigma head MLPs
 * @param decoderHidden     hidden units of the state decoder LSTM
 * @param meanHeadHidden    hidden widths of the state decoder's mean head MLP
 * @param policyHidden      hidden widths of the policy decoder MLP
 * @param batchSize         segments per VAE training step
 * @param learningRate      Adam step size of the joint VAE+BC update
 * @param adamEps           Adam epsilon
 * @param klWeight          weight of KL(q(z|tau) || N(0, I)) in the training loss
 * @param bcWeight          weight of the behaviour-cloning term
 * @param decoderLogStdInit initial value of the state decoder's learned log sigma vector
 * @param policyLogStdInit  initial log std of a Gaussian policy decoder (continuous tasks)
 * @param policyMinLogStd   lower clamp of the Gaussian policy decoder's log std; must equal
 *                          {@link PolicyNet#MIN_LOG_STD} (log(1e-4)), the clamp the shared policy class applies
 * @param freeBits          free bits per latent dimension, in nats (Kingma et al., 2016): a dimension whose
 *                          batch-mean KL is below this is not pushed further toward the prior, so the
 *                          latent keeps at least this much to say about the segment; 0 = the released
 *                          plain KL penalty
 * @param policyMaxStd      cap on the Gaussian policy decoder's sigma (0 = none, the released model): its
 *                          log sigma is one learned vector, and behaviour cloning pulls it toward the spread
 *                          of explorer actions the latent cannot explain; a cap keeps the executed skill
 *                          close to its mean (must be at least the initial sigma)
 */
public record SectarConfig(String preset, int latentDim, int encoderHidden, int[] encoderHeadHidden, int decoderHidden,
                           int[] meanHeadHidden, int[] policyHidden, int batchSize, double learningRate,
                           double adamEps, double klWeight, double bcWeight, double decoderLogStdInit,
                           double policyLogStdInit, double policyMinLogStd, double freeBits, double policyMaxStd) {
    public SectarConfig {
        positive("latentDim", latentDim);
        positive("encoderHidden", encoderHidden);
        positive("decoderHidden", decoderHidden);
        positive("batchSize", batchSize);
        encoderHeadHidden = widths("encoderHeadHidden", encoderHeadHidden);
        meanHeadHidden = widths("meanHeadHidden", meanHeadHidden);
        policyHidden = widths("policyHidden", policyHidden);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        if (!(adamEps > 0)) throw new IllegalArgumentException("adamEps must be > 0, got " + adamEps);
        if (!(klWeight >= 0)) throw new IllegalArgumentException("klWeight must be >= 0, got " + klWeight);
        if (!(freeBits >= 0) || Double.isInfinite(freeBits))
            throw new IllegalArgumentException("model.freeBits must be a finite number of nats >= 0 (0 = off), got " + freeBits);
        if (!(policyMaxStd >= 0) || Double.isInfinite(policyMaxStd)
                || (policyMaxStd > 0 && Math.log(policyMaxStd) < policyLogStdInit))
            throw new IllegalArgumentException("model.policyMaxStd must be 0 (no cap) or a finite sigma at least the initial "
                    + Math.exp(policyLogStdInit) + " (model.policyLogStdInit " + policyLogStdInit + "), got " + policyMaxStd);
        if (!(bcWeight >= 0)) throw new IllegalArgumentException("bcWeight must be >= 0, got " + bcWeight);
        if (!Double.isFinite(decoderLogStdInit) || !Double.isFinite(policyLogStdInit) || !Double.isFinite(policyMinLogStd))
            throw new IllegalArgumentException("log std settings must be finite, got " + decoderLogStdInit + ", "
                    + policyLogStdInit + ", " + policyMinLogStd);
        if (policyMinLogStd != PolicyNet.MIN_LOG_STD)
            throw new IllegalArgumentException("policyMinLogStd must be log(1e-4) = " + PolicyNet.MIN_LOG_STD
                    + " (the fixed clamp of PolicyNet), got " + policyMinLogStd);
    }

    /** This config with {@code freeBits} nats per latent dimension. */
    public SectarConfig withFreeBits(double bits) {
        return new SectarConfig(preset, latentDim, encoderHidden, encoderHeadHidden, decoderHidden, meanHeadHidden, policyHidden,
                batchSize, learningRate, adamEps, klWeight, bcWeight, decoderLogStdInit, policyLogStdInit, policyMinLogStd, bits, policyMaxStd);
    }

    /** This config with the policy decoder's sigma capped at {@code maxStd} (0 = none). */
    public SectarConfig withPolicyMaxStd(double maxStd) {
        return new SectarConfig(preset, latentDim, encoderHidden, encoderHeadHidden, decoderHidden, meanHeadHidden, policyHidden,
                batchSize, learningRate, adamEps, klWeight, bcWeight, decoderLogStdInit, policyLogStdInit, policyMinLogStd, freeBits, maxStd);
    }

    /** The policy decoder's log sigma cap: +infinity when {@link #policyMaxStd()} is 0. */
    public double policyMaxLogStd() {
        return policyMaxStd == 0 ? Double.POSITIVE_INFINITY : Math.log(policyMaxStd);
    }

    @Override public int[] encoderHeadHidden() { return encoderHeadHidden.clone(); }

    @Override public int[] meanHeadHidden() { return meanHeadHidden.clone(); }

    @Override public int[] policyHidden() { return policyHidden.clone(); }

    private static void positive(String what, int v) {
        if (v < 1) throw new IllegalArgumentException(what + " must be >= 1, got " + v);
    }

    private static int[] widths(String what, int[] w) {
        if (w == null) throw new IllegalArgumentException(what + " must not be null");
        for (int v : w) if (v < 1) throw new IllegalArgumentException(what + " widths must be >= 1, got " + Arrays.toString(w));
        return w.clone();
    }
}

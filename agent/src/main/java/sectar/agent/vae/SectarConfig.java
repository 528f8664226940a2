package sectar.agent.vae;

import java.util.Arrays;
import sectar.agent.nn.PolicyNet;
import sectar.sim.config.Named;

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
 */
public record SectarConfig(String preset, int latentDim, int encoderHidden, int[] encoderHeadHidden, int decoderHidden,
                           int[] meanHeadHidden, int[] policyHidden, int batchSize, double learningRate,
                           double adamEps, double klWeight, double bcWeight, double decoderLogStdInit,
                           double policyLogStdInit, double policyMinLogStd) {
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
        if (!(bcWeight >= 0)) throw new IllegalArgumentException("bcWeight must be >= 0, got " + bcWeight);
        if (!Double.isFinite(decoderLogStdInit) || !Double.isFinite(policyLogStdInit) || !Double.isFinite(policyMinLogStd))
            throw new IllegalArgumentException("log std settings must be finite, got " + decoderLogStdInit + ", "
                    + policyLogStdInit + ", " + policyMinLogStd);
        if (policyMinLogStd != PolicyNet.MIN_LOG_STD)
            throw new IllegalArgumentException("policyMinLogStd must be log(1e-4) = " + PolicyNet.MIN_LOG_STD
                    + " (the fixed clamp of PolicyNet), got " + policyMinLogStd);
    }

    /** The released code's sizes (spec 9): LSTMs 256, heads 32-32, mean head 128x3, policy 400-300-200, batch 300. */
    public static SectarConfig paper() {
        return Named.of(SectarConfig.class)
                .set("preset", "paper").set("latentDim", 8)
                .set("encoderHidden", 256).set("encoderHeadHidden", new int[] {32, 32})
                .set("decoderHidden", 256).set("meanHeadHidden", new int[] {128, 128, 128})
                .set("policyHidden", new int[] {400, 300, 200})
                .set("batchSize", 300).set("learningRate", 1e-3).set("adamEps", 1e-5)
                .set("klWeight", 2.0).set("bcWeight", 100.0)
                .set("decoderLogStdInit", Math.log(0.1)).set("policyLogStdInit", 0.0).set("policyMinLogStd", Math.log(1e-4))
                .build();
    }

    /** The 2-core default, the paper's networks narrowed: LSTMs 64, mean head 64-64, policy 64-64, batch 128. */
    public static SectarConfig cpu() {
        return Named.from(paper())
                .set("preset", "cpu")
                .set("encoderHidden", 64).set("decoderHidden", 64).set("meanHeadHidden", new int[] {64, 64})
                .set("policyHidden", new int[] {64, 64}).set("batchSize", 128)
                .build();
    }

    /** A preset by name ("paper" or "cpu"). */
    public static SectarConfig preset(String name) {
        return switch (name) {
            case "paper" -> paper();
            case "cpu" -> cpu();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; expected paper or cpu");
        };
    }

    public SectarConfig withBatchSize(int b) {
        return new SectarConfig(preset, latentDim, encoderHidden, encoderHeadHidden, decoderHidden, meanHeadHidden,
                policyHidden, b, learningRate, adamEps, klWeight, bcWeight, decoderLogStdInit, policyLogStdInit, policyMinLogStd);
    }

    /** Every network width replaced: LSTMs {@code lstm}, all head/hidden MLP layers {@code mlp} (two layers each). */
    public SectarConfig withSizes(int lstm, int mlp) {
        return new SectarConfig(preset + "-" + lstm + "-" + mlp, latentDim, lstm, new int[] {mlp, mlp}, lstm,
                new int[] {mlp, mlp}, new int[] {mlp, mlp}, batchSize, learningRate, adamEps, klWeight, bcWeight,
                decoderLogStdInit, policyLogStdInit, policyMinLogStd);
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

package sectar.agent.rl;

import java.util.Arrays;

/**
 * Random network distillation settings (Burda et al. 2018, "Exploration by Random Network
 * Distillation"). The extrinsic discount and GAE lambda are PPO's own ({@link PpoConfig#gamma()},
 * {@link PpoConfig#lambda()}); the intrinsic value net has PPO's value-net widths and step size.
 *
 * @param targetHidden     hidden widths of the fixed random target network
 * @param predictorHidden  hidden widths of the trained predictor (the paper's predictor is deeper than
 *                         its target)
 * @param embedding        output features of both networks
 * @param learningRate     the predictor's Adam step size (paper 1e-4)
 * @param updateProportion share of each minibatch's samples the predictor trains on (paper 0.25)
 * @param extrinsicCoef    weight of the extrinsic advantage (paper 2)
 * @param intrinsicCoef    weight of the intrinsic advantage (paper 1)
 * @param intrinsicGamma   discount of the non-episodic intrinsic return, below 1 (paper 0.99)
 * @param observationClip  normalised observations are clipped to +-this (paper 5)
 */
public record RndConfig(int[] targetHidden, int[] predictorHidden, int embedding, double learningRate,
                        double updateProportion, double extrinsicCoef, double intrinsicCoef, double intrinsicGamma,
                        double observationClip) {
    public RndConfig {
        checkWidths("targetHidden", targetHidden);
        checkWidths("predictorHidden", predictorHidden);
        if (embedding < 1) throw new IllegalArgumentException("rnd.embedding must be >= 1, got " + embedding);
        if (!(learningRate > 0)) throw new IllegalArgumentException("rnd.learningRate must be > 0, got " + learningRate);
        if (!(updateProportion > 0 && updateProportion <= 1))
            throw new IllegalArgumentException("rnd.updateProportion must be in (0, 1], got " + updateProportion);
        if (!(extrinsicCoef >= 0) || !Double.isFinite(extrinsicCoef))
            throw new IllegalArgumentException("rnd.extrinsicCoef must be a finite number >= 0, got " + extrinsicCoef);
        if (!(intrinsicCoef >= 0) || !Double.isFinite(intrinsicCoef))
            throw new IllegalArgumentException("rnd.intrinsicCoef must be a finite number >= 0, got " + intrinsicCoef);
        if (extrinsicCoef + intrinsicCoef == 0)
            throw new IllegalArgumentException("rnd.extrinsicCoef and rnd.intrinsicCoef must not both be 0");
        // a non-episodic return never ends, so it is finite only when discounted
        if (!(intrinsicGamma >= 0 && intrinsicGamma < 1))
            throw new IllegalArgumentException("rnd.intrinsicGamma must be in [0, 1), got " + intrinsicGamma);
        if (!(observationClip > 0)) throw new IllegalArgumentException("rnd.observationClip must be > 0, got " + observationClip);
        targetHidden = targetHidden.clone();
        predictorHidden = predictorHidden.clone();
    }

    private static void checkWidths(String name, int[] widths) {
        if (widths == null || widths.length == 0 || Arrays.stream(widths).anyMatch(h -> h < 1))
            throw new IllegalArgumentException("rnd." + name + " must be one or more widths >= 1, got "
                    + (widths == null ? "null" : Arrays.toString(widths)));
    }

    @Override public int[] targetHidden() { return targetHidden.clone(); }

    @Override public int[] predictorHidden() { return predictorHidden.clone(); }
}

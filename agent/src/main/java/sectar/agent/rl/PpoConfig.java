package sectar.agent.rl;

import java.util.Arrays;

/**
 * PPO-clip hyperparameters (released code: spec section 5).
 *
 * @param clip              epsilon of the clipped ratio (0.2)
 * @param gamma             discount (0.99)
 * @param lambda            GAE lambda (0.95)
 * @param epochs            passes over the batch per update (10)
 * @param minibatch         samples per gradient step; the last partial minibatch is kept (200)
 * @param learningRate      Adam step size of the policy (3e-4)
 * @param adamEps           Adam epsilon (1e-5)
 * @param entropyBonus      weight of the mean entropy subtracted from the loss (0 for the PD)
 * @param normaliseAdvantages (A - mean) / (std + 1e-5) over the whole batch (true in the released code)
 * @param valueHidden       hidden widths of a learned value baseline; empty for the zero baseline
 *                          SeCTAR uses
 * @param valueLearningRate Adam step size of the value net (ignored without one)
 */
public record PpoConfig(double clip, double gamma, double lambda, int epochs, int minibatch, double learningRate,
                        double adamEps, double entropyBonus, boolean normaliseAdvantages, int[] valueHidden,
                        double valueLearningRate) {
    public PpoConfig {
        if (!(clip > 0 && clip < 1)) throw new IllegalArgumentException("clip must be in (0, 1), got " + clip);
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        if (!(lambda >= 0 && lambda <= 1)) throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (minibatch < 1) throw new IllegalArgumentException("minibatch must be >= 1, got " + minibatch);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        if (!(adamEps > 0)) throw new IllegalArgumentException("adamEps must be > 0, got " + adamEps);
        if (!(entropyBonus >= 0)) throw new IllegalArgumentException("entropyBonus must be >= 0, got " + entropyBonus);
        if (valueHidden == null) throw new IllegalArgumentException("valueHidden must not be null (empty = zero baseline)");
        for (int h : valueHidden)
            if (h < 1) throw new IllegalArgumentException("valueHidden widths must be >= 1, got " + Arrays.toString(valueHidden));
        if (valueHidden.length > 0 && !(valueLearningRate > 0))
            throw new IllegalArgumentException("valueLearningRate must be > 0 with a value net, got " + valueLearningRate);
        valueHidden = valueHidden.clone();
    }

    public boolean hasValueNet() { return valueHidden.length > 0; }

    @Override public int[] valueHidden() { return valueHidden.clone(); }

    /** The same settings with the explorer's own entropy bonus (the explorer's PPO is SeCTAR's otherwise). */
    public PpoConfig withEntropyBonus(double e) {
        return new PpoConfig(clip, gamma, lambda, epochs, minibatch, learningRate, adamEps, e, normaliseAdvantages,
                valueHidden, valueLearningRate);
    }
}

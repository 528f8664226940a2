package sectar.agent.nn;

import java.util.SplittableRandom;

/**
 * The distribution a {@link PolicyNet}'s MLP outputs parameterise, one of two: a categorical head over
 * logits ({@link CategoricalHead}) or a diagonal Gaussian around the outputs with one learned,
 * state-independent log sigma ({@link GaussianHead}). A head knows how its actions are laid out in a
 * batch, scores them, turns per-sample weights into gradients on the outputs, and acts for one input.
 */
sealed interface PolicyHead permits CategoricalHead, GaussianHead {
    /** Length of one action vector as stored in a batch: 1 (an index) or the action dimension. */
    int actionVectorLength();

    /** The log sigma vector after the clamp (Gaussian); null for a categorical head. */
    double[] clampedLogStd();

    /** Puts the head's own parameters back to their initial values (the explorer reset). */
    void reset();

    /** The pass over head outputs {@code out} (feature-major) for {@code rows} of {@code actions} (all when null). */
    PolicyEval evaluate(double[] out, double[][] actions, int[] rows, Mlp.Run run);

    /** The same for {@code n} actions given row-major as floats (indices, or [n][actionSize]). */
    PolicyEval evaluate(double[] out, float[] actions, int n, Mlp.Run run);

    /** {dLoss/dOutputs, dLoss/dLogSigma (Gaussian) or null} from per-sample weights (either may be null). */
    double[][] gradients(PolicyEval e, double[] dLogp, double[] dEntropy);

    /** Adds a gradient on log sigma (Gaussian; a categorical head has none). */
    void addLogStdGradient(double[] dLogStd);

    /** Samples an action from one input's head output {@code out} and the acting snapshot's log sigma. */
    double[] sample(double[] out, double[] logStd, SplittableRandom rng);

    /** The most likely action for one head output (argmax, or the mean). */
    double[] greedy(double[] out);

    /** log pi(action) for one head output. */
    double logProb(double[] out, double[] logStd, double[] action);
}

package sectar.agent.nn;

/**
 * The outputs of one batched forward pass of a {@link PolicyNet}. It stays valid for the policy's
 * backward passes until the next evaluate at the same batch size.
 *
 * @param logProbs     log pi(a_b | x_b) per sample
 * @param entropies    entropy of pi(. | x_b) per sample
 * @param outputs      head outputs (logits or means), feature-major [actionSize * B]
 * @param logStd       the clamped log sigma vector (Gaussian) or null
 * @param actions      the action indices (categorical) or null
 * @param actionValues the actions feature-major [actionSize * B] (Gaussian) or null
 * @param run          the ND4J buffers holding this pass's activations
 */
public record PolicyEval(double[] logProbs, double[] entropies, double[] outputs, double[] logStd, int[] actions,
                         double[] actionValues, Mlp.Run run) {
    public int batch() { return logProbs.length; }
}

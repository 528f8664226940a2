package sectar.agent.rl;

/**
 * TRPO hyperparameters (rllab's TRPO with its ConjugateGradientOptimizer; spec 10.1).
 *
 * @param gamma          discount (0.99)
 * @param lambda         GAE lambda (rllab's default 1: plain returns minus the baseline)
 * @param maxKl          trust-region size: mean KL(old || new) allowed per step (0.01)
 * @param cgIterations   conjugate-gradient iterations (10)
 * @param damping        added to the Fisher-vector product, F + damping I (0.1)
 * @param backtrackRatio step shrink factor of the line search (0.8)
 * @param maxBacktracks  line-search tries (15)
 * @param centerAdvantages (A - mean) / (std + 1e-5) over the batch (rllab: true)
 * @param chunk          samples per ND4J pass (bounds the buffers for large batches)
 */
public record TrpoConfig(double gamma, double lambda, double maxKl, int cgIterations, double damping,
                         double backtrackRatio, int maxBacktracks, boolean centerAdvantages, int chunk) {
    public TrpoConfig {
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        if (!(lambda >= 0 && lambda <= 1)) throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
        if (!(maxKl > 0)) throw new IllegalArgumentException("maxKl must be > 0, got " + maxKl);
        if (cgIterations < 1) throw new IllegalArgumentException("cgIterations must be >= 1, got " + cgIterations);
        if (!(damping >= 0)) throw new IllegalArgumentException("damping must be >= 0, got " + damping);
        if (!(backtrackRatio > 0 && backtrackRatio < 1))
            throw new IllegalArgumentException("backtrackRatio must be in (0, 1), got " + backtrackRatio);
        if (maxBacktracks < 1) throw new IllegalArgumentException("maxBacktracks must be >= 1, got " + maxBacktracks);
        if (chunk < 1) throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
    }
}

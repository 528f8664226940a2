package sectar.agent;

import sectar.agent.rl.PpoConfig;
import sectar.agent.rl.RndConfig;
import sectar.agent.rl.TrpoConfig;
import sectar.agent.vae.SectarConfig;

/**
 * Small configs for the agent's tests. They are the tests' own numbers: the presets a run uses are data
 * in the experiments module, which this module does not see. Where a test needs an algorithm to learn
 * they follow the released settings (PPO's clip 0.2 and 10 epochs of 200, rllab's TRPO).
 */
public final class Fixtures {
    private Fixtures() {}

    /** PPO with the zero baseline: clip 0.2, GAE 0.99/0.95, 10 epochs x 200, Adam 3e-4/1e-5. */
    public static PpoConfig ppo() { return ppo(3e-4, new int[0], 1e-3); }

    /** The same PPO with another policy step size and a value net of {@code valueHidden} (empty: none). */
    public static PpoConfig ppo(double learningRate, int[] valueHidden, double valueLearningRate) {
        return new PpoConfig(0.2, 0.99, 0.95, 10, 200, learningRate, 1e-5, 0, true, valueHidden, valueLearningRate);
    }

    /** RND with 64-wide networks (target 64-64, predictor 64-64-64, 64 features) and the published coefficients. */
    public static RndConfig rnd() {
        return new RndConfig(new int[] {64, 64}, new int[] {64, 64, 64}, 64, 1e-4, 0.25, 2, 1, 0.99, 5);
    }

    /** rllab's TRPO: gamma 0.99, lambda 1, KL 0.01, CG 10 with damping 0.1, line search 0.8 x 15. */
    public static TrpoConfig trpo() { return new TrpoConfig(0.99, 1.0, 0.01, 10, 0.1, 0.8, 15, true, 4096); }

    /** SeCTAR networks of LSTMs {@code lstm} and two-layer MLPs {@code mlp}, batches of {@code batch}, latent 8. */
    public static SectarConfig sectar(int lstm, int mlp, int batch) {
        int[] m = {mlp, mlp};
        return new SectarConfig("test", 8, lstm, m, lstm, m, m, batch, 1e-3, 1e-5, 2.0, 100.0, Math.log(0.1), 0.0,
                Math.log(1e-4), 0, 0);
    }
}

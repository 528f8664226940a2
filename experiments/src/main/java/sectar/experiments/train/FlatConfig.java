package sectar.experiments.train;

import sectar.agent.rl.PpoConfig;
import sectar.agent.rl.TrpoConfig;

/**
 * A flat-baseline run (spec section 10.1): a policy on the observation plus a stage one-hot, trained
 * by PPO or TRPO on whole episodes of the task's full length.
 *
 * @param task            task name
 * @param instance        task instance 0..4
 * @param algo            "ppo" or "trpo"
 * @param preset          "paper" or "cpu"
 * @param seed            the run seed every stream derives from
 * @param envSteps        budget of environment steps; the run stops after the iteration that reaches it
 * @param envs            parallel environments
 * @param episodesPerEnv  episodes each env contributes per iteration (batch = envs x episodesPerEnv)
 * @param hidden          policy MLP hidden widths (released TRPO: 300-200-100)
 * @param initLogStd      initial log sigma of Gaussian policies (released: log 20 wheeled, 0 swimmer)
 * @param ppo             PPO settings (used when algo = ppo)
 * @param trpo            TRPO settings (used when algo = trpo)
 */
public record FlatConfig(String task, int instance, String algo, String preset, long seed, long envSteps, int envs,
                         int episodesPerEnv, int[] hidden, double initLogStd, PpoConfig ppo, TrpoConfig trpo) {
    public FlatConfig {
        if (!algo.equals("ppo") && !algo.equals("trpo"))
            throw new IllegalArgumentException("unknown algorithm '" + algo + "' for a flat baseline; expected ppo or trpo");
        if (envSteps < 1) throw new IllegalArgumentException("--env-steps must be > 0, got " + envSteps);
        if (envs < 1) throw new IllegalArgumentException("envs must be >= 1, got " + envs);
        if (episodesPerEnv < 1) throw new IllegalArgumentException("episodesPerEnv must be >= 1, got " + episodesPerEnv);
        hidden = hidden.clone();
    }

    /**
     * The preset for {@code task}: {@code paper} is the released TRPO baseline (100 episodes per
     * iteration, policy 300-200-100); {@code cpu} keeps the algorithm and shrinks the batch and network
     * so an iteration takes about a second on 2 cores.
     */
    public static FlatConfig preset(String preset, String task, int instance, String algo, long seed, long envSteps) {
        double initLogStd = task.equals("wheeled") ? Math.log(20) : 0.0;
        return switch (preset) {
            case "paper" -> new FlatConfig(task, instance, algo, preset, seed, envSteps, 10, 10, new int[] {300, 200, 100},
                    initLogStd, PpoConfig.sectar().withValueNet(new int[] {64, 64}, 1e-3), TrpoConfig.rllab());
            case "cpu" -> new FlatConfig(task, instance, algo, preset, seed, envSteps, 8, 1, new int[] {64, 64},
                    initLogStd, PpoConfig.sectar().withValueNet(new int[] {64, 64}, 1e-3), TrpoConfig.rllab());
            default -> throw new IllegalArgumentException("unknown preset '" + preset + "'; expected paper or cpu");
        };
    }

    @Override public int[] hidden() { return hidden.clone(); }
}

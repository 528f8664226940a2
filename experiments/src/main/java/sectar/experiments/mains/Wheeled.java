package sectar.experiments.mains;

import java.util.List;
import sectar.experiments.campaign.AlgoSetup;
import sectar.experiments.campaign.Budget;
import sectar.experiments.campaign.Experiment;

/**
 * Wheeled: does SeCTAR drive the car through more of the ordered goals than flat PPO, flat TRPO, PPO with random network distillation and one-step-model MPC given the same environment steps?
 *
 * <h2>Usage</h2> {@code sectar experiment wheeled [--seeds N] [--instances 0-4] [--algos ...] [--out DIR]},
 * or this class as a Java main with the same options.
 * <h2>Budget</h2> SeCTAR (cpu preset) trains 20 minutes; the others get the env steps SeCTAR takes in
 * that time.
 * <h2>Results</h2> {@code results/wheeled/}: summary.csv, return.png, normalized.png, README.md.
 */
public final class Wheeled {
    /**
     * SeCTAR's env steps in 20 minutes: 27,500 per iteration x 58 iterations, from the 10-minute run of seed 1 in {@code results/cpu-preset/wheeled} (29 iterations in 604 s) (one thread,
     * two runs side by side): iterations take equal time, so 20 minutes end in iteration 58.
     */
    static final long ENV_STEPS = 1_595_000;

    private Wheeled() {}

    public static Experiment experiment() {
        return new Experiment("wheeled", List.of(
                AlgoSetup.of("sectar", "cpu", Budget.wallMinutes(20, 1000)),
                AlgoSetup.of("ppo", "cpu", Budget.envSteps(ENV_STEPS)),
                AlgoSetup.of("trpo", "cpu", Budget.envSteps(ENV_STEPS)),
                AlgoSetup.of("ppo-rnd", "cpu", Budget.envSteps(ENV_STEPS)),
                AlgoSetup.of("mpc1step", "cpu", Budget.envSteps(ENV_STEPS))),
                3,            // seeds 1..3
                List.of(0));  // instance 0; instances 1-4 with --instances 1-4 --seeds 1
    }

    public static void main(String[] args) { Experiments.main("wheeled", args); }
}

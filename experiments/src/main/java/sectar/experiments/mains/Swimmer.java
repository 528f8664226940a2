package sectar.experiments.mains;

import java.util.List;
import sectar.experiments.campaign.AlgoSetup;
import sectar.experiments.campaign.Budget;
import sectar.experiments.campaign.Experiment;

/**
 * Swimmer: does SeCTAR swim through more of the ordered goals than flat PPO, flat TRPO, PPO with random network distillation and one-step-model MPC given the same environment steps?
 *
 * <h2>Usage</h2> {@code sectar experiment swimmer [--seeds N] [--instances 0-4] [--algos ...] [--out DIR]},
 * or this class as a Java main with the same options.
 * <h2>Budget</h2> SeCTAR (cpu preset) trains 20 minutes; the others get the env steps SeCTAR takes in
 * that time.
 * <h2>Results</h2> {@code results/swimmer/}: summary.csv, return.png, normalized.png, README.md.
 */
public final class Swimmer {
    /**
     * 25 SeCTAR iterations of env steps (118,850 each with the cpu preset's 100 consistency rollouts): the
     * eight 20-minute screens with 100 consistency rollouts took 22 to 24 iterations ({@code results/levers/swimmer-20min/cons100*},
     * one thread each, on its own core), so no baseline gets less data than any SeCTAR run.
     */
    static final long ENV_STEPS = 2_971_250;

    private Swimmer() {}

    public static Experiment experiment() {
        return new Experiment("swimmer", List.of(
                AlgoSetup.of("sectar", "cpu", Budget.wallMinutes(20, 1000)),
                AlgoSetup.of("ppo", "cpu", Budget.envSteps(ENV_STEPS)),
                AlgoSetup.of("trpo", "cpu", Budget.envSteps(ENV_STEPS)),
                AlgoSetup.of("ppo-rnd", "cpu", Budget.envSteps(ENV_STEPS)),
                AlgoSetup.of("mpc1step", "cpu", Budget.envSteps(ENV_STEPS))),
                3,            // seeds 1..3
                List.of(0));  // instance 0; instances 1-4 with --instances 1-4 --seeds 1
    }

    public static void main(String[] args) { Experiments.main("swimmer", args); }
}

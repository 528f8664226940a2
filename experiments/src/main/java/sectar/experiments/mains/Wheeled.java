package sectar.experiments.mains;

import java.util.List;
import sectar.experiments.campaign.AlgoSetup;
import sectar.experiments.campaign.Budget;
import sectar.experiments.campaign.Experiment;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.Preset;

/**
 * Wheeled: does SeCTAR drive the car through more of the ordered goals than flat PPO, flat TRPO, PPO with random network distillation and one-step-model MPC given the same environment steps?
 *
 * <h2>Usage</h2> {@code sectar experiment wheeled [--seeds N] [--instances 0-4] [--algos ...] [--out DIR]},
 * or this class as a Java main with the same options.
 * <h2>Budget</h2> In iterations and env steps, never wall clock, so a run trains on the same data on any
 * machine: SeCTAR (cpu preset) 47 iterations; the others the env steps of SeCTAR's runs of the same
 * instance ({@link Budget#matchSectar()}).
 * <h2>Results</h2> {@code results/wheeled/}: summary.csv, return.png, normalized.png, README.md.
 */
public final class Wheeled {
    /**
     * SeCTAR's iterations: what fits 20 minutes of one core (two runs side by side on the 2-core
     * machine) for every seed of the committed campaign, whose SeCTAR runs, budgeted then by 20 minutes
     * of wall clock, did 47, 47 and 64 iterations (commit 5b2204c); see {@code results/wheeled/summary.csv}.
     */
    static final int SECTAR_ITERATIONS = 47;

    private Wheeled() {}

    public static Experiment experiment() {
        return new Experiment("wheeled", List.of(
                AlgoSetup.of(Algorithm.sectar, Preset.cpu, Budget.iterations(SECTAR_ITERATIONS)),
                AlgoSetup.of(Algorithm.ppo, Preset.cpu, Budget.matchSectar()),
                AlgoSetup.of(Algorithm.trpo, Preset.cpu, Budget.matchSectar()),
                AlgoSetup.of(Algorithm.ppo_rnd, Preset.cpu, Budget.matchSectar()),
                AlgoSetup.of(Algorithm.mpc1step, Preset.cpu, Budget.matchSectar())),
                3,            // seeds 1..3
                List.of(0));  // instance 0; instances 1-4 with --instances 1-4 --seeds 1
    }

    public static void main(String[] args) { Experiments.main("wheeled", args); }
}

package sectar.experiments.declared;

import sectar.experiments.campaign.Budget;
import sectar.experiments.campaign.Experiment;

/**
 * Swimmer: does SeCTAR swim through more of the ordered goals than flat PPO, flat TRPO, PPO with random network distillation and one-step-model MPC given the same environment steps?
 *
 * <h2>Usage</h2> {@code sectar experiment swimmer [--seeds N] [--instances 0-4] [--algos ...] [--out DIR]},
 * or {@code sectar.experiments.mains.Swimmer} as a Java main with the same options.
 * <h2>Budget</h2> In iterations and env steps, never wall clock, so a run trains on the same data on any
 * machine: SeCTAR (cpu preset) 23 iterations; the others the env steps of SeCTAR's runs of the same
 * instance ({@link Budget#matchSectar()}).
 * <h2>Results</h2> {@code results/swimmer/}: summary.csv, return.png, normalized.png, README.md.
 */
public final class Swimmer {
    /**
     * SeCTAR's iterations: what fits 20 minutes of one core (two runs side by side on the 2-core
     * machine) for every seed of the committed campaign, whose SeCTAR runs, budgeted then by 20 minutes
     * of wall clock, did 23, 23 and 23 iterations (commit 4dfa59b); see {@code results/swimmer/summary.csv}.
     */
    static final int SECTAR_ITERATIONS = 23;

    private Swimmer() {}

    public static Experiment experiment() { return Comparison.of("swimmer", SECTAR_ITERATIONS); }
}

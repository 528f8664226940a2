package sectar.experiments.declared;

import sectar.experiments.campaign.Budget;
import sectar.experiments.campaign.Experiment;

/**
 * Wheeled: does SeCTAR drive the car through more of the ordered goals than flat PPO, flat TRPO, PPO with random network distillation and one-step-model MPC given the same environment steps?
 *
 * <h2>Usage</h2> {@code sectar experiment wheeled [--seeds N] [--instances 0-4] [--algos ...] [--out DIR]},
 * or {@code sectar.experiments.mains.Wheeled} as a Java main with the same options.
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

    public static Experiment experiment() { return Comparison.of("wheeled", SECTAR_ITERATIONS); }
}

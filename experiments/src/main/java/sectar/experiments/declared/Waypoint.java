package sectar.experiments.declared;

import sectar.experiments.campaign.Budget;
import sectar.experiments.campaign.Experiment;

/**
 * Waypoint: does SeCTAR reach more of the ordered waypoints than flat PPO, flat TRPO, PPO with random network distillation and one-step-model
 * MPC given the same environment steps?
 *
 * <h2>Usage</h2> {@code sectar experiment waypoint [--seeds N] [--instances 0-4] [--algos ...] [--out DIR]},
 * or {@code sectar.experiments.mains.Waypoint} as a Java main with the same options.
 * <h2>Budget</h2> In iterations and env steps, never wall clock, so a run trains on the same data on any
 * machine: SeCTAR (cpu preset) 45 iterations; the others the env steps of SeCTAR's runs of the same
 * instance ({@link Budget#matchSectar()}).
 * <h2>Results</h2> {@code results/waypoint/}: summary.csv, return.png, normalized.png, README.md.
 */
public final class Waypoint {
    /**
     * SeCTAR's iterations: what fits 20 minutes of one core (two runs side by side on the 2-core
     * machine) for every seed of the committed campaign, whose SeCTAR runs, budgeted then by 20 minutes
     * of wall clock, did 45, 48 and 45 iterations (commit 0d07069); see {@code results/waypoint/summary.csv}.
     */
    static final int SECTAR_ITERATIONS = 45;

    private Waypoint() {}

    public static Experiment experiment() { return Comparison.of("waypoint", SECTAR_ITERATIONS); }
}

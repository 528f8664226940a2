package sectar.experiments.train;

import sectar.agent.loop.ExplorerConfig;
import sectar.agent.loop.PriorConfig;
import sectar.agent.rl.PpoConfig;
import sectar.agent.vae.SectarConfig;
import sectar.planner.MpcConfig;

/**
 * Everything one SeCTAR run is made of (spec sections 4-9): every number of a preset lives here and
 * is printed into the run's config.json.
 *
 * @param task                task name
 * @param instance            task instance 0..4
 * @param preset              "paper" (the released settings) or "cpu" (the 2-core default)
 * @param seed                the run seed every stream derives from
 * @param iterations          outer iterations (released: 1000)
 * @param model               network sizes and the VAE optimiser
 * @param mpc                 latent MPC
 * @param explorer            the explorer
 * @param ppo                 PPO of the policy decoder's consistency update and of the explorer
 * @param vaePasses           model-training passes per iteration, each followed by a consistency update (10)
 * @param vaeStepsPerPass     at most this many VAE minibatch steps per pass (30)
 * @param validationBatches   validation minibatches evaluated per pass, for logging (3)
 * @param validationBatch     validation minibatch size (33)
 * @param consistencyRollouts policy-decoder rollouts per consistency update (20)
 * @param replayCapacity      FIFO replay buffer of explorer segments (9000 waypoint, 1e6 others)
 * @param validationCapacity  FIFO validation buffer (10% of the explorer's segments go here)
 * @param checkpointEvery     write a checkpoint every this many iterations (and at the end)
 * @param mpcToReplay         also add the MPC's own executed segments to the replay (the released code
 *                            does not: false)
 * @param prior               the latent prior the planner proposes from (released: N(0, I))
 * @param wallMinutes         stop after the first iteration that ends past this much training wall clock,
 *                            even before {@code iterations}; 0 = no limit (the lever study's budget)
 */
public record SectarRunConfig(String task, int instance, String preset, long seed, int iterations, SectarConfig model,
                              MpcConfig mpc, ExplorerConfig explorer, PpoConfig ppo, int vaePasses, int vaeStepsPerPass,
                              int validationBatches, int validationBatch, int consistencyRollouts, int replayCapacity,
                              int validationCapacity, int checkpointEvery, boolean mpcToReplay, PriorConfig prior,
                              double wallMinutes) {
    public SectarRunConfig {
        if (iterations < 1) throw new IllegalArgumentException("--iterations must be > 0, got " + iterations);
        if (vaePasses < 1) throw new IllegalArgumentException("vaePasses must be >= 1, got " + vaePasses);
        if (vaeStepsPerPass < 1) throw new IllegalArgumentException("vaeStepsPerPass must be >= 1, got " + vaeStepsPerPass);
        if (validationBatch < 1) throw new IllegalArgumentException("validationBatch must be >= 1, got " + validationBatch);
        if (replayCapacity < 1 || validationCapacity < 1)
            throw new IllegalArgumentException("buffer capacities must be >= 1, got " + replayCapacity + " and " + validationCapacity);
        if (checkpointEvery < 1) throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + checkpointEvery);
        if (prior == null) prior = PriorConfig.RELEASED; // configs written before the prior existed
        if (!(wallMinutes >= 0) || Double.isInfinite(wallMinutes))
            throw new IllegalArgumentException("wallMinutes must be a finite number >= 0 (0 = no limit), got " + wallMinutes);
    }

    /**
     * The cpu preset's explorer reset thresholds, calibrated to its 64-64 explorer with
     * {@code sectar calibrate-reset <task> --hidden 64,64 --samples 200}: fresh 64-64 explorers fall below
     * these as often as fresh released 400-300-200 ones fall below the released 1.34 (waypoint: 17%) and
     * 1.6 (block: 0% of 200), so a fresh explorer is not reset before it has learned anything.
     */
    static final double CPU_RESET_WAYPOINT = 1.2826, CPU_RESET_BLOCK = 1.3595;

    private static double cpuResetEntropy(String task, double released) {
        return switch (task) {
            case "waypoint" -> CPU_RESET_WAYPOINT;
            case "block" -> CPU_RESET_BLOCK;
            default -> released;
        };
    }

    /** The cpu preset's parallel MPC episodes: fewer where an episode is 50 segments long. */
    private static int cpuEpisodes(String task) {
        return switch (task) {
            case "waypoint" -> 8;
            case "swimmer" -> 2;
            default -> 4;
        };
    }

    /**
     * The cpu preset's env steps per replan: every 5 on waypoint (the lever study's best), every 10 on
     * block and wheeled, whose 50-segment episodes would make replanning every 5 steps cost about 45 s
     * per iteration, and every 50 of swimmer's 99-step segments.
     */
    private static int cpuExecuteSteps(String task) {
        return switch (task) {
            case "waypoint" -> 5;
            case "swimmer" -> 50;
            default -> 10;
        };
    }

    /** Released per-task numbers (spec section 9) that both presets share. */
    private record TaskNumbers(int segments, int horizon, double gamma, int explorerStarts, int explorerSegments,
                               double initLogStd, double entropyBonus, double resetEntropy, int mpcEpisodes,
                               int candidates, int replay) {}

    private static TaskNumbers released(String task) {
        return switch (task) {
            case "waypoint" -> new TaskNumbers(20, 10, 0.99, 400, 5, 0, 0, 1.34, 40, 2048, 9000);
            case "block" -> new TaskNumbers(50, 10, 0.995, 400, 10, 0, 0, 1.6, 40, 2048, 1_000_000);
            case "wheeled" -> new TaskNumbers(50, 20, 0.99, 400, 10, Math.log(20), 1e-3, 0, 40, 2048, 1_000_000);
            case "swimmer" -> new TaskNumbers(50, 30, 0.99, 200, 2, 0, 1e-3, 0, 20, 4000, 1_000_000);
            default -> throw new IllegalArgumentException("unknown task '" + task + "'; expected waypoint, block, wheeled or swimmer");
        };
    }

    /**
     * The preset for a task. {@code paper}: spec section 9 exactly, the released random-shooting planner
     * (with the released explorer reset). {@code cpu}: the same algorithm sized for 2 cores (small
     * networks, 100 explorer starts, the never-blind plan score with progress weight 0.05) plus the
     * levers the lever study kept ({@code results/levers/}): 10 x 15 VAE steps per iteration, plans of
     * 2 segments x 640 candidates, a replan every few env steps ({@link #cpuExecuteSteps}), the
     * MPC's executed segments added to the replay, and fewer MPC episodes where episodes are 50 segments
     * long (waypoint 8, block and wheeled 4, swimmer 2) so an iteration stays well under a minute.
     */
    public static SectarRunConfig preset(String preset, String task, int instance, long seed, int iterations) {
        TaskNumbers r = released(task);
        return switch (preset) {
            case "paper" -> new SectarRunConfig(task, instance, preset, seed, iterations, SectarConfig.paper(),
                    new MpcConfig(r.mpcEpisodes(), r.candidates(), r.horizon(), r.segments(), r.gamma(), 0.0, "shooting", 4, 64, false, false, 0),
                    new ExplorerConfig(r.explorerStarts(), r.explorerSegments(), new int[] {400, 300, 200}, r.initLogStd(),
                            r.entropyBonus(), r.resetEntropy()),
                    PpoConfig.sectar(), 10, 30, 3, 33, 20, r.replay(), 10_000, 10, false, PriorConfig.RELEASED, 0);
            case "cpu" -> new SectarRunConfig(task, instance, preset, seed, iterations, SectarConfig.cpu(),
                    new MpcConfig(cpuEpisodes(task), 640, 2, r.segments(), r.gamma(), 0.05, "shooting", 4, 16, false, false,
                            cpuExecuteSteps(task)),
                    new ExplorerConfig(Math.max(50, r.explorerStarts() / 4), r.explorerSegments(), new int[] {64, 64},
                            r.initLogStd(), r.entropyBonus(), cpuResetEntropy(task, r.resetEntropy())),
                    PpoConfig.sectar(), 10, 15, 3, 33, 20, r.replay(), 1000, 1, true, PriorConfig.RELEASED, 0);
            default -> throw new IllegalArgumentException("unknown preset '" + preset + "'; expected paper or cpu");
        };
    }

    public SectarRunConfig withMpc(MpcConfig m) {
        return new SectarRunConfig(task, instance, preset, seed, iterations, model, m, explorer, ppo, vaePasses,
                vaeStepsPerPass, validationBatches, validationBatch, consistencyRollouts, replayCapacity,
                validationCapacity, checkpointEvery, mpcToReplay, prior, wallMinutes);
    }

    /** Whether a run that has trained {@code wallSeconds} has used its wall-clock budget. */
    public boolean outOfTime(double wallSeconds) { return wallMinutes > 0 && wallSeconds >= wallMinutes * 60; }
}

package sectar.experiments.train;

import sectar.agent.loop.ExplorerConfig;
import sectar.agent.loop.PriorConfig;
import sectar.agent.rl.PpoConfig;
import sectar.agent.vae.SectarConfig;
import sectar.planner.MpcConfig;
import sectar.planner.SearchMethod;
import sectar.sim.config.Named;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.Tasks;

/**
 * Everything one SeCTAR run is made of (spec sections 4-9): every number of a preset lives here and
 * is printed into the run's config.json.
 *
 * @param task                task name
 * @param instance            task instance 0..4
 * @param preset              paper (the released settings) or cpu (the 2-core default)
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
 * @param taskInstance        the task instance as data (bundled or from {@code --instances-file}), embedded so
 *                            the run folder is self-contained; null in configs written before it was
 *                            (then the bundled instance {@code instance})
 */
public record SectarRunConfig(String task, int instance, Preset preset, long seed, int iterations, SectarConfig model,
                              MpcConfig mpc, ExplorerConfig explorer, PpoConfig ppo, int vaePasses, int vaeStepsPerPass,
                              int validationBatches, int validationBatch, int consistencyRollouts, int replayCapacity,
                              int validationCapacity, int checkpointEvery, boolean mpcToReplay, PriorConfig prior,
                              double wallMinutes, TaskInstance taskInstance) {
    public SectarRunConfig {
        RunTask.check(task, taskInstance);
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

    /** A config of the bundled instance {@code instance} (for callers that build one field by field). */
    public SectarRunConfig(String task, int instance, Preset preset, long seed, int iterations, SectarConfig model,
                           MpcConfig mpc, ExplorerConfig explorer, PpoConfig ppo, int vaePasses, int vaeStepsPerPass,
                           int validationBatches, int validationBatch, int consistencyRollouts, int replayCapacity,
                           int validationCapacity, int checkpointEvery, boolean mpcToReplay, PriorConfig prior,
                           double wallMinutes) {
        this(task, instance, preset, seed, iterations, model, mpc, explorer, ppo, vaePasses, vaeStepsPerPass,
                validationBatches, validationBatch, consistencyRollouts, replayCapacity, validationCapacity,
                checkpointEvery, mpcToReplay, prior, wallMinutes, Tasks.instance(task, instance));
    }

    /** The spec of the run's task instance. */
    public TaskSpec taskSpec() { return RunTask.spec(task, instance, taskInstance); }

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

    /**
     * Released per-task numbers (spec section 9) that both presets share.
     *
     * @param segments         episode length in segments
     * @param horizon          plan horizon in segments
     * @param gamma            discount of the plan score
     * @param explorerStarts   explorer rollouts per iteration
     * @param explorerSegments segments per explorer rollout
     * @param initLogStd       initial log sigma of the explorer (continuous actions)
     * @param entropyBonus     explorer entropy bonus
     * @param resetEntropy     explorer reset threshold (0 = never reset)
     * @param mpcEpisodes      parallel MPC episodes per iteration
     * @param candidates       latent sequences per replanning
     * @param replay           replay capacity in segments
     */
    record TaskNumbers(int segments, int horizon, double gamma, int explorerStarts, int explorerSegments,
                       double initLogStd, double entropyBonus, double resetEntropy, int mpcEpisodes,
                       int candidates, int replay) {}

    private static TaskNumbers released(String task) {
        Named<TaskNumbers> common = Named.of(TaskNumbers.class).set("gamma", task.equals("block") ? 0.995 : 0.99);
        return switch (task) {
            case "waypoint" -> common.set("segments", 20).set("horizon", 10).set("explorerStarts", 400)
                    .set("explorerSegments", 5).set("initLogStd", 0.0).set("entropyBonus", 0.0).set("resetEntropy", 1.34)
                    .set("mpcEpisodes", 40).set("candidates", 2048).set("replay", 9000).build();
            case "block" -> common.set("segments", 50).set("horizon", 10).set("explorerStarts", 400)
                    .set("explorerSegments", 10).set("initLogStd", 0.0).set("entropyBonus", 0.0).set("resetEntropy", 1.6)
                    .set("mpcEpisodes", 40).set("candidates", 2048).set("replay", 1_000_000).build();
            case "wheeled" -> common.set("segments", 50).set("horizon", 20).set("explorerStarts", 400)
                    .set("explorerSegments", 10).set("initLogStd", Math.log(20)).set("entropyBonus", 1e-3)
                    .set("resetEntropy", 0.0).set("mpcEpisodes", 40).set("candidates", 2048).set("replay", 1_000_000).build();
            case "swimmer" -> common.set("segments", 50).set("horizon", 30).set("explorerStarts", 200)
                    .set("explorerSegments", 2).set("initLogStd", 0.0).set("entropyBonus", 1e-3).set("resetEntropy", 0.0)
                    .set("mpcEpisodes", 20).set("candidates", 4000).set("replay", 1_000_000).build();
            default -> throw new IllegalArgumentException("unknown task '" + task + "'; expected waypoint, block, wheeled or swimmer");
        };
    }

    /** As {@link #preset(Preset, String, int, long, int)} with the preset given by name. */
    public static SectarRunConfig preset(String preset, String task, int instance, long seed, int iterations) {
        return preset(Preset.named(preset), task, instance, seed, iterations);
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
    public static SectarRunConfig preset(Preset preset, String task, int instance, long seed, int iterations) {
        SectarRunConfig paper = paper(task, instance, seed, iterations);
        return switch (preset) {
            case paper -> paper;
            case cpu -> cpu(paper);
        };
    }

    private static SectarRunConfig paper(String task, int instance, long seed, int iterations) {
        TaskNumbers r = released(task);
        MpcConfig mpc = Named.of(MpcConfig.class)
                .set("episodes", r.mpcEpisodes()).set("candidates", r.candidates()).set("horizon", r.horizon())
                .set("segments", r.segments()).set("gamma", r.gamma()).set("progressWeight", 0.0)
                .set("search", SearchMethod.shooting).set("cemIterations", 4).set("cemElites", 64)
                .set("warmStart", false).set("greedyActions", false).set("executeSteps", 0).build();
        ExplorerConfig explorer = Named.of(ExplorerConfig.class)
                .set("starts", r.explorerStarts()).set("segments", r.explorerSegments()).set("hidden", new int[] {400, 300, 200})
                .set("initLogStd", r.initLogStd()).set("entropyBonus", r.entropyBonus()).set("resetEntropy", r.resetEntropy())
                .set("actionRepeat", 1).build();
        return Named.of(SectarRunConfig.class)
                .set("task", task).set("instance", instance).set("taskInstance", Tasks.instance(task, instance))
                .set("preset", Preset.paper).set("seed", seed)
                .set("iterations", iterations)
                .set("model", SectarConfig.paper()).set("mpc", mpc).set("explorer", explorer).set("ppo", PpoConfig.sectar())
                .set("vaePasses", 10).set("vaeStepsPerPass", 30).set("validationBatches", 3).set("validationBatch", 33)
                .set("consistencyRollouts", 20).set("replayCapacity", r.replay()).set("validationCapacity", 10_000)
                .set("checkpointEvery", 10).set("mpcToReplay", false).set("prior", PriorConfig.RELEASED)
                .set("wallMinutes", 0.0)
                .build();
    }

    /** The cpu preset as what it changes in the paper preset of the same task. */
    private static SectarRunConfig cpu(SectarRunConfig paper) {
        String task = paper.task();
        MpcConfig mpc = Named.from(paper.mpc())
                .set("episodes", cpuEpisodes(task)).set("candidates", 640).set("horizon", 2).set("progressWeight", 0.05)
                .set("cemElites", 16).set("executeSteps", cpuExecuteSteps(task)).build();
        ExplorerConfig explorer = Named.from(paper.explorer())
                .set("starts", Math.max(50, paper.explorer().starts() / 4)).set("hidden", new int[] {64, 64})
                .set("resetEntropy", cpuResetEntropy(task, paper.explorer().resetEntropy())).build();
        return Named.from(paper)
                .set("preset", Preset.cpu).set("model", SectarConfig.cpu()).set("mpc", mpc).set("explorer", explorer)
                .set("vaeStepsPerPass", 15).set("validationCapacity", 1000).set("checkpointEvery", 1).set("mpcToReplay", true)
                .build();
    }

    public SectarRunConfig withMpc(MpcConfig m) {
        return new SectarRunConfig(task, instance, preset, seed, iterations, model, m, explorer, ppo, vaePasses,
                vaeStepsPerPass, validationBatches, validationBatch, consistencyRollouts, replayCapacity,
                validationCapacity, checkpointEvery, mpcToReplay, prior, wallMinutes, taskInstance);
    }

    /** Whether a run that has trained {@code wallSeconds} has used its wall-clock budget. */
    public boolean outOfTime(double wallSeconds) { return wallMinutes > 0 && wallSeconds >= wallMinutes * 60; }
}

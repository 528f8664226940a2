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
import sectar.sim.tasks.Tasks;

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
 * @param keepCheckpointEvery keep a copy of the checkpoint every this many iterations in {@code checkpoints/}
 *                            (0: keep only the last), so {@code sectar skills} can draw the skills over training
 * @param taskInstance        the task instance as data (bundled or from {@code --instances-file}), embedded so
 *                            the run folder is self-contained; null in configs written before it was
 *                            (then the bundled instance {@code instance})
 */
public record SectarRunConfig(String task, int instance, Preset preset, long seed, int iterations, SectarConfig model,
                              MpcConfig mpc, ExplorerConfig explorer, PpoConfig ppo, int vaePasses, int vaeStepsPerPass,
                              int validationBatches, int validationBatch, int consistencyRollouts, int replayCapacity,
                              int validationCapacity, int checkpointEvery, boolean mpcToReplay, PriorConfig prior,
                              double wallMinutes, int keepCheckpointEvery, TaskInstance taskInstance) {
    public SectarRunConfig {
        if (keepCheckpointEvery < 0) throw new IllegalArgumentException("keepCheckpointEvery must be >= 0 (0: keep only the last), got " + keepCheckpointEvery);
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
                checkpointEvery, mpcToReplay, prior, wallMinutes, 0, Tasks.instance(task, instance));
    }

    /** The spec of the run's task instance. */
    public TaskSpec taskSpec() { return RunTask.spec(task, instance, taskInstance); }

    /** As {@link #preset(Preset, TaskInstance, long, int)} with the preset given by name, on a bundled instance. */
    public static SectarRunConfig preset(String preset, String task, int instance, long seed, int iterations) {
        return preset(Preset.named(preset), task, instance, seed, iterations);
    }

    /** As {@link #preset(Preset, TaskInstance, long, int)} on bundled instance {@code instance} of {@code task}. */
    public static SectarRunConfig preset(Preset preset, String task, int instance, long seed, int iterations) {
        return preset(preset, Tasks.instance(task, instance), seed, iterations);
    }

    /**
     * The preset for a task instance; the per-task numbers come from {@link TaskPresets}, the episode's
     * length in segments from the instance. {@code paper}: spec section 9 exactly, the released
     * random-shooting planner (with the released explorer reset). {@code cpu}: the same algorithm sized
     * for 2 cores (small networks, a quarter of the explorer starts, the never-blind plan score with
     * progress weight 0.05) plus the levers the lever study kept ({@code results/levers/}): 10 x 15 VAE
     * steps per iteration, plans of 2 segments x 640 candidates, a replan every few env steps, the MPC's
     * executed segments added to the replay, and fewer MPC episodes where episodes are 50 segments long
     * (waypoint 8, block and wheeled 4, swimmer 2) so an iteration stays well under a minute, and on
     * swimmer 100 consistency rollouts per update instead of 20.
     */
    public static SectarRunConfig preset(Preset preset, TaskInstance instance, long seed, int iterations) {
        SectarRunConfig paper = paper(instance, seed, iterations);
        return switch (preset) {
            case paper -> paper;
            case cpu -> cpu(paper);
        };
    }

    private static SectarRunConfig paper(TaskInstance instance, long seed, int iterations) {
        TaskPresets.Sectar r = TaskPresets.of(instance.task()).sectar();
        TaskSpec spec = Tasks.spec(instance);
        MpcConfig mpc = Named.of(MpcConfig.class)
                .set("episodes", r.mpcEpisodes()).set("candidates", r.candidates()).set("horizon", r.horizon())
                .set("segments", spec.episodeSteps() / spec.segmentLength()).set("gamma", r.gamma()).set("progressWeight", 0.0)
                .set("search", SearchMethod.shooting).set("cemIterations", 4).set("cemElites", 64)
                .set("warmStart", false).set("greedyActions", false).set("executeSteps", 0).build();
        ExplorerConfig explorer = Named.of(ExplorerConfig.class)
                .set("starts", r.explorerStarts()).set("segments", r.explorerSegments()).set("hidden", new int[] {400, 300, 200})
                .set("initLogStd", r.initLogStd()).set("entropyBonus", r.entropyBonus()).set("resetEntropy", r.resetEntropy())
                .set("actionRepeat", 1).build();
        return Named.of(SectarRunConfig.class)
                .set("task", instance.task()).set("instance", instance.index()).set("taskInstance", instance)
                .set("preset", Preset.paper).set("seed", seed)
                .set("iterations", iterations)
                .set("model", SectarConfig.paper()).set("mpc", mpc).set("explorer", explorer).set("ppo", PpoConfig.sectar())
                .set("vaePasses", 10).set("vaeStepsPerPass", 30).set("validationBatches", 3).set("validationBatch", 33)
                .set("consistencyRollouts", 20).set("replayCapacity", r.replay()).set("validationCapacity", 10_000)
                .set("checkpointEvery", 10).set("mpcToReplay", false).set("prior", PriorConfig.RELEASED)
                .set("wallMinutes", 0.0).set("keepCheckpointEvery", 0)
                .build();
    }

    /** The cpu preset as what it changes in the paper preset of the same task. */
    private static SectarRunConfig cpu(SectarRunConfig paper) {
        TaskPresets.SectarCpu c = TaskPresets.of(paper.task()).sectarCpu();
        MpcConfig mpc = Named.from(paper.mpc())
                .set("episodes", c.mpcEpisodes()).set("candidates", 640).set("horizon", 2).set("progressWeight", 0.05)
                .set("cemElites", 16).set("executeSteps", c.executeSteps()).build();
        ExplorerConfig explorer = Named.from(paper.explorer())
                .set("starts", Math.max(50, paper.explorer().starts() / 4)).set("hidden", new int[] {64, 64})
                .set("resetEntropy", c.resetEntropy()).set("actionRepeat", c.actionRepeat()).build();
        return Named.from(paper)
                .set("preset", Preset.cpu).set("model", Named.from(SectarConfig.cpu()).set("bcWeight", c.bcWeight()).build()).set("mpc", mpc).set("explorer", explorer)
                .set("vaeStepsPerPass", 15).set("consistencyRollouts", c.consistencyRollouts()).set("validationCapacity", 1000).set("checkpointEvery", 1).set("mpcToReplay", true)
                .build();
    }

    public SectarRunConfig withMpc(MpcConfig m) {
        return new SectarRunConfig(task, instance, preset, seed, iterations, model, m, explorer, ppo, vaePasses,
                vaeStepsPerPass, validationBatches, validationBatch, consistencyRollouts, replayCapacity,
                validationCapacity, checkpointEvery, mpcToReplay, prior, wallMinutes, keepCheckpointEvery, taskInstance);
    }

    /** Whether a run that has trained {@code wallSeconds} has used its wall-clock budget. */
    /**
     * The most env steps one iteration can take: every MPC episode run to its time limit, every explorer
     * start's rollout of {@code explorer.segments} segments, and every consistency rollout of one segment
     * in each VAE pass. Episodes that end at their last goal take fewer. Times {@link #iterations} it
     * bounds a run's env steps, which a campaign's baselines get before SeCTAR's runs have finished.
     */
    public long maxEnvStepsPerIteration() {
        TaskSpec spec = taskSpec();
        int t = spec.segmentLength();
        return (long) mpc.episodes() * spec.episodeSteps()
                + (long) explorer.starts() * sectar.agent.data.NoveltyRewards.rolloutLength(t, explorer.segments())
                + (long) vaePasses * consistencyRollouts * t;
    }

    public boolean outOfTime(double wallSeconds) { return wallMinutes > 0 && wallSeconds >= wallMinutes * 60; }
}

package sectar.experiments.train;

import sectar.agent.loop.ExplorerConfig;
import sectar.agent.loop.PriorConfig;
import sectar.agent.rl.PpoConfig;
import sectar.agent.vae.DecoderFitConfig;
import sectar.agent.vae.SectarConfig;
import sectar.planner.MpcConfig;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.EmbeddedInstance;

/**
 * Everything one SeCTAR run is made of (spec sections 4-9), printed into the run's config.json; the
 * presets' numbers are in {@code presets/sectar.json} ({@link Presets}).
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
 * @param consistencyContrast other prior latents per consistency rollout of the contrastive reward
 *                            ({@code ContrastiveReward}); 0 = the released log-density reward
 * @param replayCapacity      FIFO replay buffer of explorer segments (9000 waypoint, 1e6 others)
 * @param validationCapacity  FIFO validation buffer (10% of the explorer's segments go here)
 * @param checkpointEvery     write a checkpoint every this many iterations (and at the end)
 * @param mpcToReplay         also add the MPC's own executed segments to the replay (the released code
 *                            does not: false)
 * @param prior               the latent prior the planner proposes from (released: N(0, I))
 * @param decoderFit          decoder-only fitting of the state decoder to the policy decoder's executed chunks
 *                            (released: off, decoderFit.steps = 0)
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
                              int validationBatches, int validationBatch, int consistencyRollouts, int consistencyContrast, int replayCapacity,
                              int validationCapacity, int checkpointEvery, boolean mpcToReplay, PriorConfig prior,
                              DecoderFitConfig decoderFit, double wallMinutes, int keepCheckpointEvery, @EmbeddedInstance.Field TaskInstance taskInstance) {
    public SectarRunConfig {
        if (keepCheckpointEvery < 0) throw new IllegalArgumentException("keepCheckpointEvery must be >= 0 (0: keep only the last), got " + keepCheckpointEvery);
        RunTask.check(task, taskInstance);
        if (iterations < 1) throw new IllegalArgumentException("--iterations must be > 0, got " + iterations);
        if (vaePasses < 1) throw new IllegalArgumentException("vaePasses must be >= 1, got " + vaePasses);
        if (vaeStepsPerPass < 1) throw new IllegalArgumentException("vaeStepsPerPass must be >= 1, got " + vaeStepsPerPass);
        if (consistencyContrast < 0)
            throw new IllegalArgumentException("consistencyContrast must be >= 0 (0 = the released log-density reward), got " + consistencyContrast);
        if (validationBatch < 1) throw new IllegalArgumentException("validationBatch must be >= 1, got " + validationBatch);
        if (replayCapacity < 1 || validationCapacity < 1)
            throw new IllegalArgumentException("buffer capacities must be >= 1, got " + replayCapacity + " and " + validationCapacity);
        if (checkpointEvery < 1) throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + checkpointEvery);
        if (prior == null) throw new IllegalArgumentException("prior must be given (prior.learned=false is the released N(0, I))");
        if (decoderFit == null)
            throw new IllegalArgumentException("decoderFit must be given (decoderFit.steps=0 is the released algorithm)");
        if (explorer.ouTheta() > 0 && RunTask.spec(task, instance, taskInstance).discrete())
            throw new IllegalArgumentException("explorer.ouTheta " + explorer.ouTheta() + " needs a continuous explorer; task " + task
                    + " has discrete actions (set it to 0)");
        if (!(wallMinutes >= 0) || Double.isInfinite(wallMinutes))
            throw new IllegalArgumentException("wallMinutes must be a finite number >= 0 (0 = no limit), got " + wallMinutes);
    }

    /** The spec of the run's task instance. */
    public TaskSpec taskSpec() { return RunTask.spec(task, instance, taskInstance); }

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

    /** Whether a run that has trained {@code wallSeconds} has used its wall-clock budget. */
    public boolean outOfTime(double wallSeconds) { return wallMinutes > 0 && wallSeconds >= wallMinutes * 60; }
}

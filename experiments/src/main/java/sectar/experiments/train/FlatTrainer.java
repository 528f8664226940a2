package sectar.experiments.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.io.Checkpoint;
import sectar.agent.nn.ParamStore;
import sectar.agent.nn.PolicyNet;
import sectar.agent.rl.Ppo;
import sectar.agent.rl.PpoStats;
import sectar.agent.rl.RndPpo;
import sectar.agent.rl.RndStats;
import sectar.agent.rl.Trpo;
import sectar.agent.rl.TrpoStats;
import sectar.agent.rl.VectorRollouts;
import sectar.sim.Seeds;
import sectar.sim.StageObservation;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;
import sectar.sim.vector.VectorEnv;

/**
 * The flat baselines SeCTAR is compared with: PPO, TRPO or PPO + RND on the observation plus a stage
 * one-hot (spec section 10.1), over a vectorised env, one metrics row per iteration, until the env-step
 * budget is spent.
 *
 * <p>Logged metrics: iteration, env_steps, wall_s, return (mean real sparse episode return), success
 * (fraction reaching the final stage), stage (mean stage reached), then the algorithm's own: policy
 * loss, value loss (PPO; the extrinsic value net for PPO + RND), KL of the step, entropy, clip fraction
 * (PPO) or backtracks/accepted (TRPO); PPO + RND adds intrinsic_reward (the batch's mean, scaled),
 * intrinsic_value_loss and predictor_loss.
 *
 * <p>Resuming exactly: the action samples, PPO's minibatch shuffles and RND's predictor samples come
 * from streams derived from the seed and the iteration, and the checkpoint holds the policy (bit-exact,
 * TRPO trains in double), the optimisers, PPO's value net or TRPO's linear baseline, RND's networks,
 * intrinsic value net and running statistics, and how many episodes each env has started (the env
 * seeds continue from there).
 */
public final class FlatTrainer implements Trainer {
    private final FlatConfig cfg;
    private final TaskSpec base;
    private final VectorEnv envs;
    private final PolicyNet policy;
    private final Ppo ppo;
    private final Trpo trpo;
    private final RndPpo rnd;
    private int iteration;
    private long envSteps;
    private double wallSeconds;

    /** @param parallel step the envs on two threads when there are enough of them (results are identical) */
    public FlatTrainer(FlatConfig cfg, boolean parallel) {
        this.cfg = cfg;
        this.base = cfg.taskSpec();
        this.envs = new VectorEnv(() -> new StageObservation(Tasks.make(cfg.taskSpec())), cfg.envs(),
                Seeds.derive(cfg.seed(), "env"), parallel && cfg.envs() >= VectorEnv.THREADS_FROM ? 2 : 1);
        TaskSpec spec = envs.spec();
        boolean isTrpo = cfg.algo() == FlatConfig.Update.trpo;
        ParamStore store = new ParamStore(isTrpo); // TRPO's finite-difference Fisher products want doubles
        SplittableRandom init = Seeds.rng(cfg.seed(), "init/policy");
        this.policy = spec.discrete()
                ? PolicyNet.categorical(store, "policy", spec.obsDim(), cfg.hidden(), spec.actionSize(), init)
                : PolicyNet.gaussian(store, "policy", spec.obsDim(), cfg.hidden(), spec.actionSize(), cfg.initLogStd(), init);
        this.ppo = isTrpo ? null : new Ppo(policy, cfg.ppo(), Seeds.rng(cfg.seed(), "ppo"));
        this.trpo = isTrpo ? new Trpo(policy, cfg.trpo()) : null;
        // the policy and value net start as a ppo run of the same seed does; RND's parts have their own stream
        this.rnd = cfg.algo() == FlatConfig.Update.ppo_rnd ? new RndPpo(ppo, cfg.rnd(), cfg.envs(), Seeds.rng(cfg.seed(), "init/rnd")) : null;
    }

    private SplittableRandom rng(String name) { return Seeds.rng(cfg.seed(), "iter/" + iteration + "/" + name); }

    @Override public Map<String, Object> iterate() {
        long start = System.nanoTime();
        iteration++;
        VectorRollouts.Result r = VectorRollouts.collect(envs, policy, cfg.episodesPerEnv(), rng("act"));
        envSteps += r.envSteps();
        Map<String, Object> algo = new LinkedHashMap<>();
        if (trpo != null) {
            TrpoStats s = trpo.update(r.batch());
            algo.put("loss_before", s.lossBefore());
            algo.put("loss_after", s.lossAfter());
            algo.put("kl", s.meanKl());
            algo.put("entropy", s.entropy());
            algo.put("backtracks", s.backtracks());
            algo.put("accepted", s.accepted() ? 1 : 0);
        } else if (rnd != null) {
            RndStats s = rnd.update(r, rng("ppo"), rng("rnd"));
            putPpo(algo, s.ppo());
            algo.put("intrinsic_reward", s.intrinsicReward());
            algo.put("intrinsic_value_loss", s.intrinsicValueLoss());
            algo.put("predictor_loss", s.predictorLoss());
        } else {
            putPpo(algo, ppo.update(r.batch(), rng("ppo")));
        }
        wallSeconds += (System.nanoTime() - start) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("iteration", iteration);
        row.put("env_steps", envSteps);
        row.put("wall_s", wallSeconds);
        row.put("return", r.meanReturn());
        row.put("success", r.successRate(base.numGoals()));
        row.put("stage", r.meanStage());
        row.putAll(algo);
        return row;
    }

    private static void putPpo(Map<String, Object> row, PpoStats s) {
        row.put("policy_loss", s.policyLoss());
        row.put("value_loss", s.valueLoss());
        row.put("kl", s.approxKl());
        row.put("entropy", s.entropy());
        row.put("clip_fraction", s.clipFraction());
    }

    @Override public boolean finished() { return envSteps >= cfg.envSteps(); }

    @Override public int iteration() { return iteration; }

    @Override public long envSteps() { return envSteps; }

    /** An estimate: every env runs at least {@code episodesPerEnv} whole episodes per iteration. */
    @Override public int plannedIterations() {
        long perIteration = cfg.iterationSteps();
        return (int) Math.min(Integer.MAX_VALUE, (cfg.envSteps() + perIteration - 1) / perIteration);
    }

    @Override public void save(Checkpoint.Builder b) {
        b.putLong("iteration", iteration).putLong("env_steps", envSteps).putLong("wall_ms", Math.round(wallSeconds * 1000));
        for (int i = 0; i < envs.size(); i++) b.putLong("env/" + i + "/episodes", envs.episodesStarted(i));
        b.putDoubles("policy", policy.flatParams());
        if (ppo != null) {
            SectarCheckpoint.putAll(b, "policy_adam/", ppo.optimizer().state());
            if (ppo.valueParams() != null) {
                SectarCheckpoint.putAll(b, "value/", ppo.valueParams().state());
                SectarCheckpoint.putAll(b, "value_adam/", ppo.valueOptimizer().state());
            }
        } else if (trpo.baseline().weights() != null) {
            b.putDoubles("baseline", trpo.baseline().weights());
        }
        if (rnd != null) {
            SectarCheckpoint.putAll(b, "rnd_target/", rnd.distillation().targetParams().state());
            SectarCheckpoint.putAll(b, "rnd_predictor/", rnd.distillation().predictorParams().state());
            SectarCheckpoint.putAll(b, "rnd_predictor_adam/", rnd.distillation().optimizer().state());
            SectarCheckpoint.putAll(b, "intrinsic_value/", rnd.intrinsicValue().params().state());
            SectarCheckpoint.putAll(b, "intrinsic_value_adam/", rnd.intrinsicValue().optimizer().state());
            b.putDoubles("rnd_observation_stats", rnd.distillation().observationStats().state());
            b.putDoubles("rnd_return_stats", rnd.returnStats().state());
            b.putDoubles("rnd_running_returns", rnd.runningReturns());
        }
    }

    @Override public void restore(Checkpoint c) {
        policy.setFlatParams(c.getDoubles("policy"));
        policy.sync();
        if (ppo != null) {
            ppo.optimizer().load(SectarCheckpoint.take(c, "policy_adam/"));
            if (ppo.valueParams() != null) {
                ppo.valueParams().load(SectarCheckpoint.take(c, "value/"));
                ppo.valueOptimizer().load(SectarCheckpoint.take(c, "value_adam/"));
            }
        } else if (c.doubleNames().contains("baseline")) {
            trpo.baseline().setWeights(c.getDoubles("baseline"));
        }
        if (rnd != null) {
            rnd.distillation().targetParams().load(SectarCheckpoint.take(c, "rnd_target/"));
            rnd.distillation().predictorParams().load(SectarCheckpoint.take(c, "rnd_predictor/"));
            rnd.distillation().optimizer().load(SectarCheckpoint.take(c, "rnd_predictor_adam/"));
            rnd.intrinsicValue().params().load(SectarCheckpoint.take(c, "intrinsic_value/"));
            rnd.intrinsicValue().optimizer().load(SectarCheckpoint.take(c, "intrinsic_value_adam/"));
            rnd.distillation().observationStats().load(c.getDoubles("rnd_observation_stats"));
            rnd.returnStats().load(c.getDoubles("rnd_return_stats"));
            rnd.setRunningReturns(c.getDoubles("rnd_running_returns"));
        }
        int[] started = new int[envs.size()];
        for (int i = 0; i < started.length; i++) started[i] = (int) c.getLong("env/" + i + "/episodes");
        envs.restoreEpisodesStarted(started);
        iteration = (int) c.getLong("iteration");
        envSteps = c.getLong("env_steps");
        wallSeconds = c.getLong("wall_ms") / 1000.0;
    }

    /** The policy acting on the task with the stage one-hot it was trained on. */
    @Override public Acting acting() {
        int goals = base.numGoals();
        return new Acting(Tasks.make(cfg.taskSpec()),
                (obs, stage, rng) -> policy.act(StageObservation.augment(obs, stage, goals), rng));
    }

    @Override public void close() { envs.close(); }
}

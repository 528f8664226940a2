package sectar.experiments.train;

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
 * <p>Its metrics columns, after the loop's headline (return, success and stage of the iteration's
 * episodes): the update's own ({@link PpoStats#columns()}, {@link TrpoStats#columns()},
 * {@link RndStats#columns()}).
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

    @Override public Iteration iterate(RunCounters before) {
        int iteration = before.iteration() + 1;
        VectorRollouts.Result r = VectorRollouts.collect(envs, policy, cfg.episodesPerEnv(), rng(iteration, "act"));
        Map<String, Object> columns = trpo != null ? trpo.update(r.batch()).columns()
                : rnd != null ? rnd.update(r, rng(iteration, "ppo"), rng(iteration, "rnd")).columns()
                : ppo.update(r.batch(), rng(iteration, "ppo")).columns();
        return new Iteration(r.envSteps(), r.meanReturn(), r.successRate(base.numGoals()), r.meanStage(), columns);
    }

    private SplittableRandom rng(int iteration, String name) { return Seeds.rng(cfg.seed(), "iter/" + iteration + "/" + name); }

    @Override public boolean finished(RunCounters c) { return c.envSteps() >= cfg.envSteps(); }

    /** An estimate: every env runs at least {@code episodesPerEnv} whole episodes per iteration. */
    @Override public int plannedIterations() {
        long perIteration = cfg.iterationSteps();
        return (int) Math.min(Integer.MAX_VALUE, (cfg.envSteps() + perIteration - 1) / perIteration);
    }

    @Override public void save(Checkpoint.Builder b) {
        for (int i = 0; i < envs.size(); i++) b.putLong("env/" + i + "/episodes", envs.episodesStarted(i));
        b.putDoubles("policy", policy.flatParams());
        if (ppo != null) {
            b.putAll("policy_adam/", ppo.optimizer().state());
            if (ppo.valueParams() != null) {
                b.putAll("value/", ppo.valueParams().state());
                b.putAll("value_adam/", ppo.valueOptimizer().state());
            }
        } else if (trpo.baseline().weights() != null) {
            b.putDoubles("baseline", trpo.baseline().weights());
        }
        if (rnd != null) {
            b.putAll("rnd_target/", rnd.distillation().targetParams().state());
            b.putAll("rnd_predictor/", rnd.distillation().predictorParams().state());
            b.putAll("rnd_predictor_adam/", rnd.distillation().optimizer().state());
            b.putAll("intrinsic_value/", rnd.intrinsicValue().params().state());
            b.putAll("intrinsic_value_adam/", rnd.intrinsicValue().optimizer().state());
            b.putDoubles("rnd_observation_stats", rnd.distillation().observationStats().state());
            b.putDoubles("rnd_return_stats", rnd.returnStats().state());
            b.putDoubles("rnd_running_returns", rnd.runningReturns());
        }
    }

    @Override public void restore(Checkpoint c) {
        policy.setFlatParams(c.getDoubles("policy"));
        policy.sync();
        if (ppo != null) {
            ppo.optimizer().load(c.take("policy_adam/"));
            if (ppo.valueParams() != null) {
                ppo.valueParams().load(c.take("value/"));
                ppo.valueOptimizer().load(c.take("value_adam/"));
            }
        } else if (c.doubleNames().contains("baseline")) {
            trpo.baseline().setWeights(c.getDoubles("baseline"));
        }
        if (rnd != null) {
            rnd.distillation().targetParams().load(c.take("rnd_target/"));
            rnd.distillation().predictorParams().load(c.take("rnd_predictor/"));
            rnd.distillation().optimizer().load(c.take("rnd_predictor_adam/"));
            rnd.intrinsicValue().params().load(c.take("intrinsic_value/"));
            rnd.intrinsicValue().optimizer().load(c.take("intrinsic_value_adam/"));
            rnd.distillation().observationStats().load(c.getDoubles("rnd_observation_stats"));
            rnd.returnStats().load(c.getDoubles("rnd_return_stats"));
            rnd.setRunningReturns(c.getDoubles("rnd_running_returns"));
        }
        int[] started = new int[envs.size()];
        for (int i = 0; i < started.length; i++) started[i] = (int) c.getLong("env/" + i + "/episodes");
        envs.restoreEpisodesStarted(started);
    }

    /** The policy acting on the task with the stage one-hot it was trained on. */
    @Override public Acting acting() {
        int goals = base.numGoals();
        return new Acting(Tasks.make(cfg.taskSpec()),
                (obs, stage, rng) -> policy.act(StageObservation.augment(obs, stage, goals), rng));
    }

    @Override public void close() { envs.close(); }
}

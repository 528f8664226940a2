package sectar.experiments.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.nn.ParamStore;
import sectar.agent.nn.PolicyNet;
import sectar.agent.rl.Ppo;
import sectar.agent.rl.PpoStats;
import sectar.agent.rl.Trpo;
import sectar.agent.rl.TrpoStats;
import sectar.agent.rl.VectorRollouts;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;
import sectar.sim.Seeds;
import sectar.sim.StageObservation;
import sectar.sim.TaskSpec;
import sectar.sim.Tasks;
import sectar.sim.VectorEnv;

/**
 * The flat baselines SeCTAR is compared with: PPO or TRPO on the observation plus a stage one-hot
 * (spec section 10.1), over a vectorised env, one metrics row per iteration.
 *
 * <p>Logged metrics: iteration, env_steps, wall_s, return (mean real sparse episode return), success
 * (fraction reaching the final stage), stage (mean stage reached), then the algorithm's own: policy
 * loss, value loss (PPO), KL of the step, entropy, clip fraction (PPO) or backtracks/accepted (TRPO).
 */
public final class FlatBaseline {
    private FlatBaseline() {}

    /** Trains until the env-step budget is spent, appending a row per iteration to the run's metrics. */
    public static void train(FlatConfig cfg, RunDirectory run, Progress progress) {
        TaskSpec base = Tasks.spec(cfg.task(), cfg.instance());
        try (VectorEnv envs = new VectorEnv(() -> new StageObservation(Tasks.make(cfg.task(), cfg.instance())),
                cfg.envs(), Seeds.derive(cfg.seed(), "env"), cfg.envs() >= VectorEnv.THREADS_FROM ? 2 : 1)) {
            TaskSpec spec = envs.spec();
            boolean trpo = cfg.algo().equals("trpo");
            ParamStore store = new ParamStore(trpo); // TRPO's finite-difference Fisher products want doubles
            SplittableRandom init = Seeds.rng(cfg.seed(), "init/policy");
            PolicyNet policy = spec.discrete()
                    ? PolicyNet.categorical(store, "policy", spec.obsDim(), cfg.hidden(), spec.actionSize(), init)
                    : PolicyNet.gaussian(store, "policy", spec.obsDim(), cfg.hidden(), spec.actionSize(), cfg.initLogStd(), init);
            Ppo ppo = trpo ? null : new Ppo(policy, cfg.ppo(), Seeds.rng(cfg.seed(), "ppo"));
            Trpo trpoAlgo = trpo ? new Trpo(policy, cfg.trpo()) : null;
            SplittableRandom actRng = Seeds.rng(cfg.seed(), "act");
            long steps = 0, start = System.nanoTime();
            for (int it = 1; steps < cfg.envSteps(); it++) {
                VectorRollouts.Result r = VectorRollouts.collect(envs, policy, cfg.episodesPerEnv(), actRng);
                steps += r.envSteps();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("iteration", it);
                row.put("env_steps", steps);
                row.put("wall_s", (System.nanoTime() - start) / 1e9);
                row.put("return", r.meanReturn());
                row.put("success", r.successRate(base.numGoals()));
                row.put("stage", r.meanStage());
                if (trpo) {
                    TrpoStats s = trpoAlgo.update(r.batch());
                    row.put("loss_before", s.lossBefore());
                    row.put("loss_after", s.lossAfter());
                    row.put("kl", s.meanKl());
                    row.put("entropy", s.entropy());
                    row.put("backtracks", s.backtracks());
                    row.put("accepted", s.accepted() ? 1 : 0);
                } else {
                    PpoStats s = ppo.update(r.batch());
                    row.put("policy_loss", s.policyLoss());
                    row.put("value_loss", s.valueLoss());
                    row.put("kl", s.approxKl());
                    row.put("entropy", s.entropy());
                    row.put("clip_fraction", s.clipFraction());
                }
                run.metrics().append(row);
                progress.update(it, steps, r.meanReturn());
            }
        }
    }
}

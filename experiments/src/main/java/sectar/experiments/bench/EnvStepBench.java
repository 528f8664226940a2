package sectar.experiments.bench;

import java.util.SplittableRandom;

import sectar.sim.Env;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.Step;
import sectar.sim.tasks.Tasks;
import sectar.sim.vector.VectorEnv;

/**
 * Env steps per second of a task (instance 0), resets included: one env stepped by its expert (or
 * uniform random actions), or a {@link VectorEnv} of such envs (steps counted over all envs).
 */
public final class EnvStepBench {
    private EnvStepBench() {}

    /** A loop that steps one env {@code n} times, resetting it whenever an episode ends. */
    public static Timing.Work single(String task, boolean expert, long seed) {
        Env env = Tasks.make(task, 0);
        Policy policy = expert ? Tasks.expert(task, 0) : Policy.random(env.actionSpace());
        SplittableRandom rng = Seeds.rng(seed, "bench/env/" + task + "/actions");
        long[] episode = {0};
        double[][] obs = {start(env, policy, seed, episode)};
        return n -> {
            for (long i = 0; i < n; i++) {
                Step s = env.step(policy.act(obs[0], env.stage(), rng));
                obs[0] = s.done() ? start(env, policy, seed, episode) : s.observation();
            }
        };
    }

    private static double[] start(Env env, Policy policy, long seed, long[] episode) {
        double[] o = env.reset(Seeds.derive(seed, "bench/env/episode/" + episode[0]++));
        policy.reset();
        return o;
    }

    /**
     * A loop that steps a vector of {@code envs} envs on {@code threads} threads until {@code n} env
     * steps are done (rounded up); the actions are chosen on the caller's thread.
     */
    public static Timing.Work vector(String task, int envs, int threads, boolean expert, long seed) {
        Tasks.spec(task, 0);
        VectorEnv vec = new VectorEnv(() -> Tasks.make(task, 0), envs, seed, threads);
        Policy[] policies = new Policy[envs];
        for (int i = 0; i < envs; i++)
            policies[i] = expert ? Tasks.expert(task, 0) : Policy.random(vec.spec().actionSpace());
        SplittableRandom rng = Seeds.rng(seed, "bench/vector/" + task + "/actions");
        double[][] obs = vec.reset();
        for (Policy p : policies) p.reset();
        return n -> {
            double[][] actions = new double[envs][];
            for (long done = 0; done < n; done += envs) {
                for (int i = 0; i < envs; i++) actions[i] = policies[i].act(obs[i], vec.stage(i), rng);
                VectorEnv.VectorStep s = vec.step(actions);
                for (int i = 0; i < envs; i++) {
                    if (s.done(i)) policies[i].reset();
                    obs[i] = s.observations()[i]; // the step's arrays are reused by the next call
                }
            }
        };
    }

    /** The raw C++-reference scene with the same bodies as {@code task}'s physics. */
    public static String sceneOf(String task) {
        return switch (task) {
            case "waypoint" -> "pointmass";
            case "block", "wheeled", "swimmer" -> task;
            default -> throw new IllegalArgumentException("no reference scene for task '" + task + "'");
        };
    }
}

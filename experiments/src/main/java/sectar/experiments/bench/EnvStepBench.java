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
 * uniform random actions), or a {@link VectorEnv} of such envs (steps counted over all envs) in its
 * three forms: per-step calls with actions chosen per env, per-step calls with the actions chosen
 * first on the caller's thread, and batched calls.
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
        return n -> obs[0] = steps(env, policy, rng, seed, episode, obs[0], n);
    }

    /**
     * The loop itself, a method of its own: as a lambda body it was compiled differently from one JVM
     * to the next (17M to 64M waypoint steps/s), as a method it compiles the same way every time.
     */
    private static double[] steps(Env env, Policy policy, SplittableRandom rng, long seed, long[] episode, double[] obs, long n) {
        for (long i = 0; i < n; i++) {
            Step s = env.step(policy.act(obs, env.stage(), rng));
            obs = s.done() ? start(env, policy, seed, episode) : s.observation();
        }
        return obs;
    }

    private static double[] start(Env env, Policy policy, long seed, long[] episode) {
        double[] o = env.reset(Seeds.derive(seed, "bench/env/episode/" + episode[0]++));
        policy.reset();
        return o;
    }

    /** Steps per call of the batched mode ({@link #batch}). */
    public static final int BATCH_STEPS = 256;

    /**
     * A loop of per-step vector calls on {@code envs} envs and {@code threads} threads until {@code n}
     * env steps are done (rounded up), each env's action chosen on the thread that steps it
     * ({@link VectorEnv#step(sectar.sim.vector.ActionSource)}).
     */
    public static Timing.Work vector(String task, int envs, int threads, boolean expert, long seed) {
        Controllers c = new Controllers(task, envs, threads, expert, seed);
        return n -> {
            for (long done = 0; done < n; done += envs) {
                VectorEnv.VectorStep s = c.vec.step(c::act);
                for (int i = 0; i < envs; i++) if (s.done(i)) c.policies[i].reset();
            }
        };
    }

    /**
     * The same with the actions chosen first, for all envs on the caller's thread, then stepped
     * ({@link VectorEnv#step(double[][])}, the form a batched network policy uses).
     */
    public static Timing.Work arrays(String task, int envs, int threads, boolean expert, long seed) {
        Controllers c = new Controllers(task, envs, threads, expert, seed);
        return n -> {
            double[][] actions = new double[envs][], obs = c.obs;
            for (long done = 0; done < n; done += envs) {
                for (int i = 0; i < envs; i++) actions[i] = c.act(i, obs[i], c.vec.stage(i));
                VectorEnv.VectorStep s = c.vec.step(actions);
                for (int i = 0; i < envs; i++) if (s.done(i)) c.policies[i].reset();
                obs = s.observations(); // the env's rows, rewritten in place by every step
            }
            c.obs = obs;
        };
    }

    /** Batched calls ({@link VectorEnv#run}) of {@link #BATCH_STEPS} steps per env until {@code n} env steps are done. */
    public static Timing.Work batch(String task, int envs, int threads, boolean expert, long seed) {
        Controllers c = new Controllers(task, envs, threads, expert, seed);
        return n -> { // the last call takes fewer steps, so the work is n rounded up to a multiple of envs
            for (long done = 0; done < n; ) {
                int k = (int) Math.min(BATCH_STEPS, Math.max(1, (n - done + envs - 1) / envs));
                c.vec.run(c::act, k, (i, step, next) -> { if (step.done()) c.policies[i].reset(); });
                done += (long) k * envs;
            }
        };
    }

    /** A vector env with one controller and one action stream per env, so any thread may act for its envs. */
    private static final class Controllers {
        final VectorEnv vec;
        final Policy[] policies;
        final SplittableRandom[] rngs;
        /** The observations each env acts on next, kept across timed passes (episodes run on). */
        double[][] obs;

        Controllers(String task, int envs, int threads, boolean expert, long seed) {
            vec = VectorEnv.of(Tasks.spec(task, 0), envs, seed, threads); // the task's own batch where it has one
            policies = new Policy[envs];
            rngs = new SplittableRandom[envs];
            for (int i = 0; i < envs; i++) {
                policies[i] = expert ? Tasks.expert(task, 0) : Policy.random(vec.spec().actionSpace());
                rngs[i] = Seeds.rng(seed, "bench/vector/" + task + "/actions/" + i);
            }
            obs = vec.reset();
            for (Policy p : policies) p.reset();
        }

        double[] act(int i, double[] observation, int stage) { return policies[i].act(observation, stage, rngs[i]); }
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

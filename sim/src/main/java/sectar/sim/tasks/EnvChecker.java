package sectar.sim.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import sectar.sim.Env;
import sectar.sim.Policy;
import sectar.sim.Step;
import sectar.sim.TaskSpec;
import sectar.sim.TimeLimit;

/**
 * Gymnasium's {@code check_env} for this project: runs an environment through the contract and lists
 * every violation found (an empty list means the env passes).
 *
 * <p>Checks: observations lie in the observation space; stepping before a reset throws; the same seed
 * and the same actions give bitwise-identical trajectories; {@code resetTo(observation)} returns that
 * observation; the stage never decreases, advances by at most one per step and pays only on the
 * rewarded goals, so each goal pays at most once; the episode is truncated exactly at the episode
 * length; invalid actions are rejected with {@link IllegalArgumentException}.
 */
public final class EnvChecker {
    private final List<String> problems = new ArrayList<>();

    private EnvChecker() {}

    /**
     * Checks a fresh, time-limited env (as returned by {@link Tasks#make}) with uniform random actions
     * and the given policy (e.g. the expert, which reaches stages random actions never do).
     */
    public static List<String> check(java.util.function.Supplier<Env> factory, Policy policy, long seed) {
        EnvChecker c = new EnvChecker();
        c.checkStepBeforeReset(factory.get());
        c.checkInvalidActions(factory.get(), seed);
        Policy random = Policy.random(factory.get().actionSpace());
        for (Policy p : List.of(random, policy)) {
            List<double[]> a = c.episode(factory.get(), p, seed, "first");
            List<double[]> b = c.episode(factory.get(), p, seed, "second");
            c.compareTrajectories(a, b);
        }
        c.checkResetToRoundTrip(factory.get(), policy, seed);
        return c.problems;
    }

    private void fail(String message) {
        if (problems.size() < 50) problems.add(message);
    }

    private void checkStepBeforeReset(Env env) {
        try {
            env.step(env.actionSpace().sample(new SplittableRandom(0)));
            fail("step before reset did not throw IllegalStateException");
        } catch (IllegalStateException expected) {
            // the contract
        }
    }

    private void checkInvalidActions(Env env, long seed) {
        env.reset(seed);
        int dim = env.actionSpace().dim();
        double[] nan = new double[dim];
        Arrays.fill(nan, Double.NaN);
        for (double[] bad : List.of(new double[dim + 1], nan)) {
            try {
                env.step(bad);
                fail("action " + Arrays.toString(bad) + " was accepted");
            } catch (IllegalArgumentException expected) {
                // the contract
            }
        }
    }

    /** Runs one episode; records the observation, reward and stage of every step for comparison. */
    private List<double[]> episode(Env env, Policy policy, long seed, String label) {
        TaskSpec spec = env.spec();
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        double[] obs = env.reset(seed);
        policy.reset();
        checkObservation(spec, obs, "reset");
        rows.add(obs.clone());
        int stage = env.stage();
        if (stage != 0) fail("reset(seed) starts at stage " + stage + ", expected 0");
        double total = 0;
        for (int t = 1; ; t++) {
            Step s = env.step(policy.act(obs, env.stage(), rng));
            obs = s.observation();
            checkObservation(spec, obs, "step " + t);
            if (s.stage() < stage) fail("stage decreased from " + stage + " to " + s.stage() + " at step " + t);
            if (s.stage() > stage + 1) fail("stage jumped from " + stage + " to " + s.stage() + " at step " + t);
            double expected = spec.reward().reward(stage, s.stage());
            if (s.reward() != expected)
                fail("step " + t + " paid " + s.reward() + " moving stage " + stage + "->" + s.stage() + ", expected " + expected);
            total += s.reward();
            stage = s.stage();
            double[] row = Arrays.copyOf(obs, obs.length + 2);
            row[obs.length] = s.reward();
            row[obs.length + 1] = s.stage();
            rows.add(row);
            if (s.truncated() && t != spec.episodeSteps())
                fail("truncated at step " + t + ", expected exactly " + spec.episodeSteps());
            if (s.done()) {
                if (!s.truncated() && !s.terminated()) fail("done without a reason at step " + t);
                if (s.terminated() && s.stage() < spec.numGoals()) fail("terminated at stage " + s.stage() + " before the last goal");
                break;
            }
            if (t >= spec.episodeSteps()) {
                fail("no truncation at step " + t + " = episode length " + spec.episodeSteps() + " (" + label + " run)");
                break;
            }
        }
        if (total > spec.maxReturn()) fail("return " + total + " exceeds the maximum " + spec.maxReturn());
        return rows;
    }

    private void checkObservation(TaskSpec spec, double[] obs, String when) {
        if (!spec.observationSpace().contains(obs))
            fail("observation at " + when + " is outside " + spec.observationSpace() + ": " + Arrays.toString(obs));
    }

    private void compareTrajectories(List<double[]> a, List<double[]> b) {
        if (a.size() != b.size()) {
            fail("same seed and actions gave episodes of " + a.size() + " and " + b.size() + " steps");
            return;
        }
        for (int t = 0; t < a.size(); t++) {
            if (!Arrays.equals(a.get(t), b.get(t))) {
                fail("same seed and actions diverge at step " + t + ": " + Arrays.toString(a.get(t)) + " vs "
                        + Arrays.toString(b.get(t)));
                return;
            }
        }
    }

    /** Visits states along a policy episode and checks that resetTo(observation) returns it unchanged. */
    private void checkResetToRoundTrip(Env env, Policy policy, long seed) {
        Env probe = new TimeLimit(unwrap(env));
        SplittableRandom rng = new SplittableRandom(seed);
        double[] obs = env.reset(seed);
        policy.reset();
        for (int t = 0; t < env.spec().episodeSteps(); t += 1) {
            if (t % 7 == 0) {
                double[] back = probe.resetTo(obs, env.stage());
                if (!Arrays.equals(back, obs)) {
                    fail("resetTo(" + Arrays.toString(obs) + ") returned " + Arrays.toString(back));
                    return;
                }
                if (probe.stage() != env.stage()) fail("resetTo(state, " + env.stage() + ") gave stage " + probe.stage());
            }
            Step s = env.step(policy.act(obs, env.stage(), rng));
            obs = s.observation();
            if (s.done()) break;
        }
    }

    /** A second env of the same task and instance, so the probe never disturbs the checked one. */
    private static Env unwrap(Env env) {
        TaskSpec spec = env.spec();
        return Tasks.entry(spec.name()).env().apply(spec);
    }
}

package sectar.agent.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sectar.agent.nn.PolicyNet;
import sectar.sim.Env;
import sectar.sim.Step;

/**
 * Collects whole episodes of a flat policy (input = observation) into a {@link RolloutBatch}: what the
 * flat PPO/TRPO baselines and the learning tests need. Each episode starts from {@code env.reset(seed)}
 * with a seed drawn from the caller's stream; actions are sampled from the policy's acting snapshot.
 */
public final class Rollouts {
    private Rollouts() {}

    /**
     * @param batch          the experience, with the log-probabilities recorded while acting
     * @param episodeReturns undiscounted return of each episode
     */
    public record Result(RolloutBatch batch, double[] episodeReturns) {
        public double meanReturn() {
            double s = 0;
            for (double r : episodeReturns) s += r;
            return s / episodeReturns.length;
        }
    }

    /** Runs {@code episodes} episodes of {@code policy} on {@code env} (which must truncate itself). */
    public static Result collect(Env env, PolicyNet policy, int episodes, SplittableRandom rng) {
        if (episodes < 1) throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        List<double[]> inputs = new ArrayList<>(), actions = new ArrayList<>();
        List<Double> rewards = new ArrayList<>(), logps = new ArrayList<>();
        int[] lengths = new int[episodes];
        double[] returns = new double[episodes];
        for (int e = 0; e < episodes; e++) {
            double[] obs = env.reset(rng.nextLong());
            Step s;
            do {
                double[] a = policy.act(obs, rng);
                inputs.add(obs);
                actions.add(a);
                logps.add(policy.logProb(obs, a));
                s = env.step(a);
                rewards.add(s.reward());
                returns[e] += s.reward();
                lengths[e]++;
                obs = s.observation();
            } while (!s.done());
        }
        int n = inputs.size();
        double[] r = new double[n], lp = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = rewards.get(i);
            lp[i] = logps.get(i);
        }
        RolloutBatch b = new RolloutBatch(inputs.toArray(new double[0][]), actions.toArray(new double[0][]), r, lengths, lp);
        return new Result(b, returns);
    }
}

package sectar.agent.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sectar.agent.nn.PolicyNet;
import sectar.sim.vector.VectorEnv;

/**
 * Collects whole episodes of a flat policy over a {@link VectorEnv}: each env runs until it has
 * finished {@code episodesPerEnv} episodes (steps past that are discarded), so a batch is always
 * made of complete episodes and its content does not depend on thread scheduling.
 */
public final class VectorRollouts {
    private VectorRollouts() {}

    /**
     * @param batch             experience of all finished episodes, in the order they finished (an env's
     *                          own episodes in time order)
     * @param episodeReturns    undiscounted return per episode
     * @param finalStages       stage reached per episode
     * @param envSteps          environment steps taken, discarded ones included
     * @param episodeEnvs       the env each episode ran in
     * @param finalObservations per episode, the observation its last step arrived in
     * @param nextStarts        per episode, the first observation of the episode its env started next
     */
    public record Result(RolloutBatch batch, double[] episodeReturns, int[] finalStages, long envSteps, int[] episodeEnvs,
                         double[][] finalObservations, double[][] nextStarts) {
        public double meanReturn() { return mean(episodeReturns); }

        /** The observation each step arrived in ([N][obsDim]): the next step's input, or its episode's final one. */
        public double[][] nextInputs() {
            double[][] in = batch.inputs(), next = new double[in.length][];
            int o = 0;
            int[] lengths = batch.lengths();
            for (int e = 0; e < lengths.length; e++) {
                for (int t = 0; t < lengths[e] - 1; t++) next[o + t] = in[o + t + 1];
                next[o + lengths[e] - 1] = finalObservations[e];
                o += lengths[e];
            }
            return next;
        }

        public double meanStage() {
            double s = 0;
            for (int f : finalStages) s += f;
            return s / finalStages.length;
        }

        /** Fraction of episodes that reached stage {@code numGoals}. */
        public double successRate(int numGoals) {
            int n = 0;
            for (int f : finalStages) if (f >= numGoals) n++;
            return n / (double) finalStages.length;
        }

        private static double mean(double[] x) {
            double s = 0;
            for (double v : x) s += v;
            return s / x.length;
        }
    }

    /** Per-env episode under construction. */
    private static final class Open {
        final List<double[]> inputs = new ArrayList<>(), actions = new ArrayList<>();
        final List<Double> rewards = new ArrayList<>(), logps = new ArrayList<>();
        double ret;
        int env;
        double[] last, next;

        Open(int env) { this.env = env; }
    }

    public static Result collect(VectorEnv envs, PolicyNet policy, int episodesPerEnv, SplittableRandom rng) {
        if (episodesPerEnv < 1) throw new IllegalArgumentException("episodesPerEnv must be >= 1, got " + episodesPerEnv);
        int n = envs.size();
        double[][] obs = envs.reset();
        Open[] open = new Open[n];
        int[] finished = new int[n];
        List<Open> done = new ArrayList<>();
        List<Integer> stages = new ArrayList<>();
        long steps = 0;
        int remaining = n;
        double[][] act = new double[n][];
        for (int i = 0; i < n; i++) open[i] = new Open(i);
        while (remaining > 0) {
            for (int i = 0; i < n; i++) {
                act[i] = policy.act(obs[i], rng);
                if (finished[i] < episodesPerEnv) {
                    open[i].inputs.add(obs[i].clone()); // the vector env's rows are overwritten by its next step
                    open[i].actions.add(act[i]);
                    open[i].logps.add(policy.logProb(obs[i], act[i]));
                }
            }
            VectorEnv.VectorStep s = envs.step(act);
            steps += n;
            for (int i = 0; i < n; i++) {
                if (finished[i] >= episodesPerEnv) continue;
                open[i].rewards.add(s.rewards()[i]);
                open[i].ret += s.rewards()[i];
                if (s.done(i)) {
                    open[i].last = s.finalObservations()[i];
                    open[i].next = s.observations()[i].clone();
                    done.add(open[i]);
                    stages.add(s.stages()[i]);
                    open[i] = new Open(i);
                    if (++finished[i] == episodesPerEnv) remaining--;
                }
            }
            obs = s.observations(); // the env's buffer: read before the next step overwrites it
        }
        return assemble(done, stages, steps);
    }

    private static Result assemble(List<Open> episodes, List<Integer> stages, long steps) {
        int total = 0;
        for (Open e : episodes) total += e.rewards.size();
        double[][] in = new double[total][], ac = new double[total][];
        double[] r = new double[total], lp = new double[total], returns = new double[episodes.size()];
        int[] lengths = new int[episodes.size()], finalStages = new int[episodes.size()], envs = new int[episodes.size()];
        double[][] last = new double[episodes.size()][], next = new double[episodes.size()][];
        int k = 0;
        for (int e = 0; e < episodes.size(); e++) {
            Open ep = episodes.get(e);
            for (int t = 0; t < ep.rewards.size(); t++, k++) {
                in[k] = ep.inputs.get(t);
                ac[k] = ep.actions.get(t);
                r[k] = ep.rewards.get(t);
                lp[k] = ep.logps.get(t);
            }
            lengths[e] = ep.rewards.size();
            returns[e] = ep.ret;
            finalStages[e] = stages.get(e);
            envs[e] = ep.env;
            last[e] = ep.last;
            next[e] = ep.next;
        }
        return new Result(new RolloutBatch(in, ac, r, lengths, lp), returns, finalStages, steps, envs, last, next);
    }
}

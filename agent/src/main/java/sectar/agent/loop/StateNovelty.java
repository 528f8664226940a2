package sectar.agent.loop;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import sectar.agent.io.Checkpoint;
import sectar.agent.rl.RandomNetworkDistillation;
import sectar.agent.rl.RndConfig;
import sectar.agent.rl.RunningMeanStd;

/**
 * The explorer's state-novelty bonus (the {@code explorer.rndWeight} lever): random network distillation
 * ({@link RandomNetworkDistillation}) on every state the explorer arrives in. The released novelty, the
 * VAE's negative ELBO of a whole segment, is paid once per segment and sees a segment that jitters in a
 * new place as novel as one that travels; RND pays for arriving somewhere the predictor has not been
 * trained, step by step.
 *
 * <p>Each iteration the states first enter the observation statistics, then their novelty is taken
 * (before the predictor has seen them) and scaled as PPO + RND scales it: divided by the running std of
 * the discounted novelty return. Each rollout is its own stream here (its start is a fresh draw, so no
 * return carries over between rollouts). Then the predictor trains on the states: {@code epochs} shuffled
 * passes in minibatches of {@code minibatch}, each state taking part with probability
 * {@code updateProportion}, as in PPO + RND's minibatches.
 */
public final class StateNovelty {
    private static final double MIN_SCALE = 1e-8;

    private final RndConfig cfg;
    private final RandomNetworkDistillation rnd;
    private final RunningMeanStd returnStats = new RunningMeanStd(1);

    public StateNovelty(int obsDim, RndConfig cfg, double adamEps, SplittableRandom init) {
        this.cfg = cfg;
        this.rnd = new RandomNetworkDistillation("explorer.rnd", obsDim, cfg, adamEps, init);
    }

    /**
     * The scaled bonus of every step of every rollout: entry {@code [j][i]} is the novelty of the state
     * rollout {@code j} arrives in at its step {@code i} (its state {@code i + 1}).
     */
    public double[][] bonus(List<List<double[]>> rollouts) {
        double[][] arrived = arrivals(rollouts);
        rnd.observe(arrived);
        double[] nov = rnd.novelty(arrived);
        double[][] out = new double[rollouts.size()][];
        double[] returns = new double[nov.length];
        int o = 0;
        for (int j = 0; j < out.length; j++) {
            out[j] = new double[rollouts.get(j).size() - 1];
            double g = 0;
            for (int i = 0; i < out[j].length; i++, o++) {
                out[j][i] = nov[o];
                g = g * cfg.intrinsicGamma() + nov[o];
                returns[o] = g;
            }
        }
        double scale = returnStats.updateScalar(returns, MIN_SCALE);
        for (double[] row : out) for (int i = 0; i < row.length; i++) row[i] /= scale;
        return out;
    }

    /**
     * Trains the predictor on the states the rollouts arrived in.
     *
     * @return the mean novelty of the trained minibatches before each step (NaN when none was trained)
     */
    public double train(List<List<double[]>> rollouts, int epochs, int minibatch, SplittableRandom rng) {
        double[][] arrived = arrivals(rollouts);
        int n = arrived.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double sum = 0;
        int steps = 0;
        for (int e = 0; e < epochs; e++) {
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1), t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            for (int from = 0; from < n; from += minibatch) {
                int[] rows = Arrays.copyOfRange(order, from, Math.min(n, from + minibatch));
                boolean[] trained = new boolean[rows.length];
                for (int k = 0; k < rows.length; k++) trained[k] = rng.nextDouble() < cfg.updateProportion();
                double loss = rnd.train(arrived, rows, trained);
                if (Double.isNaN(loss)) continue;
                sum += loss;
                steps++;
            }
        }
        return steps == 0 ? Double.NaN : sum / steps;
    }

    /** The raw (unscaled) novelty of {@code states} under the current statistics and predictor. */
    public double[] novelty(double[][] states) { return rnd.novelty(states); }

    private static double[][] arrivals(List<List<double[]>> rollouts) {
        int n = 0;
        for (List<double[]> r : rollouts) n += r.size() - 1;
        double[][] out = new double[n][];
        int o = 0;
        for (List<double[]> r : rollouts) for (int i = 1; i < r.size(); i++) out[o++] = r.get(i);
        return out;
    }

    /** Everything a checkpoint needs, under {@code prefix}: both networks, the predictor's Adam and the statistics. */
    public void save(Checkpoint.Builder b, String prefix) {
        b.putAll(prefix + "target/", rnd.targetParams().state());
        b.putAll(prefix + "predictor/", rnd.predictorParams().state());
        b.putAll(prefix + "adam/", rnd.optimizer().state());
        b.putDoubles(prefix + "observation_stats", rnd.observationStats().state());
        b.putDoubles(prefix + "return_stats", returnStats.state());
    }

    public void load(Checkpoint c, String prefix) {
        rnd.targetParams().load(c.take(prefix + "target/"));
        rnd.predictorParams().load(c.take(prefix + "predictor/"));
        rnd.optimizer().load(c.take(prefix + "adam/"));
        rnd.observationStats().load(c.getDoubles(prefix + "observation_stats"));
        returnStats.load(c.getDoubles(prefix + "return_stats"));
    }
}

package sectar.agent.rl;

import java.util.SplittableRandom;
import sectar.agent.nn.Adam;
import sectar.agent.nn.Mlp;
import sectar.agent.nn.MlpRuns;
import sectar.agent.nn.ParamStore;

/**
 * The novelty measure of random network distillation (Burda et al. 2018): a fixed, randomly
 * initialised target network f and a predictor f-hat trained to match it on the observations the agent
 * has seen; the novelty of an observation is the prediction error
 * {@code mean_k (f-hat_k(x) - f_k(x))^2}, high where the predictor has not been trained. Both networks
 * see the observation normalised by running per-dimension statistics and clipped to
 * {@code +-observationClip}, as in the paper, so observations of any scale give targets of one scale.
 *
 * <p>The target is drawn once from the init stream and never trained; a checkpoint stores it anyway,
 * so a restored run needs no knowledge of how it was drawn. The predictor has its own Adam.
 */
public final class RandomNetworkDistillation {
    private static final double VAR_EPS = 1e-8;

    private final RndConfig cfg;
    private final int inputDim;
    private final ParamStore targetStore = new ParamStore(false), predictorStore = new ParamStore(false);
    private final MlpRuns target, predictor;
    private final Adam adam;
    private final RunningMeanStd observations;

    /**
     * @param name     parameter-name prefix
     * @param inputDim observation width
     * @param cfg      network sizes, step size and clip
     * @param adamEps  the predictor's Adam epsilon
     * @param init     stream for both networks' weights
     */
    public RandomNetworkDistillation(String name, int inputDim, RndConfig cfg, double adamEps, SplittableRandom init) {
        this.cfg = cfg;
        this.inputDim = inputDim;
        target = new MlpRuns(new Mlp(targetStore, name + ".target", sizes(inputDim, cfg.targetHidden(), cfg.embedding()),
                init.split()));
        predictor = new MlpRuns(new Mlp(predictorStore, name + ".predictor",
                sizes(inputDim, cfg.predictorHidden(), cfg.embedding()), init.split()));
        adam = new Adam(predictorStore.list(), cfg.learningRate(), adamEps);
        observations = new RunningMeanStd(inputDim);
    }

    private static int[] sizes(int in, int[] hidden, int out) {
        int[] s = new int[hidden.length + 2];
        s[0] = in;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = out;
        return s;
    }

    /** The fixed target's parameters (checkpoints). */
    public ParamStore targetParams() { return targetStore; }

    /** The predictor's parameters (checkpoints). */
    public ParamStore predictorParams() { return predictorStore; }

    /** The predictor's optimiser (checkpoints). */
    public Adam optimizer() { return adam; }

    /** The running observation statistics (checkpoints). */
    public RunningMeanStd observationStats() { return observations; }

    /** Adds {@code obs} ([B][inputDim]) to the normalisation statistics. */
    public void observe(double[][] obs) { observations.update(obs); }

    /** The novelty of every row of {@code obs} under the current statistics and predictor. */
    public double[] novelty(double[][] obs) {
        int b = obs.length, e = cfg.embedding();
        double[] x = normalised(obs, null);
        double[] t = target.of(b).forward(x), p = predictor.of(b).forward(x);
        double[] out = new double[b];
        for (int j = 0; j < e; j++)
            for (int k = 0; k < b; k++) {
                double d = p[j * b + k] - t[j * b + k];
                out[k] += d * d / e;
            }
        return out;
    }

    /**
     * One Adam step of the predictor on the mean novelty of the rows {@code rows} of {@code obs} for
     * which {@code trained[k]} holds (all of them when {@code trained} is null); the other rows pass
     * through with no gradient, so the pass keeps one shape however many are trained. Returns that mean
     * before the step, or NaN (and takes no step) when no row is trained.
     */
    public double train(double[][] obs, int[] rows, boolean[] trained) {
        int m = rows.length, e = cfg.embedding(), used = 0;
        if (trained != null && trained.length != m)
            throw new IllegalArgumentException("trained has " + trained.length + " flags for " + m + " rows");
        for (int k = 0; k < m; k++) if (trained == null || trained[k]) used++;
        if (used == 0) return Double.NaN;
        double[] x = normalised(obs, rows);
        double[] t = target.of(m).forward(x);
        Mlp.Run run = predictor.of(m);
        double[] p = run.forward(x);
        double[] dp = new double[p.length];
        double loss = 0;
        for (int j = 0; j < e; j++)
            for (int k = 0; k < m; k++) {
                if (trained != null && !trained[k]) continue;
                double d = p[j * m + k] - t[j * m + k];
                loss += d * d / (e * used);
                dp[j * m + k] = 2 * d / (e * used);
            }
        predictorStore.zeroGrad();
        run.backward(dp);
        adam.step();
        return loss;
    }

    /** Rows of {@code obs} (all when null), normalised and clipped, feature-major [inputDim * B]. */
    private double[] normalised(double[][] obs, int[] rows) {
        double[] x = MlpRuns.gather(obs, rows, inputDim);
        int b = x.length / inputDim;
        double c = cfg.observationClip();
        for (int j = 0; j < inputDim; j++) {
            double mean = observations.mean(j), std = Math.sqrt(observations.variance(j) + VAR_EPS);
            for (int k = 0; k < b; k++) x[j * b + k] = Math.max(-c, Math.min(c, (x[j * b + k] - mean) / std));
        }
        return x;
    }
}

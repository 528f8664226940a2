package sectar.agent.rl;

import java.util.SplittableRandom;
import sectar.agent.nn.PolicyNet;

/**
 * PPO with random network distillation (Burda, Edwards, Storkey and Klimov 2018, "Exploration by
 * Random Network Distillation", arXiv:1810.12894) for the flat baselines:
 * <ol>
 *   <li>the novelty of every observation a step arrives in ({@link RandomNetworkDistillation}, after the
 *       batch is added to the observation statistics) is the step's intrinsic reward, divided by a
 *       running standard deviation of the intrinsic return: each env's discounted sum of intrinsic
 *       rewards, carried on across episodes and iterations;</li>
 *   <li>a second value net learns the intrinsic return, which is <b>non-episodic</b>: each env's
 *       episodes form one stream ({@link EnvStreams}) bootstrapped at its end from the first
 *       observation of the env's next episode, while the extrinsic return stays episodic (cut at each
 *       episode's end with no bootstrap, as plain {@link Ppo});</li>
 *   <li>PPO's clipped update runs on {@code extrinsicCoef * A_ext + intrinsicCoef * A_int}; after each
 *       minibatch's policy step both value nets take a step and the predictor trains on a random share
 *       {@code updateProportion} of the minibatch's samples with its own Adam.</li>
 * </ol>
 * The one departure: the paper first steps a random agent to initialise the observation statistics;
 * here each batch enters them before its novelty is computed, so the first batch (a fresh policy's)
 * serves instead and no env steps are spent outside the budget.
 */
public final class RndPpo {
    private static final double MIN_SCALE = 1e-8;

    private final Ppo ppo;
    private final RndConfig cfg;
    private final ValueNet intrinsicValue;
    private final RandomNetworkDistillation rnd;
    private final RunningMeanStd returnStats = new RunningMeanStd(1);
    private final double[] runningReturns;

    /**
     * @param ppo  the PPO of the policy, with its (extrinsic) value net
     * @param cfg  RND settings
     * @param envs envs the batches come from (each keeps its own running intrinsic return)
     * @param init stream for the intrinsic value net's and both RND networks' weights
     */
    public RndPpo(Ppo ppo, RndConfig cfg, int envs, SplittableRandom init) {
        if (ppo.valueNet() == null)
            throw new IllegalArgumentException("PPO + RND needs PPO's learned value net (ppo.valueHidden must not be empty): "
                    + "the intrinsic return is bootstrapped across episode ends");
        if (envs < 1) throw new IllegalArgumentException("envs must be >= 1, got " + envs);
        this.ppo = ppo;
        this.cfg = cfg;
        PpoConfig p = ppo.config();
        PolicyNet pi = ppo.policy();
        intrinsicValue = new ValueNet(pi.name() + ".intrinsic_value", pi.inputDim(), p.valueHidden(), p.valueLearningRate(),
                p.adamEps(), init.split());
        rnd = new RandomNetworkDistillation(pi.name() + ".rnd", pi.inputDim(), cfg, p.adamEps(), init.split());
        runningReturns = new double[envs];
    }

    public Ppo ppo() { return ppo; }

    public RndConfig config() { return cfg; }

    public ValueNet intrinsicValue() { return intrinsicValue; }

    public RandomNetworkDistillation distillation() { return rnd; }

    /** The running statistics of the intrinsic return the rewards are scaled by (checkpoints). */
    public RunningMeanStd returnStats() { return returnStats; }

    /** Each env's running discounted intrinsic return (checkpoints; a copy). */
    public double[] runningReturns() { return runningReturns.clone(); }

    public void setRunningReturns(double[] r) {
        if (r.length != runningReturns.length)
            throw new IllegalArgumentException("need one running return per env: " + runningReturns.length + ", got " + r.length);
        System.arraycopy(r, 0, runningReturns, 0, r.length);
    }

    /**
     * One update on a batch of whole episodes.
     *
     * @param shuffles the minibatch shuffles
     * @param masks    which samples of each minibatch the predictor trains on
     */
    public RndStats update(VectorRollouts.Result r, SplittableRandom shuffles, SplittableRandom masks) {
        RolloutBatch b = r.batch();
        double[][] in = b.inputs(), next = r.nextInputs();
        EnvStreams streams = EnvStreams.of(r);
        rnd.observe(next);
        double[] intrinsic = scaled(rnd.novelty(next), streams);

        PpoConfig p = ppo.config();
        double[] vExt = ppo.valueOf(in, null), vInt = intrinsicValue.predict(in, null);
        double[] aExt = Gae.advantages(b.rewards(), vExt, null, b.lengths(), p.gamma(), p.lambda());
        double[][] starts = new double[streams.lastEpisode().length][];
        for (int s = 0; s < starts.length; s++) starts[s] = r.nextStarts()[streams.lastEpisode()[s]];
        double[] aInt = streams.toRows(Gae.advantages(streams.toStreams(intrinsic), streams.toStreams(vInt),
                intrinsicValue.predict(starts, null), streams.lengths(), cfg.intrinsicGamma(), p.lambda()));
        double[] retExt = Gae.returns(aExt, vExt), retInt = Gae.returns(aInt, vInt);
        double[] adv = new double[aExt.length];
        for (int i = 0; i < adv.length; i++) adv[i] = cfg.extrinsicCoef() * aExt[i] + cfg.intrinsicCoef() * aInt[i];

        double[] acc = new double[4]; // intrinsic value loss, its steps, predictor loss, its steps
        PpoStats s = ppo.update(b, adv, shuffles, rows -> {
            double extLoss = ppo.valueNet().step(in, rows, retExt);
            acc[0] += intrinsicValue.step(in, rows, retInt);
            acc[1]++;
            boolean[] trained = new boolean[rows.length];
            for (int k = 0; k < rows.length; k++) trained[k] = masks.nextDouble() < cfg.updateProportion();
            double loss = rnd.train(next, rows, trained);
            if (!Double.isNaN(loss)) {
                acc[2] += loss;
                acc[3]++;
            }
            return extLoss;
        });
        double meanIntrinsic = 0;
        for (double v : intrinsic) meanIntrinsic += v / intrinsic.length;
        return new RndStats(s, meanIntrinsic, acc[0] / acc[1], acc[3] > 0 ? acc[2] / acc[3] : Double.NaN);
    }

    /**
     * Novelty divided by the running standard deviation of the intrinsic return: each env's discounted
     * sum of novelty, carried on across episodes and batches (the paper's reward forward filter), enters
     * the running statistics step by step.
     */
    private double[] scaled(double[] novelty, EnvStreams streams) {
        double[] inStreams = streams.toStreams(novelty), returns = new double[inStreams.length];
        int o = 0;
        for (int s = 0; s < streams.lengths().length; s++) {
            int env = streams.envs()[s];
            if (env >= runningReturns.length)
                throw new IllegalArgumentException("the batch has env " + env + ", this update was built for " + runningReturns.length);
            double g = runningReturns[env];
            for (int t = 0; t < streams.lengths()[s]; t++, o++) {
                g = g * cfg.intrinsicGamma() + inStreams[o];
                returns[o] = g;
            }
            runningReturns[env] = g;
        }
        double scale = returnStats.updateScalar(returns, MIN_SCALE);
        double[] out = new double[novelty.length];
        for (int i = 0; i < out.length; i++) out[i] = novelty[i] / scale;
        return out;
    }
}

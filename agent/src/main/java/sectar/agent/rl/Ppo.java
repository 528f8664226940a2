package sectar.agent.rl;

import java.util.SplittableRandom;
import sectar.agent.nn.Adam;
import sectar.agent.nn.ParamStore;
import sectar.agent.nn.PolicyEval;
import sectar.agent.nn.PolicyNet;

/**
 * PPO-clip (Schulman et al. 2017) as the released SeCTAR code runs it for the policy decoder and the
 * explorer (spec section 5): GAE advantages normalised over the batch, then {@code epochs} passes of
 * shuffled minibatches (last partial one kept), each one Adam step on
 * {@code -mean(min(r A, clip(r) A)) - entropyBonus * mean(H)}; optionally a learned value baseline.
 * Holds its own Adam state, so keep one {@code Ppo} per policy across updates.
 */
public final class Ppo {
    private final PolicyNet policy;
    private final PpoConfig cfg;
    private final SplittableRandom rng;
    private final Adam adam;
    private final ValueNet value;

    /**
     * What else learns from each minibatch after the policy's step (value nets, RND's predictor).
     */
    @FunctionalInterface
    public interface MinibatchStep {
        /** Trains on batch rows {@code rows}; returns the value loss to report (0 when there is none). */
        double step(int[] rows);
    }

    /**
     * @param policy the policy to train (its store may hold other modules; only its own params move)
     * @param cfg    hyperparameters
     * @param rng    stream for the minibatch shuffles and the value net's init
     */
    public Ppo(PolicyNet policy, PpoConfig cfg, SplittableRandom rng) {
        this.policy = policy;
        this.cfg = cfg;
        this.rng = rng;
        adam = new Adam(policy.params(), cfg.learningRate(), cfg.adamEps());
        value = cfg.hasValueNet() ? new ValueNet(policy.name() + ".value", policy.inputDim(), cfg.valueHidden(),
                cfg.valueLearningRate(), cfg.adamEps(), rng.split()) : null;
    }

    public PpoConfig config() { return cfg; }

    public PolicyNet policy() { return policy; }

    /** The policy's optimiser (checkpoints; the explorer reset clears it with {@code reset()}). */
    public Adam optimizer() { return adam; }

    /** The learned value baseline; null without one (the zero baseline). */
    public ValueNet valueNet() { return value; }

    /** The learned value baseline's parameters (checkpoints); null without a value net. */
    public ParamStore valueParams() { return value == null ? null : value.params(); }

    /** The value net's optimiser (checkpoints); null without a value net. */
    public Adam valueOptimizer() { return value == null ? null : value.optimizer(); }

    /** One PPO update on {@code batch}; refreshes the policy's acting snapshot at the end. */
    public PpoStats update(RolloutBatch batch) { return update(batch, rng); }

    /**
     * As {@link #update(RolloutBatch)} with the minibatch shuffles drawn from {@code shuffles}: a
     * resumable training loop passes a stream derived from the iteration, so no RNG state needs saving.
     */
    public PpoStats update(RolloutBatch batch, SplittableRandom shuffles) {
        double[] values = valueOf(batch.inputs(), null);
        double[] adv = Gae.advantages(batch.rewards(), values, null, batch.lengths(), cfg.gamma(), cfg.lambda());
        double[] returns = Gae.returns(adv, values);
        return update(batch, adv, shuffles, value == null ? rows -> 0 : rows -> value.step(batch.inputs(), rows, returns));
    }

    /**
     * The clipped update on advantages computed by the caller (RND mixes two streams' advantages):
     * they are normalised over the batch when configured, and after each minibatch's policy step
     * {@code afterStep} trains on the same rows; the loss it returns is averaged into
     * {@link PpoStats#valueLoss()}.
     */
    public PpoStats update(RolloutBatch batch, double[] advantages, SplittableRandom shuffles, MinibatchStep afterStep) {
        int n = batch.size();
        if (advantages.length != n)
            throw new IllegalArgumentException("advantages has " + advantages.length + " entries, the batch " + n + " steps");
        double[] adv = cfg.normaliseAdvantages() ? Gae.normalise(advantages) : advantages;
        double[] oldLogp = batch.oldLogProbs() != null ? batch.oldLogProbs()
                : policy.logProbs(batch.inputs(), batch.actions());
        Acc acc = new Acc();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
            shuffle(perm, shuffles);
            for (int start = 0; start < n; start += cfg.minibatch()) {
                int m = Math.min(cfg.minibatch(), n - start);
                int[] rows = new int[m];
                System.arraycopy(perm, start, rows, 0, m);
                policyStep(batch, rows, adv, oldLogp, acc);
                acc.valueLoss += afterStep.step(rows);
                acc.steps++;
            }
        }
        policy.sync();
        int s = acc.steps;
        return new PpoStats(acc.policyLoss / s, acc.valueLoss / s, acc.kl / s, acc.entropy / s, acc.clipped / s, s);
    }

    private static final class Acc {
        double policyLoss, valueLoss, kl, entropy, clipped;
        int steps;
    }

    private void policyStep(RolloutBatch batch, int[] rows, double[] adv, double[] oldLogp, Acc acc) {
        int m = rows.length;
        PolicyEval e = policy.evaluate(batch.inputs(), batch.actions(), rows);
        double[] dLogp = new double[m], dEnt = null;
        double lo = 1 - cfg.clip(), hi = 1 + cfg.clip(), loss = 0, kl = 0, ent = 0, clipped = 0;
        for (int k = 0; k < m; k++) {
            int i = rows[k];
            double a = adv[i], diff = e.logProbs()[k] - oldLogp[i], r = Math.exp(diff);
            double rc = Math.min(hi, Math.max(lo, r));
            double unclipped = r * a, clippedObj = rc * a;
            loss -= Math.min(unclipped, clippedObj);
            if (unclipped <= clippedObj) dLogp[k] = -a * r / m;
            if (r < lo || r > hi) clipped++;
            kl -= diff;
            ent += e.entropies()[k];
        }
        loss /= m;
        if (cfg.entropyBonus() > 0) {
            dEnt = new double[m];
            java.util.Arrays.fill(dEnt, -cfg.entropyBonus() / m);
            loss -= cfg.entropyBonus() * ent / m;
        }
        policy.zeroGrad();
        policy.backward(e, dLogp, dEnt);
        adam.step();
        acc.policyLoss += loss;
        acc.kl += kl / m;
        acc.entropy += ent / m;
        acc.clipped += clipped / m;
    }

    /** Value predictions for rows of inputs (all when rows is null); null without a value net. */
    public double[] valueOf(double[][] inputs, int[] rows) { return value == null ? null : value.predict(inputs, rows); }

    /** Fisher-Yates (a fresh random order every epoch). */
    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

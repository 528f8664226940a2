package sectar.agent.rl;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.nn.Adam;
import sectar.agent.nn.Mlp;
import sectar.agent.nn.ParamStore;
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
    private final Mlp value;
    private final ParamStore valueStore;
    private final Adam valueAdam;
    private final Map<Integer, Mlp.Run> valueRuns = new HashMap<>();

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
        if (cfg.hasValueNet()) {
            int[] h = cfg.valueHidden(), sizes = new int[h.length + 2];
            sizes[0] = policy.inputDim();
            System.arraycopy(h, 0, sizes, 1, h.length);
            sizes[sizes.length - 1] = 1;
            valueStore = new ParamStore(false);
            value = new Mlp(valueStore, policy.name() + ".value", sizes, rng.split());
            valueAdam = new Adam(valueStore.list(), cfg.valueLearningRate(), cfg.adamEps());
        } else {
            valueStore = null;
            value = null;
            valueAdam = null;
        }
    }

    public PpoConfig config() { return cfg; }

    public PolicyNet policy() { return policy; }

    /** The policy's optimiser (checkpoints; the explorer reset clears it with {@code reset()}). */
    public Adam optimizer() { return adam; }

    /** The learned value baseline's parameters (checkpoints); null without a value net. */
    public ParamStore valueParams() { return valueStore; }

    /** The value net's optimiser (checkpoints); null without a value net. */
    public Adam valueOptimizer() { return valueAdam; }

    /** One PPO update on {@code batch}; refreshes the policy's acting snapshot at the end. */
    public PpoStats update(RolloutBatch batch) { return update(batch, rng); }

    /**
     * As {@link #update(RolloutBatch)} with the minibatch shuffles drawn from {@code shuffles}: a
     * resumable training loop passes a stream derived from the iteration, so no RNG state needs saving.
     */
    public PpoStats update(RolloutBatch batch, SplittableRandom shuffles) {
        int n = batch.size();
        double[] values = value == null ? null : valueOf(batch.inputs(), null);
        double[] adv = Gae.advantages(batch.rewards(), values, null, batch.lengths(), cfg.gamma(), cfg.lambda());
        double[] returns = Gae.returns(adv, values);
        if (cfg.normaliseAdvantages()) adv = Gae.normalise(adv);
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
                if (value != null) acc.valueLoss += valueStep(batch.inputs(), rows, returns);
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
        PolicyNet.Eval e = policy.evaluate(batch.inputs(), batch.actions(), rows);
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

    private double valueStep(double[][] inputs, int[] rows, double[] returns) {
        int m = rows.length;
        Mlp.Run run = valueRun(m);
        double[] v = run.forward(gather(inputs, rows));
        double[] dv = new double[m];
        double loss = 0;
        for (int k = 0; k < m; k++) {
            double d = v[k] - returns[rows[k]];
            loss += 0.5 * d * d / m;
            dv[k] = d / m;
        }
        valueStore.zeroGrad();
        run.backward(dv);
        valueAdam.step();
        return loss;
    }

    /** Value predictions for rows of inputs (all when rows is null); null without a value net. */
    public double[] valueOf(double[][] inputs, int[] rows) {
        if (value == null) return null;
        return valueRun(rows == null ? inputs.length : rows.length).forward(gather(inputs, rows));
    }

    private Mlp.Run valueRun(int b) { return valueRuns.computeIfAbsent(b, k -> new Mlp.Run(value, k)); }

    private double[] gather(double[][] inputs, int[] rows) {
        int b = rows == null ? inputs.length : rows.length, d = policy.inputDim();
        double[] x = new double[d * b];
        for (int k = 0; k < b; k++) {
            double[] in = inputs[rows == null ? k : rows[k]];
            for (int j = 0; j < d; j++) x[j * b + k] = in[j];
        }
        return x;
    }

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

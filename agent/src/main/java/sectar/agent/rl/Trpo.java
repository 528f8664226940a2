package sectar.agent.rl;

import sectar.agent.nn.Categorical;
import sectar.agent.nn.DiagGaussian;
import sectar.agent.nn.PolicyEval;
import sectar.agent.nn.PolicyNet;

/**
 * TRPO (Schulman et al. 2015) as rllab runs it for the flat baselines (spec 10.1): advantages from
 * the linear feature baseline, the surrogate gradient g, a natural-gradient direction from
 * {@link ConjugateGradient} on Fisher-vector products, a step scaled to the KL radius, and a
 * backtracking line search that keeps a step only when the surrogate improves and the measured mean
 * KL stays within {@code maxKl}; otherwise the old parameters are restored.
 *
 * <p>The Fisher-vector product is the Gauss-Newton form {@code J^T M J v / N + damping v} with M the
 * Fisher of the head's distribution at the old outputs ({@code diag(p) - p p^T} on logits;
 * {@code 1/sigma^2} on means and 2 on each log sigma). {@code J v} is a central finite difference of
 * the head outputs along v (step 1e-5 in double, 3e-3 in float, in max-norm), {@code J^T u} one
 * backward pass.
 */
public final class Trpo {
    private final PolicyNet policy;
    private final TrpoConfig cfg;
    private final LinearFeatureBaseline baseline;

    public Trpo(PolicyNet policy, TrpoConfig cfg) {
        this.policy = policy;
        this.cfg = cfg;
        this.baseline = new LinearFeatureBaseline(policy.inputDim());
    }

    public TrpoConfig config() { return cfg; }

    public LinearFeatureBaseline baseline() { return baseline; }

    /** The per-update quantities every pass needs, chunked. */
    private final class Ctx {
        final RolloutBatch batch;
        final int[][] chunks;
        final double[] adv, oldLogp;
        final double[][] oldOut;
        final double[] oldLogStd;
        PolicyEval single;

        Ctx(RolloutBatch batch, double[] adv) {
            this.batch = batch;
            this.adv = adv;
            int n = batch.size(), c = (n + cfg.chunk() - 1) / cfg.chunk();
            chunks = new int[c][];
            for (int k = 0; k < c; k++) {
                int from = k * cfg.chunk(), to = Math.min(n, from + cfg.chunk());
                chunks[k] = new int[to - from];
                for (int i = from; i < to; i++) chunks[k][i - from] = i;
            }
            oldOut = new double[c][];
            for (int k = 0; k < c; k++) oldOut[k] = policy.outputsScratch(batch.inputs(), chunks[k]);
            oldLogStd = policy.clampedLogStd();
            oldLogp = batch.oldLogProbs() != null ? batch.oldLogProbs() : policy.logProbs(batch.inputs(), batch.actions());
        }

        PolicyEval eval(int k) {
            if (chunks.length == 1 && single != null) return single;
            return policy.evaluate(batch.inputs(), batch.actions(), chunks[k]);
        }
    }

    /** One TRPO step on {@code batch}, then refits the baseline; refreshes the acting snapshot. */
    public TrpoStats update(RolloutBatch batch) {
        int n = batch.size();
        int[] times = batch.timeSteps();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = baseline.predict(batch.inputs()[i], times[i]);
        double[] adv = Gae.advantages(batch.rewards(), values, null, batch.lengths(), cfg.gamma(), cfg.lambda());
        double[] returns = Gae.advantages(batch.rewards(), null, null, batch.lengths(), cfg.gamma(), 1.0);
        double r2 = explained(returns, values);
        if (cfg.centerAdvantages()) adv = Gae.normalise(adv);
        Ctx ctx = new Ctx(batch, adv);

        double[] theta0 = policy.flatParams();
        policy.zeroGrad();
        double lossBefore = 0, entropy = 0;
        for (int k = 0; k < ctx.chunks.length; k++) {
            PolicyEval e = policy.evaluate(batch.inputs(), batch.actions(), ctx.chunks[k]);
            int[] rows = ctx.chunks[k];
            double[] dLogp = new double[rows.length];
            for (int j = 0; j < rows.length; j++) {
                int i = rows[j];
                double r = Math.exp(e.logProbs()[j] - ctx.oldLogp[i]);
                lossBefore -= r * adv[i] / n;
                dLogp[j] = -adv[i] * r / n;
                entropy += e.entropies()[j] / n;
            }
            policy.backward(e, dLogp, null);
            if (ctx.chunks.length == 1) ctx.single = e;
        }
        double[] g = policy.flatGradient();
        double[] dir = ConjugateGradient.solve(v -> fisherVector(ctx, theta0, v), g, cfg.cgIterations(), 1e-10);
        double sFs = ConjugateGradient.dot(dir, fisherVector(ctx, theta0, dir));
        double scale = sFs > 0 ? Math.sqrt(2 * cfg.maxKl() / sFs) : 0;

        TrpoStats stats = lineSearch(ctx, theta0, dir, scale, lossBefore, entropy, r2);
        policy.sync();
        baseline.fit(batch.inputs(), times, returns);
        return stats;
    }

    private TrpoStats lineSearch(Ctx ctx, double[] theta0, double[] dir, double scale, double lossBefore,
                                 double entropy, double r2) {
        double[] theta = new double[theta0.length];
        if (scale > 0 && Double.isFinite(scale)) {
            double ratio = 1;
            for (int k = 0; k < cfg.maxBacktracks(); k++, ratio *= cfg.backtrackRatio()) {
                for (int i = 0; i < theta.length; i++) theta[i] = theta0[i] - ratio * scale * dir[i];
                policy.setFlatParams(theta);
                double[] lk = lossAndKl(ctx);
                if (Double.isFinite(lk[0]) && lk[0] < lossBefore && lk[1] <= cfg.maxKl())
                    return new TrpoStats(lossBefore, lk[0], lk[1], k, true, entropy, r2);
            }
        }
        policy.setFlatParams(theta0);
        return new TrpoStats(lossBefore, lossBefore, 0, cfg.maxBacktracks(), false, entropy, r2);
    }

    /** {surrogate loss, mean KL(old || current)} at the current parameters. */
    private double[] lossAndKl(Ctx ctx) {
        int n = ctx.batch.size(), a = policy.actionSize();
        double loss = 0, kl = 0;
        for (int k = 0; k < ctx.chunks.length; k++) {
            int[] rows = ctx.chunks[k];
            int b = rows.length;
            PolicyEval e = policy.evaluate(ctx.batch.inputs(), ctx.batch.actions(), rows);
            double[] klb = new double[b];
            if (policy.discrete()) Categorical.kl(ctx.oldOut[k], e.outputs(), a, b, klb, null, null);
            else DiagGaussian.kl(ctx.oldOut[k], ctx.oldLogStd, e.outputs(), e.logStd(), a, b, klb, null, null, null);
            for (int j = 0; j < b; j++) {
                int i = rows[j];
                loss -= Math.exp(e.logProbs()[j] - ctx.oldLogp[i]) * ctx.adv[i] / n;
                kl += klb[j] / n;
            }
        }
        ctx.single = null;
        return new double[] {loss, kl};
    }

    /** (J^T M J / N + damping) v at theta0; leaves the parameters at theta0. */
    double[] fisherVector(Ctx ctx, double[] theta0, double[] v) {
        double vmax = 0;
        for (double x : v) vmax = Math.max(vmax, Math.abs(x));
        double[] out = new double[v.length];
        if (vmax == 0) return out;
        double eps = (policy.doublePrecision() ? 1e-5 : 3e-3) / vmax;
        int c = ctx.chunks.length, a = policy.actionSize(), n = ctx.batch.size();
        double[][] plus = new double[c][], minus = new double[c][];
        double[] theta = new double[v.length];
        for (int sign = 1; sign >= -1; sign -= 2) {
            for (int i = 0; i < v.length; i++) theta[i] = theta0[i] + sign * eps * v[i];
            policy.setFlatParams(theta);
            for (int k = 0; k < c; k++)
                (sign > 0 ? plus : minus)[k] = policy.outputsScratch(ctx.batch.inputs(), ctx.chunks[k]);
        }
        policy.setFlatParams(theta0);
        policy.zeroGrad();
        for (int k = 0; k < c; k++) {
            int b = ctx.chunks[k].length;
            double[] u = new double[a * b];
            for (int i = 0; i < u.length; i++) u[i] = (plus[k][i] - minus[k][i]) / (2 * eps);
            applyOutputFisher(ctx.oldOut[k], ctx.oldLogStd, u, a, b, n);
            policy.backwardOutputs(ctx.eval(k), u, null);
        }
        double[] jtmj = policy.flatGradient();
        int off = v.length - (policy.discrete() ? 0 : a);
        for (int i = 0; i < v.length; i++) {
            double fisher = i >= off ? 2 * v[i] : jtmj[i];
            out[i] = fisher + cfg.damping() * v[i];
        }
        return out;
    }

    /** u := M u / n in place: the head distribution's Fisher at the old outputs, per sample. */
    private void applyOutputFisher(double[] oldOut, double[] oldLogStd, double[] u, int a, int b, int n) {
        if (policy.discrete()) {
            double[] p = new double[a * b];
            Categorical.probs(oldOut, a, b, p);
            for (int s = 0; s < b; s++) {
                double pu = 0;
                for (int j = 0; j < a; j++) pu += p[j * b + s] * u[j * b + s];
                for (int j = 0; j < a; j++) u[j * b + s] = p[j * b + s] * (u[j * b + s] - pu) / n;
            }
        } else {
            for (int j = 0; j < a; j++) {
                double inv = Math.exp(-2 * oldLogStd[j]) / n;
                for (int s = 0; s < b; s++) u[j * b + s] *= inv;
            }
        }
    }

    private static double explained(double[] y, double[] pred) {
        double mean = 0;
        for (double v : y) mean += v / y.length;
        double vy = 0, vr = 0;
        for (int i = 0; i < y.length; i++) {
            vy += (y[i] - mean) * (y[i] - mean);
            vr += (y[i] - pred[i]) * (y[i] - pred[i]);
        }
        return vy == 0 ? 0 : 1 - vr / vy;
    }
}

package sectar.agent.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A softmax over logits (log-prob {@code log(p + 1e-8)}, spec 3.3); actions are indices. */
final class CategoricalHead implements PolicyHead {
    private final String policy;
    private final int actions;

    CategoricalHead(String policy, int actions) {
        this.policy = policy;
        this.actions = actions;
    }

    @Override public int actionVectorLength() { return 1; }

    @Override public double[] clampedLogStd() { return null; }

    @Override public void reset() {}

    @Override public PolicyEval evaluate(double[] out, double[][] rowsOfActions, int[] rows, Mlp.Run run) {
        return evaluate(out, indices(rowsOfActions, rows, run.batch()), run);
    }

    @Override public PolicyEval evaluate(double[] out, float[] indices, int n, Mlp.Run run) {
        int[] idx = new int[n];
        for (int b = 0; b < n; b++) {
            idx[b] = (int) indices[b];
            if (idx[b] != indices[b])
                throw new IllegalArgumentException("policy " + policy + ": action " + indices[b] + " of sample " + b
                        + " is not an index in [0, " + actions + ")");
        }
        return evaluate(out, idx, run);
    }

    private PolicyEval evaluate(double[] out, int[] idx, Mlp.Run run) {
        int b = run.batch();
        double[] lp = new double[b], ent = new double[b];
        Categorical.logProb(out, actions, b, idx, lp, null, null);
        Categorical.entropy(out, actions, b, ent, null, null);
        return new PolicyEval(lp, ent, out, null, idx, null, run);
    }

    /** The action indices of {@code rows} (all when null), each checked to be one whole number. */
    private int[] indices(double[][] all, int[] rows, int b) {
        int[] a = new int[b];
        for (int k = 0; k < b; k++) {
            double[] v = all[rows == null ? k : rows[k]];
            if (v.length != 1 || v[0] != Math.rint(v[0]))
                throw new IllegalArgumentException("policy " + policy + ": discrete action " + (rows == null ? k : rows[k])
                        + " must be one integer index, got " + Arrays.toString(v));
            a[k] = (int) v[0];
        }
        return a;
    }

    @Override public double[][] gradients(PolicyEval e, double[] dLogp, double[] dEntropy) {
        int b = e.batch();
        double[] dOut = new double[actions * b], tmp = new double[b];
        if (dLogp != null) Categorical.logProb(e.outputs(), actions, b, e.actions(), tmp, dLogp, dOut);
        if (dEntropy != null) Categorical.entropy(e.outputs(), actions, b, tmp, dEntropy, dOut);
        return new double[][] {dOut, null};
    }

    @Override public void addLogStdGradient(double[] dLogStd) {}

    /** Action probabilities of one head output. */
    double[] probabilities(double[] out) {
        double[] p = new double[actions];
        Categorical.probs(out, actions, 1, p);
        return p;
    }

    @Override public double[] sample(double[] out, double[] logStd, SplittableRandom rng) {
        return new double[] {Categorical.sample(probabilities(out), rng.nextDouble())};
    }

    @Override public double[] greedy(double[] out) {
        int best = 0;
        for (int j = 1; j < actions; j++) if (out[j] > out[best]) best = j;
        return new double[] {best};
    }

    @Override public double logProb(double[] out, double[] logStd, double[] action) {
        double[] lp = new double[1];
        Categorical.logProb(out, actions, 1, indices(new double[][] {action}, null, 1), lp, null, null);
        return lp[0];
    }
}

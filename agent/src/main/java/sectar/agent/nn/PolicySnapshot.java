package sectar.agent.nn;

import java.util.SplittableRandom;

/**
 * A frozen plain-Java copy of a {@link PolicyNet} for batch-1 acting in rollouts, where ND4J's per-call
 * overhead (tens of microseconds) would dominate. Weights are stored transposed ({@code [in+1][out]},
 * bias last) so each layer is a sequence of vectorisable axpy loops. Immutable and thread-safe
 * (each call allocates its own small work arrays).
 */
public final class PolicySnapshot {
    private final float[][] wt; // per layer [(in+1) * out], row i = weights from input i (bias row last)
    private final int[] sizes;
    private final boolean discrete;
    private final double[] logStd; // effective (clamped) log std, continuous only

    PolicySnapshot(float[][] wt, int[] sizes, boolean discrete, double[] logStd) {
        this.wt = wt;
        this.sizes = sizes;
        this.discrete = discrete;
        this.logStd = logStd;
    }

    public int inputDim() { return sizes[0]; }

    /** Number of actions (discrete) or action dimension (continuous). */
    public int actionSize() { return sizes[sizes.length - 1]; }

    public boolean discrete() { return discrete; }

    /** The Gaussian log std vector (continuous policies; empty for discrete). */
    public double[] logStd() { return logStd.clone(); }

    /** Network output for one input: action probabilities (discrete) or the Gaussian mean. */
    public double[] output(double[] input) {
        if (input.length != sizes[0])
            throw new IllegalArgumentException("policy input has length " + input.length + ", expected " + sizes[0]);
        float[] x = new float[input.length];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(input[i])) throw new IllegalArgumentException("policy input[" + i + "] must be finite, got " + input[i]);
            x[i] = (float) input[i];
        }
        for (int l = 0; l < wt.length; l++) {
            int in = sizes[l], out = sizes[l + 1];
            float[] w = wt[l], y = new float[out];
            System.arraycopy(w, in * out, y, 0, out);
            for (int i = 0; i < in; i++) {
                float xi = x[i];
                if (xi == 0) continue;
                int base = i * out;
                for (int o = 0; o < out; o++) y[o] += w[base + o] * xi;
            }
            if (l < wt.length - 1) for (int o = 0; o < out; o++) if (y[o] < 0) y[o] = 0;
            x = y;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i];
        if (discrete) Categorical.probs(out.clone(), out.length, 1, out);
        return out;
    }

    /** Output for the concatenation [s, z] (the policy decoder's input). */
    public double[] output(double[] s, double[] z) {
        double[] in = new double[s.length + z.length];
        System.arraycopy(s, 0, in, 0, s.length);
        System.arraycopy(z, 0, in, s.length, z.length);
        return output(in);
    }

    /** A sampled action: {index} for discrete policies, mean + exp(logStd) * N(0, I) for continuous. */
    public double[] act(double[] input, SplittableRandom rng) {
        double[] o = output(input);
        if (discrete) return new double[] {Categorical.sample(o, rng.nextDouble())};
        for (int j = 0; j < o.length; j++) o[j] += Math.exp(logStd[j]) * rng.nextGaussian();
        return o;
    }
}

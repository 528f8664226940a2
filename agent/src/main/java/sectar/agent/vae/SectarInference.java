package sectar.agent.vae;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.nn.DiagGaussian;
import sectar.agent.nn.Nd;
import sectar.agent.nn.Par;

/**
 * The batched inference calls of a {@link Sectar} model: what the latent planner (chained state-decoder
 * means), the rollouts (policy-decoder outputs), the consistency reward (state log-density) and the
 * explorer's novelty reward (negative ELBO) call. Flat row-major arrays in and out; no gradients.
 * Large batches are split in two halves run on two threads. Not thread-safe.
 */
public final class SectarInference {
    private final Sectar m;
    private final Map<Long, StateDecoder.Run> runs = new HashMap<>();

    SectarInference(Sectar m) { this.m = m; }

    private StateDecoder.Run run(int n, int slot) {
        return runs.computeIfAbsent(((long) n << 1) | slot, k -> m.decoder.new Run(n, false));
    }

    /**
     * State-decoder means for n start states, each decoded through {@code horizon} chained segments:
     * segment k starts from segment k-1's predicted end state mu_T.
     *
     * @param s0 [n][obs] start states
     * @param z  [n][horizon][latent] latents, row-major
     * @return [n][horizon][T][obs] predicted means mu_1..mu_T of every segment, row-major
     */
    public float[] decodeChain(float[] s0, float[] z, int n, int horizon) {
        int obs = m.obs, L = m.latent, T = m.steps;
        if (n < 1 || horizon < 1) throw new IllegalArgumentException("n and horizon must be >= 1, got " + n + ", " + horizon);
        Nd.checkInput("s0", s0, n * obs, "[" + n + ", " + obs + "]");
        Nd.checkInput("z", z, n * horizon * L, "[" + n + ", " + horizon + ", " + L + "]");
        float[] out = new float[n * horizon * T * obs];
        int half = n >= 64 && m.parallel ? n / 2 : n;
        StateDecoder.Run r0 = run(half, 0), r1 = half < n ? run(n - half, 1) : null; // map touched on this thread only
        Par.both(half < n, () -> chain(r0, s0, z, 0, half, horizon, out),
                () -> { if (r1 != null) chain(r1, s0, z, half, n - half, horizon, out); });
        return out;
    }

    private void chain(StateDecoder.Run dr, float[] s0, float[] z, int from, int cnt, int horizon, float[] out) {
        int obs = m.obs, L = m.latent, T = m.steps;
        double[] s = new double[obs * cnt], zk = new double[L * cnt];
        double[][] means = new double[T][obs * cnt];
        for (int b = 0; b < cnt; b++) for (int j = 0; j < obs; j++) s[j * cnt + b] = s0[(from + b) * obs + j];
        for (int k = 0; k < horizon; k++) {
            for (int b = 0; b < cnt; b++)
                for (int j = 0; j < L; j++) zk[j * cnt + b] = z[((from + b) * horizon + k) * L + j];
            dr.decode(s, zk, means);
            for (int t = 0; t < T; t++)
                for (int j = 0; j < obs; j++)
                    for (int b = 0; b < cnt; b++)
                        out[(((from + b) * horizon + k) * T + t) * obs + j] = (float) means[t][j * cnt + b];
            System.arraycopy(means[T - 1], 0, s, 0, s.length);
        }
    }

    /**
     * Policy-decoder outputs for a batch of (s, z).
     *
     * @param s [n][obs], z [n][latent]
     * @return [n][actions] probabilities (discrete) or [n][actDim] Gaussian means (continuous)
     */
    public float[] policyOutput(float[] s, float[] z, int n) {
        float[] x = concat(s, z, n);
        return m.discrete ? m.policy.probabilities(x, n) : m.policy.outputs(x, n);
    }

    /** Rows [s_b, z_b] of length obs + latent, validated. */
    float[] concat(float[] s, float[] z, int n) {
        int obs = m.obs, L = m.latent;
        Nd.checkInput("s", s, n * obs, "[" + n + ", " + obs + "]");
        Nd.checkInput("z", z, n * L, "[" + n + ", " + L + "]");
        float[] x = new float[n * (obs + L)];
        for (int b = 0; b < n; b++) {
            System.arraycopy(s, b * obs, x, b * (obs + L), obs);
            System.arraycopy(z, b * L, x, b * (obs + L) + obs, L);
        }
        return x;
    }

    /**
     * Per-step log-density log N(s_{t+1}; mu_{t+1}(s_0, z), sigma_SD), summed over state dimensions with
     * constants (the consistency reward, spec 4.2).
     *
     * @param s0     [n][obs] start states
     * @param z      [n][latent]
     * @param states [n][T][obs] the states s_1..s_T actually reached
     * @return [n][T] log-densities
     */
    public float[] stateLogDensity(float[] s0, float[] z, float[] states, int n) {
        int obs = m.obs, L = m.latent, T = m.steps;
        Nd.checkInput("s0", s0, n * obs, "[" + n + ", " + obs + "]");
        Nd.checkInput("z", z, n * L, "[" + n + ", " + L + "]");
        Nd.checkInput("states", states, n * T * obs, "[" + n + ", " + T + ", " + obs + "]");
        double[][] means = decode(transpose(s0, n, obs), transpose(z, n, L), n);
        double[] ls = m.decoder.logSigma.get();
        float[] out = new float[n * T];
        for (int b = 0; b < n; b++)
            for (int t = 0; t < T; t++) {
                double lp = -0.5 * obs * DiagGaussian.LOG_2PI;
                for (int j = 0; j < obs; j++) {
                    double u = (states[(b * T + t) * obs + j] - means[t][j * n + b]) / Math.exp(ls[j]);
                    lp += -ls[j] - 0.5 * u * u;
                }
                out[b * T + t] = (float) lp;
            }
        return out;
    }

    /**
     * Per-segment negative ELBO with KL weight 1 and one sampled z (the explorer's novelty reward,
     * spec 4.3): NLL/T + KL.
     *
     * @param segments [n][T+1][obs] states
     * @param rng      the stream the z noise comes from
     * @return [n] values
     */
    public float[] negElbo(float[] segments, int n, SplittableRandom rng) {
        int obs = m.obs, L = m.latent, T = m.steps, S = T + 1;
        Nd.checkInput("segments", segments, n * S * obs, "[" + n + ", " + S + ", " + obs + "]");
        double[] seq = Sectar.timeMajor(segments, n, S, obs);
        double[][] q = m.encRun(n).encode(seq);
        double[] eps = m.noise(rng, n), z = DiagGaussian.sample(q[0], q[1], eps, L, n);
        double[] kl = new double[n];
        DiagGaussian.klStandard(q[0], q[1], L, n, kl, null, null, null);
        double[][] means = decode(java.util.Arrays.copyOfRange(seq, 0, obs * n), z, n);
        double[] ls = m.decoder.logSigma.get();
        float[] out = new float[n];
        for (int b = 0; b < n; b++) {
            double nll = 0;
            for (int t = 0; t < T; t++)
                for (int j = 0; j < obs; j++) {
                    double u = (seq[((t + 1) * obs + j) * n + b] - means[t][j * n + b]) / Math.exp(ls[j]);
                    nll += ls[j] + 0.5 * u * u + 0.5 * DiagGaussian.LOG_2PI;
                }
            out[b] = (float) (nll / T + kl[b]);
        }
        return out;
    }

    /**
     * The encoder's posterior q(z | s_0..s_T) for a batch of segments.
     *
     * @param segments [n][T+1][obs] states
     * @return {mean, logSigma}, each [n][latent] row-major
     */
    public float[][] encode(float[] segments, int n) {
        int obs = m.obs, L = m.latent, S = m.steps + 1;
        Nd.checkInput("segments", segments, n * S * obs, "[" + n + ", " + S + ", " + obs + "]");
        double[][] q = m.encRun(n).encode(Sectar.timeMajor(segments, n, S, obs));
        float[][] out = new float[2][n * L];
        for (int k = 0; k < 2; k++)
            for (int b = 0; b < n; b++) for (int j = 0; j < L; j++) out[k][b * L + j] = (float) q[k][j * n + b];
        return out;
    }

    private double[][] decode(double[] s0, double[] z, int n) {
        double[][] means = new double[m.steps][m.obs * n];
        run(n, 0).decode(s0, z, means);
        return means;
    }

    static double[] transpose(float[] rm, int n, int d) {
        double[] fm = new double[n * d];
        for (int b = 0; b < n; b++) for (int j = 0; j < d; j++) fm[j * n + b] = rm[b * d + j];
        return fm;
    }
}

package sectar.agent.vae;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import sectar.agent.nn.Lstm;
import sectar.agent.nn.Mlp;
import sectar.agent.nn.Nd;
import sectar.agent.nn.Param;
import sectar.agent.nn.ParamStore;

/**
 * p(s_1..s_T | s_0, z) (spec 3.2): a 1-layer LSTM free-running on its own predicted means (step 0
 * input [s_0, z], step t input [mu_t, z]), a ReLU mean head MLP, and a learned log sigma vector shared
 * over time and batch.
 */
final class StateDecoder {
    final Lstm lstm;
    final Mlp meanHead;
    final Param logSigma;
    final int obs, latent, steps;
    /** The first part of every decoder parameter's name. */
    static final String PREFIX = "dec.";

    StateDecoder(ParamStore ps, int obs, int steps, SectarConfig cfg, SplittableRandom rng) {
        this.obs = obs;
        this.latent = cfg.latentDim();
        this.steps = steps;
        lstm = new Lstm(ps, PREFIX + "lstm", obs + latent, cfg.decoderHidden(), rng);
        meanHead = new Mlp(ps, PREFIX + "mean", TrajectoryEncoder.sizes(cfg.decoderHidden(), cfg.meanHeadHidden(), obs), rng);
        logSigma = ps.create(PREFIX + "logSigma", 1, obs);
        double[] v = new double[obs];
        Arrays.fill(v, cfg.decoderLogStdInit());
        logSigma.set(v);
    }

    /** Its parameters in {@code ps} (LSTM, mean head, log sigma): every name under "dec.". */
    static java.util.List<Param> params(ParamStore ps) {
        return ps.list().stream().filter(p -> p.name().startsWith(PREFIX)).toList();
    }

    /** Buffers of one decode at batch size B; {@code training} keeps every step for backward. */
    final class Run {
        final int batch;
        final boolean training;
        final Lstm.Run rnn;
        final Mlp.Run[] heads;
        private final double[] dMean, dx;
        // FLOAT path: cached storage of the heads' input and output, Java-side copies of s, z, mean
        private final java.nio.FloatBuffer[] headIn, headOut;
        private final float[] zf, mf;

        Run(int batch, boolean training) {
            this.batch = batch;
            this.training = training;
            rnn = new Lstm.Run(lstm, batch, steps, training);
            heads = new Mlp.Run[training ? steps : 1];
            for (int t = 0; t < heads.length; t++) heads[t] = new Mlp.Run(meanHead, batch);
            dMean = new double[obs * batch];
            dx = new double[(obs + latent) * batch];
            if (rnn.isFloat()) {
                headIn = new java.nio.FloatBuffer[heads.length];
                headOut = new java.nio.FloatBuffer[heads.length];
                for (int t = 0; t < heads.length; t++) {
                    headIn[t] = Nd.floats(heads[t].input());
                    headOut[t] = Nd.floats(heads[t].output());
                }
                zf = new float[latent * batch];
                mf = new float[obs * batch];
            } else {
                headIn = headOut = null;
                zf = mf = null;
            }
        }

        /** The FLOAT path of {@link #decode}: plain buffer copies between steps, no ND4J ops. */
        private void decodeFloat(double[] s0, double[] z, double[][] means) {
            int n = obs * batch, nz = latent * batch, nh = lstm.hidden() * batch;
            for (int k = 0; k < nz; k++) zf[k] = (float) z[k];
            for (int k = 0; k < n; k++) mf[k] = (float) s0[k];
            for (int t = 0; t < steps; t++) {
                java.nio.FloatBuffer x = rnn.xBuffer(t);
                x.put(0, mf, 0, n);
                x.put(n, zf, 0, nz);
                rnn.step(t);
                int hi = training ? t : 0;
                headIn[hi].put(0, rnn.hArray(t), 0, nh);
                heads[hi].forward();
                headOut[hi].get(0, mf, 0, n);
                double[] mt = means[t];
                for (int k = 0; k < n; k++) mt[k] = mf[k];
            }
        }

        /**
         * Free-running decode.
         *
         * @param s0 [obs][B] flattened
         * @param z  [latent][B] flattened
         * @param means output, means[t] = mu_{t+1} as [obs][B] (t = 0..T-1)
         */
        void decode(double[] s0, double[] z, double[][] means) {
            if (headIn != null) {
                decodeFloat(s0, z, means);
                return;
            }
            INDArray x0 = rnn.x(0);
            Nd.write(s0, Nd.rows(x0, 0, obs));
            Nd.write(z, Nd.rows(x0, obs, obs + latent));
            for (int t = 0; t < steps; t++) {
                rnn.step(t);
                Mlp.Run head = heads[training ? t : 0];
                head.input().assign(rnn.h(t));
                head.forward();
                Nd.read(head.output(), means[t]);
                if (t + 1 < steps) {
                    INDArray xn = rnn.x(t + 1);
                    Nd.rows(xn, 0, obs).assign(head.output());
                    Nd.write(z, Nd.rows(xn, obs, obs + latent));
                }
            }
        }

        /** Backward from dLoss/dmeans (same layout as decode's output); returns dLoss/dz [latent][B]. */
        double[] backward(double[][] dMeans) {
            int n = obs * batch;
            double[] dz = new double[latent * batch], carry = new double[n];
            rnn.beginBackward();
            for (int t = steps - 1; t >= 0; t--) {
                for (int k = 0; k < n; k++) dMean[k] = dMeans[t][k] + carry[k];
                Nd.write(dMean, heads[t].outputGrad());
                heads[t].backward(true);
                rnn.backStep(t, heads[t].inputGrad());
                Nd.read(rnn.dx(), dx);
                System.arraycopy(dx, 0, carry, 0, n); // flows into mu_t, the previous step's mean
                for (int k = 0; k < latent * batch; k++) dz[k] += dx[n + k];
            }
            return dz;
        }
    }
}

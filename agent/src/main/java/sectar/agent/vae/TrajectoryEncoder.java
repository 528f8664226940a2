package sectar.agent.vae;

import java.util.SplittableRandom;
import sectar.agent.nn.BiLstm;
import sectar.agent.nn.Mlp;
import sectar.agent.nn.ParamStore;

/**
 * q(z | s_0..s_T) (spec 3.1): a 2-layer bidirectional LSTM over the states only, mean-pooled over time,
 * then separate ReLU MLP heads for the mean and the log sigma (no clamp).
 */
final class TrajectoryEncoder {
    final BiLstm body;
    final Mlp muHead, logSigmaHead;
    final int latent;

    TrajectoryEncoder(ParamStore ps, int obs, SectarConfig cfg, SplittableRandom rng) {
        latent = cfg.latentDim();
        body = new BiLstm(ps, "enc.lstm", obs, cfg.encoderHidden(), rng);
        muHead = new Mlp(ps, "enc.mu", sizes(body.out(), cfg.encoderHeadHidden(), latent), rng);
        logSigmaHead = new Mlp(ps, "enc.logSigma", sizes(body.out(), cfg.encoderHeadHidden(), latent), rng);
    }

    static int[] sizes(int in, int[] hidden, int out) {
        int[] s = new int[hidden.length + 2];
        s[0] = in;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = out;
        return s;
    }

    /** Buffers of one encode at batch size B over {@code steps} = T+1 states. */
    final class Run {
        final int batch;
        final BiLstm.Run lstm;
        final Mlp.Run mu, logSigma;

        Run(int batch, int steps) {
            this.batch = batch;
            lstm = new BiLstm.Run(body, batch, steps);
            mu = new Mlp.Run(muHead, batch);
            logSigma = new Mlp.Run(logSigmaHead, batch);
        }

        /**
         * @param seq states [T+1][obs][B] flattened
         * @return {mu, logSigma}, each [latent][B] flattened
         */
        double[][] encode(double[] seq) {
            lstm.forward(seq);
            mu.input().assign(lstm.output());
            logSigma.input().assign(lstm.output());
            double[] m = new double[latent * batch], l = new double[latent * batch];
            sectar.agent.nn.Nd.read(run(mu), m);
            sectar.agent.nn.Nd.read(run(logSigma), l);
            return new double[][] {m, l};
        }

        private org.nd4j.linalg.api.ndarray.INDArray run(Mlp.Run r) {
            r.forward();
            return r.output();
        }

        /** Adds all encoder gradients from dLoss/dmu and dLoss/dlogSigma ([latent][B] each). */
        void backward(double[] dMu, double[] dLogSigma) {
            sectar.agent.nn.Nd.write(dMu, mu.outputGrad());
            mu.backward(true);
            sectar.agent.nn.Nd.write(dLogSigma, logSigma.outputGrad());
            logSigma.backward(true);
            lstm.outputGrad().assign(mu.inputGrad()).addi(logSigma.inputGrad());
            lstm.backward();
        }
    }
}

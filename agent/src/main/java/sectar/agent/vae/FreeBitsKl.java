package sectar.agent.vae;

/**
 * The KL term with free bits per latent dimension (Kingma et al., "Improved Variational Inference with
 * Inverse Autoregressive Flow", 2016): the penalty is {@code sum_j max(KL_j, lambda)}, KL_j the batch
 * mean of dimension j's KL(q || N(0, 1)). A dimension below lambda gets no gradient, so the encoder is
 * not pushed to say less than lambda nats through it; above lambda the gradient is the plain KL's.
 */
final class FreeBitsKl {
    private FreeBitsKl() {}

    /**
     * @param mu         encoder means [d, B] (feature-major)
     * @param logSigma   encoder log standard deviations [d, B]
     * @param weight     gradient weight of the penalty (the KL weight)
     * @param lambda     free bits per dimension, nats
     * @param klPerSample out: each sample's full KL (the diagnostic, unclamped) [B]
     * @param dMu        gradients added [d, B]
     * @param dLogSigma  gradients added [d, B]
     * @return the penalty sum_j max(KL_j, lambda)
     */
    static double penalty(double[] mu, double[] logSigma, int d, int batch, double weight, double lambda,
                          double[] klPerSample, double[] dMu, double[] dLogSigma) {
        java.util.Arrays.fill(klPerSample, 0);
        double penalty = 0, g = weight / batch;
        for (int j = 0; j < d; j++) {
            double dimMean = 0;
            for (int b = 0; b < batch; b++) {
                int i = j * batch + b;
                double l = logSigma[i], kl = -l + 0.5 * (Math.exp(2 * l) + mu[i] * mu[i]) - 0.5;
                klPerSample[b] += kl;
                dimMean += kl / batch;
            }
            penalty += Math.max(dimMean, lambda);
            if (dimMean < lambda) continue;
            for (int b = 0; b < batch; b++) {
                int i = j * batch + b;
                dMu[i] += g * mu[i];
                dLogSigma[i] += g * (Math.exp(2 * logSigma[i]) - 1);
            }
        }
        return penalty;
    }
}

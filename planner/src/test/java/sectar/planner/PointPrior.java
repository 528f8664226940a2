package sectar.planner;

import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;

/** A state-independent Gaussian prior N(center, spread^2 I), for testing what the searches do with a prior. */
record PointPrior(float[] center, double spread) implements LatentPrior {
    @Override public int latentDim() { return center.length; }

    @Override public void sample(float[] states, int n, SplittableRandom rng, float[] out, int offset, int stride) {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < center.length; j++) out[offset + i * stride + j] = (float) (center[j] + spread * rng.nextGaussian());
    }

    @Override public void gaussian(float[] states, int n, double[] mean, double[] std) {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < center.length; j++) {
                mean[i * center.length + j] = center[j];
                std[i * center.length + j] = spread;
            }
    }

    @Override public void logDensity(float[] states, float[] z, int n, double[] out) {
        int d = center.length;
        for (int i = 0; i < n; i++) {
            double lp = -d * (HALF_LOG_2PI + Math.log(spread));
            for (int j = 0; j < d; j++) {
                double u = (z[i * d + j] - center[j]) / spread;
                lp -= 0.5 * u * u;
            }
            out[i] = lp;
        }
    }
}

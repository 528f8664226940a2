package sectar.agent.loop;

import java.util.SplittableRandom;
import sectar.agent.nn.DiagGaussian;

/**
 * Temporally correlated standard-normal noise for a Gaussian explorer (the {@code explorer.ouTheta}
 * lever): a discrete Ornstein-Uhlenbeck process {@code z_t = (1 - theta) z_{t-1} + sqrt(2 theta - theta^2) eps_t},
 * started at {@code z_0 = eps_0}. Every {@code z_t} is N(0, 1), as independent noise is, and neighbouring
 * draws correlate by {@code 1 - theta}, so the explorer's action {@code mean + sigma z_t} is still a sample
 * of the policy's Gaussian at each step while a wide explorer drifts instead of jittering. theta = 1 is
 * independent noise and draws the same numbers from the stream as the policy's own sampling.
 */
public final class OuNoise {
    private final double keep, fresh;
    private final int dim;
    private double[] z;

    public OuNoise(int dim, double theta) {
        if (!(theta > 0 && theta <= 1)) throw new IllegalArgumentException("OU theta must be in (0, 1], got " + theta);
        this.dim = dim;
        this.keep = 1 - theta;
        this.fresh = Math.sqrt(2 * theta - theta * theta);
    }

    /** The next draw (a fresh copy). */
    public double[] next(SplittableRandom rng) {
        double[] eps = DiagGaussian.noise(rng, dim);
        if (z == null) z = eps;
        else for (int i = 0; i < dim; i++) z[i] = keep * z[i] + fresh * eps[i];
        return z.clone();
    }
}

package sectar.agent.loop;

import java.util.Arrays;
import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.data.SegmentBuffer;
import sectar.agent.vae.Sectar;

/**
 * What latents drawn from the prior (N(0, I) or a learned one) do under the current model, measured from replay start
 * states: how far the state decoder says one segment moves the agent (its position is the first two
 * observation values in every task) and how decided the policy decoder is (its mean action entropy).
 * A latent space whose prior draws move 1 unit when goals are 3.6 apart cannot plan far.
 *
 * @param meanDisplacement predicted segment displacement of the agent's position, mean
 * @param p90Displacement  the same, 90th percentile
 * @param policyEntropy    mean entropy of pi(a | s_0, z) over the samples
 */
public record PriorReach(double meanDisplacement, double p90Displacement, double policyEntropy) {
    public static final PriorReach NONE = new PriorReach(Double.NaN, Double.NaN, Double.NaN);

    /** Measures {@code n} latents of {@code prior}, each from a uniformly drawn replay segment's start state. */
    public static PriorReach measure(Sectar model, LatentPrior prior, SegmentBuffer replay, int n, SplittableRandom rng) {
        if (replay.size() == 0) return NONE;
        int obs = model.obsDim(), lat = model.latentDim(), t = model.steps();
        int[] picks = replay.sample(n, rng);
        float[] s0 = new float[n * obs], z = new float[n * lat];
        double[][] inputs = new double[n][];
        for (int i = 0; i < n; i++) {
            System.arraycopy(replay.get(picks[i]).states(), 0, s0, i * obs, obs);
            prior.sample(replay.get(picks[i]).states(), 1, rng, z, i * lat, lat);
            double[] s = new double[obs];
            for (int d = 0; d < obs; d++) s[d] = s0[i * obs + d];
            inputs[i] = SectarModels.concat(s, z, i * lat, lat);
        }
        float[] pred = model.inference().decodeChain(s0, z, n, 1);
        double[] disp = new double[n];
        for (int i = 0; i < n; i++) {
            int end = (i * t + t - 1) * obs;
            disp[i] = Math.hypot(pred[end] - s0[i * obs], pred[end + 1] - s0[i * obs + 1]);
        }
        double entropy = Arrays.stream(model.policy().entropies(inputs)).average().orElse(Double.NaN);
        double[] sorted = disp.clone();
        Arrays.sort(sorted);
        return new PriorReach(Arrays.stream(disp).average().orElse(Double.NaN), sorted[(int) Math.floor(0.9 * (n - 1))], entropy);
    }
}

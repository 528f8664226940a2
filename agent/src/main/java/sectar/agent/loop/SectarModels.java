package sectar.agent.loop;

import java.util.SplittableRandom;
import sectar.agent.api.LatentPolicy;
import sectar.agent.api.LatentStateModel;
import sectar.agent.nn.PolicyNet;
import sectar.agent.vae.Sectar;

/** The trained SeCTAR model seen through the planner's interfaces. */
public final class SectarModels {
    private SectarModels() {}

    /** The state decoder's chained means (spec 6: only the means are used for planning). */
    public static LatentStateModel stateModel(Sectar m) {
        return new LatentStateModel() {
            @Override public int obsDim() { return m.obsDim(); }

            @Override public int latentDim() { return m.latentDim(); }

            @Override public int segmentLength() { return m.steps(); }

            @Override public void predictChained(float[] s0, float[] z, int n, int h, float[] out) {
                float[] means = m.inference().decodeChain(s0, z, n, h);
                System.arraycopy(means, 0, out, 0, means.length);
            }
        };
    }

    /** The policy decoder pi(a | [s, z]), sampling actions (spec 3.3: stochastic during MPC). */
    public static LatentPolicy policy(PolicyNet pd) { return policy(pd, false); }

    /** As above; {@code greedy} takes the most likely action (argmax, or the Gaussian mean) instead. */
    public static LatentPolicy policy(PolicyNet pd, boolean greedy) {
        return new LatentPolicy() {
            private double[] input;

            @Override public double[] act(double[] s, float[] z, SplittableRandom rng) {
                if (input == null) input = new double[s.length + z.length];
                System.arraycopy(s, 0, input, 0, s.length);
                for (int i = 0; i < z.length; i++) input[s.length + i] = z[i];
                return greedy ? pd.actGreedy(input) : pd.act(input, rng);
            }
        };
    }

    /** [s, z] as one policy input. */
    static double[] concat(double[] s, float[] z, int zOffset, int latent) {
        double[] x = new double[s.length + latent];
        System.arraycopy(s, 0, x, 0, s.length);
        for (int i = 0; i < latent; i++) x[s.length + i] = z[zOffset + i];
        return x;
    }
}

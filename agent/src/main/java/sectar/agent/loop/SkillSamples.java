package sectar.agent.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.data.SegmentBuffer;
import sectar.agent.nn.PolicyNet;
import sectar.agent.vae.Sectar;
import sectar.sim.Env;
import sectar.sim.Step;

/**
 * The skills a model has learned, as a picture shows them: from a few replay start states, latents
 * drawn from a prior, each with the state decoder's predicted segment and the segment the policy
 * decoder really executes from the same start under the same latent. Where the two agree the planner's
 * predictions hold; where the executed segments bunch together the latent carries little.
 */
public final class SkillSamples {
    private SkillSamples() {}

    /**
     * One latent from one start.
     *
     * @param predicted the state decoder's T predicted states after the start, [T][obsDim]
     * @param executed  the start, then the T states the policy decoder reached, [T + 1][obsDim]
     */
    public record Skill(double[][] predicted, double[][] executed) {}

    /**
     * {@code latents} skills from each of {@code starts} start states drawn uniformly from {@code replay};
     * the result's outer list is by start. Each rollout starts the env at the start state in stage 0.
     */
    public static List<List<Skill>> sample(Sectar model, LatentPrior prior, SegmentBuffer replay, Env env, int starts, int latents,
                                           SplittableRandom rng) {
        if (replay.size() == 0) throw new IllegalArgumentException("the replay is empty: the checkpoint has no segments to start skills from");
        int obs = model.obsDim(), lat = model.latentDim(), t = model.steps(), n = starts * latents;
        int[] picks = replay.sample(starts, rng);
        float[] s0 = new float[n * obs], z = new float[n * lat];
        for (int i = 0; i < starts; i++) {
            float[] start = replay.get(picks[i]).states(); // the segment's states; its first row is the start
            for (int j = 0; j < latents; j++) System.arraycopy(start, 0, s0, (i * latents + j) * obs, obs);
            float[] repeated = java.util.Arrays.copyOfRange(s0, i * latents * obs, (i + 1) * latents * obs);
            prior.sample(repeated, latents, rng, z, i * latents * lat, lat);
        }
        float[] pred = model.inference().decodeChain(s0, z, n, 1);
        PolicyNet pd = model.policy();
        List<List<Skill>> out = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            List<Skill> row = new ArrayList<>();
            for (int j = 0; j < latents; j++) {
                int c = i * latents + j;
                double[][] predicted = new double[t][obs], executed = new double[t + 1][];
                for (int k = 0; k < t; k++)
                    for (int d = 0; d < obs; d++) predicted[k][d] = pred[(c * t + k) * obs + d];
                double[] s = new double[obs];
                for (int d = 0; d < obs; d++) s[d] = s0[c * obs + d];
                s = env.resetTo(s, 0);
                executed[0] = s.clone();
                for (int k = 0; k < t; k++) {
                    Step st = env.step(pd.act(SectarModels.concat(s, z, c * lat, lat), rng));
                    s = st.observation();
                    executed[k + 1] = s.clone();
                    if (st.terminated()) s = env.resetTo(s, 0);
                }
                row.add(new Skill(predicted, executed));
            }
            out.add(row);
        }
        return out;
    }
}

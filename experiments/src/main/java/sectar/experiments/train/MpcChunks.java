package sectar.experiments.train;

import java.util.ArrayList;
import java.util.List;
import sectar.agent.vae.PolicyChunks;
import sectar.planner.MpcRollout;

/**
 * The MPC's executed chunks as {@link PolicyChunks}: per replan, the state it started from, the first
 * latent of the plan it executed and the states the policy decoder reached until the next replan (fewer
 * than T when {@code mpc.executeSteps} replans earlier or the episode ended).
 */
final class MpcChunks {
    private MpcChunks() {}

    static PolicyChunks of(MpcRollout mpc, int obs, int latent, int steps) {
        List<PolicyChunks> all = new ArrayList<>();
        for (MpcRollout.Trace tr : mpc.traces()) {
            int n = tr.chunkStarts().size();
            float[] s0 = new float[n * obs], z = new float[n * latent], reached = new float[n * steps * obs];
            int[] lengths = new int[n];
            for (int k = 0; k < n; k++) {
                int from = tr.chunkStarts().get(k), to = k + 1 < n ? tr.chunkStarts().get(k + 1) : tr.executed().size() - 1;
                lengths[k] = to - from;
                copy(tr.executed().get(from), s0, k * obs);
                System.arraycopy(tr.latents().get(k), 0, z, k * latent, latent);
                for (int t = 0; t < lengths[k]; t++) copy(tr.executed().get(from + 1 + t), reached, (k * steps + t) * obs);
            }
            all.add(new PolicyChunks(n, s0, z, reached, lengths));
        }
        return PolicyChunks.concat(all);
    }

    private static void copy(double[] from, float[] to, int at) {
        for (int d = 0; d < from.length; d++) to[at + d] = (float) from[d];
    }
}

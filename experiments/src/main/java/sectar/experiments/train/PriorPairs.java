package sectar.experiments.train;

import java.util.ArrayList;
import java.util.List;
import sectar.planner.MpcRollout;

/**
 * The (start state, latent) pairs the learned prior is fitted to, read off one batch of MPC episodes
 * ({@code prior.source}).
 */
final class PriorPairs {
    private PriorPairs() {}

    /** Segments to encode: start states [n, obsDim] and the executed states [n, T + 1, obsDim]. */
    record Segments(float[] starts, float[] states, int n) {}

    /** Pairs ready to add: start states [n, obsDim] and latents [n, latentDim]. */
    record Chosen(float[] starts, float[] latents, int n) {}

    /**
     * {@code "progress"}: every executed T-step segment from a replan's start state that gained a goal
     * over its own T steps (the caller stores the encoder's mean latent of what it did). With
     * {@code mpc.executeSteps} < T a replan's chunk is shorter than the segment whose latent is stored;
     * the chunk's gain would drop every segment whose goal came after its first executeSteps steps, so
     * the gain is taken over the segment. A segment the episode ended before is left out.
     */
    static Segments progressSegments(MpcRollout mpc, int obs, int t) {
        List<float[]> segs = new ArrayList<>();
        for (MpcRollout.Trace tr : mpc.traces())
            for (int from : tr.chunkStarts()) {
                if (from + t >= tr.executed().size() || tr.gainOver(from, t) <= 0) continue;
                float[] seg = new float[(t + 1) * obs];
                for (int j = 0; j <= t; j++) {
                    double[] x = tr.executed().get(from + j);
                    for (int d = 0; d < obs; d++) seg[j * obs + d] = (float) x[d];
                }
                segs.add(seg);
            }
        int n = segs.size(), len = (t + 1) * obs;
        float[] all = new float[n * len], s0 = new float[n * obs];
        for (int i = 0; i < n; i++) {
            System.arraycopy(segs.get(i), 0, all, i * len, len);
            System.arraycopy(segs.get(i), 0, s0, i * obs, obs);
        }
        return new Segments(s0, all, n);
    }

    /**
     * {@code "plans"}: every replan, as (its start state, the first latent of the plan the planner chose),
     * so the prior learns to propose what the search picks.
     */
    static Chosen chosenLatents(MpcRollout mpc, int obs, int lat) {
        int n = 0;
        for (MpcRollout.Trace tr : mpc.traces()) n += tr.latents().size();
        float[] s0 = new float[n * obs], z = new float[n * lat];
        int i = 0;
        for (MpcRollout.Trace tr : mpc.traces())
            for (int k = 0; k < tr.latents().size(); k++, i++) {
                double[] x = tr.executed().get(tr.chunkStarts().get(k));
                for (int d = 0; d < obs; d++) s0[i * obs + d] = (float) x[d];
                System.arraycopy(tr.latents().get(k), 0, z, i * lat, lat);
            }
        return new Chosen(s0, z, n);
    }
}

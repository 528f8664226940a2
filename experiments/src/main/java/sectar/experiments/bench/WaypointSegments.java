package sectar.experiments.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import sectar.agent.vae.SegmentBatch;
import sectar.sim.Env;
import sectar.sim.Policy;
import sectar.sim.Step;
import sectar.sim.tasks.Tasks;

/**
 * T=19-step segments of the waypoint task from random start states and stages, driven by the scripted
 * expert or by a random walk; states plus one-hot actions in the SegmentBatch layout. Main code so the
 * VAE quality benchmark and the learning test train on the same data.
 */
public final class WaypointSegments {
    public static final int T = 19, OBS = 2, ACT = 4;

    private WaypointSegments() {}

    /** {@code n} segments, expert-driven or random-walk, from uniform starts in the arena and uniform stages. */
    public static SegmentBatch make(int n, boolean expert, SplittableRandom rng) {
        Env env = Tasks.make("waypoint", 0);
        Policy pol = expert ? Tasks.expert("waypoint", 0) : Policy.random(env.actionSpace());
        int S = T + 1;
        float[] s = new float[n * S * OBS], a = new float[n * S * ACT];
        for (int b = 0; b < n; b++) {
            double[] obs = env.resetTo(new double[] {5.2 * rng.nextDouble() - 2.6, 5.2 * rng.nextDouble() - 2.6},
                    rng.nextInt(45));
            for (int t = 0; t < S; t++) {
                double[] act = pol.act(obs, env.stage(), rng);
                for (int j = 0; j < OBS; j++) s[(b * S + t) * OBS + j] = (float) obs[j];
                a[(b * S + t) * ACT + (int) act[0]] = 1;
                if (t < T) {
                    Step st = env.step(act);
                    obs = st.observation();
                }
            }
        }
        return new SegmentBatch(s, a, n);
    }

    /** Rows [from, from+n) of a batch. */
    public static SegmentBatch slice(SegmentBatch x, int from, int n) {
        int S = T + 1;
        float[] s = Arrays.copyOfRange(x.states(), from * S * OBS, (from + n) * S * OBS);
        float[] a = Arrays.copyOfRange(x.actions(), from * S * ACT, (from + n) * S * ACT);
        return new SegmentBatch(s, a, n);
    }

    /** n segments drawn uniformly with replacement. */
    public static SegmentBatch sample(SegmentBatch x, int n, SplittableRandom rng) {
        int S = T + 1, ss = S * OBS, sa = S * ACT;
        float[] s = new float[n * ss], a = new float[n * sa];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(x.batch());
            System.arraycopy(x.states(), k * ss, s, i * ss, ss);
            System.arraycopy(x.actions(), k * sa, a, i * sa, sa);
        }
        return new SegmentBatch(s, a, n);
    }

    /** The concatenation of two batches. */
    public static SegmentBatch concat(SegmentBatch x, SegmentBatch y) {
        float[] s = new float[x.states().length + y.states().length], a = new float[x.actions().length + y.actions().length];
        System.arraycopy(x.states(), 0, s, 0, x.states().length);
        System.arraycopy(y.states(), 0, s, x.states().length, y.states().length);
        System.arraycopy(x.actions(), 0, a, 0, x.actions().length);
        System.arraycopy(y.actions(), 0, a, x.actions().length, y.actions().length);
        return new SegmentBatch(s, a, x.batch() + y.batch());
    }
}

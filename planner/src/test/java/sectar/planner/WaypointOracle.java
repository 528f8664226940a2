package sectar.planner;

import java.util.SplittableRandom;
import sectar.agent.api.LatentPolicy;
import sectar.agent.api.LatentStateModel;

/**
 * The true waypoint dynamics behind the model API, for testing the planner apart from learning:
 * latent z names a target point (2.8 tanh z0, 2.8 tanh z1) and its segment is T greedy 0.2-moves
 * toward it, clipped to the arena. The paired policy makes the same moves in the real task, so the
 * model's prediction is what execution produces (up to the wall contact slop).
 */
final class WaypointOracle implements LatentStateModel, LatentPolicy {
    static final int T = 19;
    static final int LATENT = 8;
    private static final double STEP = 0.2, ARENA = 2.8;

    /** The fixed planning problem the search comparisons share: four starts across the arena and stages. */
    static final double[][] PROBLEM_STARTS = {{-2.0, 2.0}, {2.0, -2.0}, {0.5, 0.5}, {-1.0, -2.5}};
    static final int[] PROBLEM_STAGES = {0, 3, 7, 12};

    @Override public int obsDim() { return 2; }

    @Override public int latentDim() { return LATENT; }

    @Override public int segmentLength() { return T; }

    static double targetX(float[] z, int offset) { return ARENA * Math.tanh(z[offset]); }

    static double targetY(float[] z, int offset) { return ARENA * Math.tanh(z[offset + 1]); }

    /** The greedy move index toward (tx, ty): the axis with the larger gap. */
    static int move(double x, double y, double tx, double ty) {
        double dx = tx - x, dy = ty - y;
        return Math.abs(dx) >= Math.abs(dy) ? (dx >= 0 ? 0 : 2) : (dy >= 0 ? 1 : 3);
    }

    @Override public void predictChained(float[] s0, float[] z, int n, int h, float[] out) {
        for (int c = 0; c < n; c++) {
            double x = s0[2 * c], y = s0[2 * c + 1];
            for (int k = 0; k < h; k++) {
                int zo = (c * h + k) * LATENT;
                double tx = targetX(z, zo), ty = targetY(z, zo);
                for (int j = 0; j < T; j++) {
                    int a = move(x, y, tx, ty);
                    x = clip(x + (a == 0 ? STEP : a == 2 ? -STEP : 0));
                    y = clip(y + (a == 1 ? STEP : a == 3 ? -STEP : 0));
                    int o = ((c * h + k) * T + j) * 2;
                    out[o] = (float) x;
                    out[o + 1] = (float) y;
                }
            }
        }
    }

    @Override public double[] act(double[] s, float[] z, SplittableRandom rng) {
        return new double[] {move(s[0], s[1], targetX(z, 0), targetY(z, 0))};
    }

    private static double clip(double v) { return Math.max(-ARENA, Math.min(ARENA, v)); }
}

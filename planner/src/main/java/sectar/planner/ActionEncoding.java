package sectar.planner;

import java.util.SplittableRandom;
import sectar.sim.Space;

/** Samples random actions of a task and encodes them as a model sees them (one-hot when discrete). */
final class ActionEncoding {
    private final Space space;

    ActionEncoding(Space space) {
        this.space = space;
    }

    /** Encoded size: number of discrete actions, or the box dimension. */
    int encodedDim() {
        return space instanceof Space.Discrete d ? d.n() : space.dim();
    }

    /** Draws one uniform action into {@code raw[offset..]} (one entry per action dimension). */
    void sample(SplittableRandom rng, double[] raw, int offset) {
        double[] a = space.sample(rng);
        System.arraycopy(a, 0, raw, offset, a.length);
    }

    /** Encodes the raw action at {@code raw[rawOffset..]} into {@code out[outOffset..]}. */
    void encode(double[] raw, int rawOffset, float[] out, int outOffset) {
        if (space instanceof Space.Discrete d) {
            for (int i = 0; i < d.n(); i++) out[outOffset + i] = 0;
            out[outOffset + (int) raw[rawOffset]] = 1;
        } else {
            for (int i = 0; i < space.dim(); i++) out[outOffset + i] = (float) raw[rawOffset + i];
        }
    }
}

package sectar.planner;

import java.util.SplittableRandom;

/** Standard-normal draws from a caller's stream, as floats for the model's latent buffers. */
final class Gaussians {
    private Gaussians() {}

    static void fill(float[] out, SplittableRandom rng) {
        for (int i = 0; i < out.length; i++) out[i] = (float) rng.nextGaussian();
    }
}

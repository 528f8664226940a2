package sectar.planner;

import java.util.SplittableRandom;

/** Standard-normal draws from a caller's stream (Box-Muller; SplittableRandom has no nextGaussian in 17). */
final class Gaussians {
    private Gaussians() {}

    static void fill(float[] out, SplittableRandom rng) {
        for (int i = 0; i < out.length; i += 2) {
            double u1 = 1.0 - rng.nextDouble(), u2 = rng.nextDouble();
            double r = Math.sqrt(-2 * Math.log(u1)), a = 2 * Math.PI * u2;
            out[i] = (float) (r * Math.cos(a));
            if (i + 1 < out.length) out[i + 1] = (float) (r * Math.sin(a));
        }
    }
}

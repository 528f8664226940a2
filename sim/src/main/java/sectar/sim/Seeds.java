package sectar.sim;

import java.util.SplittableRandom;

/**
 * The one seeding discipline of the project: every random stream derives from the run seed by name.
 *
 * <p>Deriving by name (not {@code seed + i}) means a new consumer never shifts the existing streams,
 * and run seed 1's stream "env/1" never equals run seed 2's "env/0".
 */
public final class Seeds {
    private Seeds() {}

    /** Stable child seed: the same (parent, name) always gives the same value, whatever the call order. */
    public static long derive(long parent, String name) {
        long h = mix64(parent ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < name.length(); i++) h = mix64(h ^ name.charAt(i));
        return h;
    }

    /** A fresh generator for the named child stream of {@code parent}. */
    public static SplittableRandom rng(long parent, String name) {
        return new SplittableRandom(derive(parent, name));
    }

    private static long mix64(long z) { // SplitMix64 finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

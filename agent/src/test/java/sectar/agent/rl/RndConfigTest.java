package sectar.agent.rl;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad RND settings are refused with the field and the value named. */
class RndConfigTest {
    private static void refused(String mentions, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
    }

    @Test
    void badValuesAreRefusedNamingThem() {
        int[] h = {8};
        refused("rnd.updateProportion must be in (0, 1], got 0.0", () -> new RndConfig(h, h, 4, 1e-4, 0, 2, 1, 0.99, 5));
        refused("rnd.updateProportion must be in (0, 1], got 1.5", () -> new RndConfig(h, h, 4, 1e-4, 1.5, 2, 1, 0.99, 5));
        refused("rnd.intrinsicGamma must be in [0, 1), got 1.0", () -> new RndConfig(h, h, 4, 1e-4, 0.25, 2, 1, 1, 5));
        refused("rnd.learningRate must be > 0, got -1.0", () -> new RndConfig(h, h, 4, -1, 0.25, 2, 1, 0.99, 5));
        refused("rnd.embedding must be >= 1, got 0", () -> new RndConfig(h, h, 0, 1e-4, 0.25, 2, 1, 0.99, 5));
        refused("rnd.intrinsicCoef must be a finite number >= 0, got -1.0", () -> new RndConfig(h, h, 4, 1e-4, 0.25, 2, -1, 0.99, 5));
        refused("must not both be 0", () -> new RndConfig(h, h, 4, 1e-4, 0.25, 0, 0, 0.99, 5));
        refused("rnd.observationClip must be > 0, got 0.0", () -> new RndConfig(h, h, 4, 1e-4, 0.25, 2, 1, 0.99, 0));
        refused("rnd.targetHidden must be one or more widths >= 1, got []", () -> new RndConfig(new int[0], h, 4, 1e-4, 0.25, 2, 1, 0.99, 5));
        refused("rnd.predictorHidden must be one or more widths >= 1, got [0]", () -> new RndConfig(h, new int[] {0}, 4, 1e-4, 0.25, 2, 1, 0.99, 5));
    }
}

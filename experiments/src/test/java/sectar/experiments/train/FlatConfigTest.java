package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import sectar.agent.rl.PpoConfig;
import sectar.sim.config.Named;

/** The flat presets: ppo-rnd carries its RND settings, ppo and trpo none, and a ppo-rnd without what it needs is refused. */
class FlatConfigTest {
    @Test
    void ppoRndPresetsCarryRndAndTheExtrinsicDiscount() {
        FlatConfig cpu = FlatConfig.preset(Preset.cpu, "block", 0, "ppo-rnd", 1, 1000);
        assertArrayEquals(new int[] {64, 64, 64}, cpu.rnd().predictorHidden());
        assertEquals(0.999, cpu.ppo().gamma());
        FlatConfig paper = FlatConfig.preset(Preset.paper, "block", 0, "ppo-rnd", 1, 1000);
        assertEquals(512, paper.rnd().embedding());
        assertEquals(1e-4, paper.rnd().learningRate());
        FlatConfig ppo = FlatConfig.preset(Preset.cpu, "block", 0, "ppo", 1, 1000);
        assertNull(ppo.rnd());
        assertEquals(0.99, ppo.ppo().gamma(), "plain PPO keeps the released discount");
    }

    @Test
    void ppoRndWithoutItsSettingsOrAValueNetIsRefusedNamingWhy() {
        FlatConfig cpu = FlatConfig.preset(Preset.cpu, "waypoint", 0, "ppo-rnd", 1, 1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Named.from(cpu).set("rnd", null).build());
        assertTrue(e.getMessage().contains("ppo-rnd needs its rnd settings"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Named.from(cpu).set("ppo", PpoConfig.sectar()).build());
        assertTrue(e.getMessage().contains("ppo.valueHidden must not be empty), got []"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Named.from(cpu).set("algo", "ppo-icm").build());
        assertTrue(e.getMessage().contains("'ppo-icm'"), e.getMessage());
    }
}

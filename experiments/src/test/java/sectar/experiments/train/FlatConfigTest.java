package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import sectar.sim.tasks.Tasks;

/** The flat presets: ppo-rnd carries its RND settings, ppo and trpo none, and a ppo-rnd without what it needs is refused. */
class FlatConfigTest {
    private static FlatConfig preset(Algorithm algo, Preset preset) {
        return (FlatConfig) Presets.build(algo, preset, "block", 0, 1, 1, 1000);
    }

    @Test
    void ppoRndPresetsCarryRndAndTheExtrinsicDiscount() {
        FlatConfig cpu = preset(Algorithm.ppo_rnd, Preset.cpu);
        assertArrayEquals(new int[] {64, 64, 64}, cpu.rnd().predictorHidden());
        assertEquals(0.999, cpu.ppo().gamma());
        FlatConfig paper = preset(Algorithm.ppo_rnd, Preset.paper);
        assertEquals(512, paper.rnd().embedding());
        assertEquals(1e-4, paper.rnd().learningRate());
        FlatConfig ppo = preset(Algorithm.ppo, Preset.cpu);
        assertNull(ppo.rnd());
        assertEquals(0.99, ppo.ppo().gamma(), "plain PPO keeps the released discount");
    }

    /** The ppo-rnd cpu preset's tree with {@code key} replaced by {@code value}, as a record. */
    private static FlatConfig with(String key, JsonNode value) {
        ObjectNode tree = Presets.tree(Algorithm.ppo_rnd, Preset.cpu, Tasks.instance("waypoint", 0), 1, 1, 1000);
        ConfigOverrides.put(tree, key, value, "test");
        return ConfigOverrides.toRecord(tree, FlatConfig.class, List.of());
    }

    @Test
    void ppoRndWithoutItsSettingsOrAValueNetIsRefusedNamingWhy() {
        ObjectMapper json = new ObjectMapper();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with("rnd", NullNode.getInstance()));
        assertTrue(e.getMessage().contains("ppo-rnd needs its rnd settings"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> with("ppo.valueHidden", json.createArrayNode()));
        assertTrue(e.getMessage().contains("ppo.valueHidden must not be empty), got []"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> with("algo", json.getNodeFactory().textNode("ppo-icm")));
        assertTrue(e.getMessage().contains("ppo-icm") && e.getMessage().contains("[ppo, trpo, ppo-rnd]"), e.getMessage());
    }
}

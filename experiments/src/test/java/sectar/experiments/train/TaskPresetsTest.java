package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.TreeMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import sectar.sim.TaskInstance;
import sectar.sim.tasks.Tasks;

/** Per-task preset numbers come from data, and presets fit the lengths of the instance they are built for. */
class TaskPresetsTest {
    /** Bundled block instance 0 with segments of 9 steps and episodes of 30 segments. */
    private static TaskInstance shorterSegments() {
        TaskInstance b = Tasks.instance("block", 0);
        TreeMap<String, Double> p = new TreeMap<>(b.parameters());
        p.put("segment_len", 9.0);
        p.put("episode_segments", 30.0);
        return new TaskInstance("block", 0, "test", p, b.start(), b.objects(), b.goals());
    }

    @Test
    void everyRegisteredTaskHasPresetNumbers() {
        for (String task : Tasks.names()) assertNotNull(TaskPresets.of(task).sectar(), task);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskPresets.of("nope"));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("block"), e.getMessage());
    }

    @Test
    void releasedNumbersAreTheSpecs() {
        assertEquals(95, OneStepConfig.preset(Preset.paper, "block", 0, 1, 1).horizon());
        assertEquals(2970, OneStepConfig.preset(Preset.paper, "swimmer", 0, 1, 1).horizon());
        assertEquals(50, SectarRunConfig.preset(Preset.paper, "block", 0, 1, 1).mpc().segments());
        assertEquals(Math.log(20), FlatConfig.preset(Preset.cpu, "wheeled", 0, "ppo", 1, 1).initLogStd());
    }

    @Test
    void consistencyRolloutsArePerTaskInTheCpuPresetOnly() {
        for (String task : Tasks.names()) assertEquals(20, SectarRunConfig.preset(Preset.paper, task, 0, 1, 1).consistencyRollouts(), task);
        assertEquals(100, SectarRunConfig.preset(Preset.cpu, "swimmer", 0, 1, 1).consistencyRollouts());
        assertEquals(20, SectarRunConfig.preset(Preset.cpu, "waypoint", 0, 1, 1).consistencyRollouts());
    }

    @Test
    void theBehaviourCloningWeightIsPerTaskInTheCpuPresetOnly() {
        for (String task : Tasks.names()) assertEquals(100.0, SectarRunConfig.preset(Preset.paper, task, 0, 1, 1).model().bcWeight(), task);
        assertEquals(10.0, SectarRunConfig.preset(Preset.cpu, "swimmer", 0, 1, 1).model().bcWeight());
        for (String task : List.of("waypoint", "block", "wheeled"))
            assertEquals(100.0, SectarRunConfig.preset(Preset.cpu, task, 0, 1, 1).model().bcWeight(), task);
        assertEquals("cpu", SectarRunConfig.preset(Preset.cpu, "swimmer", 0, 1, 1).model().preset(), "still the cpu networks");
    }

    @Test
    void presetsOfAUserInstanceFitItsOwnSegmentAndEpisodeLengths() {
        TaskInstance mine = shorterSegments();
        assertEquals(5 * 9, OneStepConfig.preset(Preset.paper, mine, 1, 1).horizon(), "released plan: 5 segments of 9");
        assertEquals(2 * 9, OneStepConfig.preset(Preset.cpu, mine, 1, 1).horizon(), "cpu plan: 2 segments of 9");
        SectarRunConfig s = SectarRunConfig.preset(Preset.cpu, mine, 1, 1);
        assertEquals(30, s.mpc().segments(), "MPC episodes of the instance's 30 segments");
        assertEquals(mine, s.taskInstance());
        assertEquals(mine, ((FlatConfig) Algorithm.ppo.preset(Preset.cpu, mine, 1, 1, 1000)).taskInstance());
    }
}

package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sectar.sim.TaskInstance;
import sectar.sim.tasks.Tasks;

/**
 * The preset files: every algorithm x preset x task builds a config its record accepts, per-task numbers
 * come from the task's overlays, and presets fit the lengths of the instance they are built for.
 */
class PresetsTest {
    /** Bundled block instance 0 with segments of 9 steps and episodes of 30 segments. */
    private static TaskInstance shorterSegments() {
        TaskInstance b = Tasks.instance("block", 0);
        TreeMap<String, Double> p = new TreeMap<>(b.parameters());
        p.put("segment_len", 9.0);
        p.put("episode_segments", 30.0);
        return new TaskInstance("block", 0, "test", p, b.start(), b.objects(), b.goals());
    }

    private static SectarRunConfig sectar(Preset preset, String task) {
        return (SectarRunConfig) Presets.build(Algorithm.sectar, preset, task, 0, 1, 1, 1);
    }

    @Test
    void everyAlgorithmPresetAndTaskBuildsAValidConfigOfItsRecord() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Algorithm algo : Algorithm.values())
            for (Preset preset : Preset.values())
                for (String task : Tasks.names())
                    for (int instance = 0; instance < Tasks.NUM_INSTANCES; instance++) {
                        String what = algo + " " + preset + " " + task + " " + instance;
                        Record c = Presets.build(algo, preset, task, instance, 3, 7, 5000); // the record's checks run here
                        assertInstanceOf(algo.configType(), c, what);
                        String written = ConfigJson.write(c);
                        Record back = json.readValue(written, algo.configType());
                        assertEquals(written, ConfigJson.write(back), what + ": config.json reads back as the same config");
                    }
    }

    @Test
    void theRunsArgumentsAreItsIdentity() {
        FlatConfig f = (FlatConfig) Presets.build(Algorithm.ppo_rnd, Preset.paper, "wheeled", 2, 9, 1, 1234);
        assertEquals(List.of("wheeled", 2, FlatConfig.Update.ppo_rnd, Preset.paper, 9L, 1234L),
                List.of(f.task(), f.instance(), f.algo(), f.preset(), f.seed(), f.envSteps()));
        assertEquals(Tasks.instance("wheeled", 2), f.taskInstance());
        SectarRunConfig s = sectar(Preset.cpu, "swimmer");
        assertEquals(1, s.iterations());
    }

    @Test
    void releasedNumbersAreTheSpecs() {
        assertEquals(95, ((OneStepConfig) Presets.build(Algorithm.mpc1step, Preset.paper, "block", 0, 1, 1, 1)).horizon());
        assertEquals(2970, ((OneStepConfig) Presets.build(Algorithm.mpc1step, Preset.paper, "swimmer", 0, 1, 1, 1)).horizon());
        assertEquals(50, sectar(Preset.paper, "block").mpc().segments());
        assertEquals(Math.log(20), ((FlatConfig) Presets.build(Algorithm.ppo, Preset.cpu, "wheeled", 0, 1, 1, 1)).initLogStd());
    }

    @Test
    void taskOverlaysChangeOnlyTheirTaskAndTheirPreset() {
        for (String task : Tasks.names()) {
            assertEquals(20, sectar(Preset.paper, task).consistencyRollouts(), task);
            assertEquals(100.0, sectar(Preset.paper, task).model().bcWeight(), task);
        }
        assertEquals(100, sectar(Preset.cpu, "swimmer").consistencyRollouts());
        assertEquals(10.0, sectar(Preset.cpu, "swimmer").model().bcWeight());
        for (String task : List.of("waypoint", "block", "wheeled")) {
            assertEquals(20, sectar(Preset.cpu, task).consistencyRollouts(), task);
            assertEquals(100.0, sectar(Preset.cpu, task).model().bcWeight(), task);
        }
        assertEquals("cpu", sectar(Preset.cpu, "swimmer").model().preset(), "still the cpu networks");
    }

    @Test
    void presetsOfAUserInstanceFitItsOwnSegmentAndEpisodeLengths() {
        TaskInstance mine = shorterSegments();
        assertEquals(5 * 9, ((OneStepConfig) Presets.build(Algorithm.mpc1step, Preset.paper, mine, 1, 1, 1)).horizon(),
                "released plan: 5 segments of 9");
        assertEquals(2 * 9, ((OneStepConfig) Presets.build(Algorithm.mpc1step, Preset.cpu, mine, 1, 1, 1)).horizon(),
                "cpu plan: 2 segments of 9");
        SectarRunConfig s = (SectarRunConfig) Presets.build(Algorithm.sectar, Preset.cpu, mine, 1, 1, 1);
        assertEquals(30, s.mpc().segments(), "MPC episodes of the instance's 30 segments");
        assertEquals(mine, s.taskInstance());
        assertEquals(mine, ((FlatConfig) Presets.build(Algorithm.ppo, Preset.cpu, mine, 1, 1, 1000)).taskInstance());
    }

    @Test
    void setsComeAfterThePresetAndAreValidatedByTheRecord() {
        SectarRunConfig s = (SectarRunConfig) Presets.build(Algorithm.sectar, Preset.cpu, Tasks.instance("swimmer", 0), 1, 1, 1,
                List.of("model.bcWeight=3", "mpc.segments=7"));
        assertEquals(3.0, s.model().bcWeight());
        assertEquals(7, s.mpc().segments(), "a set overrides even what follows from the instance");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.build(Algorithm.sectar,
                Preset.cpu, Tasks.instance("swimmer", 0), 1, 1, 1, List.of("model.bcWeight=-1")));
        assertTrue(e.getMessage().contains("bcWeight must be >= 0, got -1.0"), e.getMessage());
    }
}

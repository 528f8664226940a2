package sectar.experiments.bench;

import java.util.List;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.Preset;
import sectar.experiments.train.Presets;
import sectar.experiments.train.SectarRunConfig;
import sectar.sim.tasks.Tasks;

/** The configs the benches measure: SeCTAR's preset on waypoint instance 0, as {@code sectar train} builds it. */
final class BenchPresets {
    private BenchPresets() {}

    /** The preset called {@code preset} ("paper" or "cpu") with {@code sets} ({@code key=value}) applied. */
    static SectarRunConfig sectar(String preset, String... sets) {
        return (SectarRunConfig) Presets.build(Algorithm.sectar, Preset.named(preset), Tasks.instance("waypoint", 0), 0, 1, 1,
                List.of(sets));
    }

    /**
     * Candidates and segments of the planning call timed: the paper preset's own (2048 x 10 on waypoint);
     * for cpu the PyTorch reference's 512 x 5, kept so the committed measurements stay comparable (it is
     * not the cpu preset's own plan).
     */
    static int[] planShape(SectarRunConfig cfg) {
        return cfg.preset() == Preset.paper ? new int[] {cfg.mpc().candidates(), cfg.mpc().horizon()} : new int[] {512, 5};
    }
}

package sectar.experiments.train;

import java.util.ArrayList;
import java.util.List;
import sectar.sim.tasks.Tasks;

/**
 * A SeCTAR run small enough for tests of the loop's bookkeeping (it does not learn much): the cpu
 * preset on waypoint (or another task's) instance 0 with 16-wide networks, episodes of 3 segments and a handful of
 * rollouts, written in the {@code --set} language.
 */
final class TinySectar {
    private static final List<String> TINY = List.of(
            "model.encoderHidden=16", "model.decoderHidden=16", "model.encoderHeadHidden=16,16", "model.meanHeadHidden=16,16",
            "model.policyHidden=16,16", "model.batchSize=16",
            "mpc.episodes=2", "mpc.candidates=16", "mpc.horizon=2", "mpc.segments=3", "mpc.executeSteps=0",
            "explorer.starts=8", "explorer.segments=2", "explorer.hidden=16", "explorer.resetEntropy=1.34",
            "vaePasses=2", "vaeStepsPerPass=2", "validationBatches=1", "validationBatch=4", "consistencyRollouts=4",
            "replayCapacity=1000", "validationCapacity=100", "checkpointEvery=1", "mpcToReplay=false");

    private TinySectar() {}

    /** The tiny run, then {@code more} sets. */
    static SectarRunConfig config(long seed, int iterations, String... more) { return config("waypoint", seed, iterations, more); }

    /** The tiny run on instance 0 of {@code task}, then {@code more} sets. */
    static SectarRunConfig config(String task, long seed, int iterations, String... more) {
        List<String> sets = new ArrayList<>(TINY);
        sets.addAll(List.of(more));
        return (SectarRunConfig) Presets.build(Algorithm.sectar, Preset.cpu, Tasks.instance(task, 0), seed, iterations, 1, sets);
    }
}

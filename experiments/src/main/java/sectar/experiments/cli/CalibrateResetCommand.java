package sectar.experiments.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.agent.loop.ExplorerConfig;
import sectar.agent.loop.ResetCalibration;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.Preset;
import sectar.experiments.train.Presets;
import sectar.experiments.train.SectarRunConfig;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** {@code sectar calibrate-reset <task>}: the explorer reset threshold that fits the preset's explorer. */
@Command(name = "calibrate-reset", mixinStandardHelpOptions = true,
        description = "Find the explorer reset threshold for the preset's explorer (its widths and action repeat), measured as it "
                + "runs: its fresh nets' median entropy minus the released explorer's margin (the released fresh median minus the "
                + "released threshold).")
final class CalibrateResetCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "waypoint or block (the tasks whose released threshold is not 0)")
    String task;

    @Option(names = "--preset", defaultValue = "cpu", description = "the preset whose explorer is calibrated: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Preset preset;

    @Option(names = "--hidden", split = ",", description = "explorer widths instead of the preset's")
    int[] hidden;

    @Option(names = "--samples", defaultValue = "300", description = "fresh initialisations per explorer (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the initialisations (default: ${DEFAULT-VALUE})")
    long seed;

    @Override public Integer call() {
        int min = ResetCalibration.MIN_SAMPLES;
        if (samples < min) throw new IllegalArgumentException("--samples must be >= " + min + ", got " + samples);
        if (hidden != null) for (int h : hidden) if (h < 1) throw new IllegalArgumentException("--hidden widths must be >= 1, got " + h);
        SectarRunConfig paper = (SectarRunConfig) Presets.build(Algorithm.sectar, Preset.paper, task, 0, seed, 1, 1);
        if (!(paper.explorer().resetEntropy() > 0))
            throw new IllegalArgumentException("task " + task + " has no explorer reset (released threshold 0)");
        ExplorerConfig target = ((SectarRunConfig) Presets.build(Algorithm.sectar, preset, task, 0, seed, 1, 1)).explorer();
        if (hidden != null) target = target.withHidden(hidden);
        TaskSpec s = Tasks.spec(task, 0);
        ResetCalibration c = ResetCalibration.calibrate(paper.explorer(), target, paper.ppo(), s, Tasks.entry(task).env().apply(s),
                samples, seed);
        spec.commandLine().getOut().printf("{\"task\":\"%s\",\"released_threshold\":%.4f,\"released_share_below\":%.4f,"
                        + "\"released_median\":%.4f,\"hidden\":\"%s\",\"action_repeat\":%d,\"median\":%.4f,"
                        + "\"threshold\":%.4f,\"samples\":%d}%n", task, paper.explorer().resetEntropy(), c.releasedShare(),
                c.releasedMedian(), Arrays.toString(target.hidden()), target.repeat(), c.targetMedian(),
                c.threshold(), c.samples());
        return 0;
    }
}

package sectar.experiments.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.agent.loop.ResetCalibration;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.Preset;
import sectar.experiments.train.Presets;
import sectar.experiments.train.SectarRunConfig;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** {@code sectar calibrate-reset <task>}: the explorer reset threshold that fits a network size. */
@Command(name = "calibrate-reset", mixinStandardHelpOptions = true,
        description = "Find the explorer reset threshold for a network size: the entropy below which fresh explorers of "
                + "that size fall as often as fresh released 400-300-200 explorers fall below the released threshold.")
final class CalibrateResetCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "waypoint or block (the tasks whose released threshold is not 0)")
    String task;

    @Option(names = "--hidden", split = ",", defaultValue = "64,64", description = "explorer widths to calibrate for (default: ${DEFAULT-VALUE})")
    int[] hidden;

    @Option(names = "--samples", defaultValue = "300", description = "fresh initialisations per size (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the initialisations (default: ${DEFAULT-VALUE})")
    long seed;

    @Override public Integer call() {
        if (samples < 10) throw new IllegalArgumentException("--samples must be >= 10, got " + samples);
        for (int h : hidden) if (h < 1) throw new IllegalArgumentException("--hidden widths must be >= 1, got " + h);
        SectarRunConfig paper = (SectarRunConfig) Presets.build(Algorithm.sectar, Preset.paper, task, 0, seed, 1, 1);
        if (!(paper.explorer().resetEntropy() > 0))
            throw new IllegalArgumentException("task " + task + " has no explorer reset (released threshold 0)");
        TaskSpec s = Tasks.spec(task, 0);
        ResetCalibration c = ResetCalibration.calibrate(paper.explorer(), paper.ppo(), paper.explorer().hidden(), hidden, s,
                Tasks.entry(task).env().apply(s), samples, seed);
        spec.commandLine().getOut().printf("{\"task\":\"%s\",\"released_threshold\":%.4f,\"released_share_below\":%.4f,"
                        + "\"hidden\":\"%s\",\"threshold\":%.4f,\"samples\":%d}%n", task, paper.explorer().resetEntropy(),
                c.releasedShare(), java.util.Arrays.toString(hidden), c.threshold(), c.samples());
        return 0;
    }
}

package sectar.experiments.campaign;

import java.util.List;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.Presets;
import sectar.sim.tasks.Tasks;

/**
 * The config record a campaign run trains with, built exactly as {@code sectar train} builds it from the
 * run's arguments (preset, budget, then each {@code --set} in order) and validated by the record: a
 * campaign builds every run's config before it starts any, so a bad override fails at once, not at the
 * first run that reaches it.
 */
public final class RunConfigs {
    private RunConfigs() {}

    /** The config of {@code run}, whose budget must be resolved; a bad override is a one-line error naming the run. */
    public static Record of(RunSpec run) {
        Algorithm algo = run.algo();
        int iterations = 1;
        long envSteps = 1;
        if (run.setup().budget() instanceof Budget.Iterations i) iterations = i.iterations();
        else if (run.setup().budget() instanceof Budget.EnvSteps e) {
            envSteps = e.steps();
            if (algo.countsIterations()) iterations = oneStepIterationsOf(run);
        } else throw new IllegalStateException("run " + run.name() + " has an unresolved budget");
        try {
            return Presets.build(algo, run.setup().preset(), Tasks.instance(run.task(), run.instance()), run.seed(),
                    iterations, envSteps, run.setup().sets());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run " + run.name() + ": " + e.getMessage());
        }
    }

    /** Builds and validates the config of every run of {@code runs}, failing on the first bad one. */
    public static void validate(List<RunSpec> runs) {
        for (RunSpec r : runs) of(r);
    }

    private static int oneStepIterationsOf(RunSpec run) {
        List<String> args = run.trainArgs();
        return Integer.parseInt(args.get(args.indexOf("--iterations") + 1));
    }
}

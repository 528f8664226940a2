package sectar.experiments.campaign;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.FlatConfig;
import sectar.experiments.train.SectarRunConfig;

/**
 * Resolves a budget matched to SeCTAR ({@link Budget.MatchSectar}) into env steps: the largest env-step
 * count of the instance's reference SeCTAR runs once all of them have finished (read from their
 * metrics), else the upper bound SeCTAR's config implies (its iterations times the most env steps one
 * iteration can take); then rounded up to the algorithm's own batch, so the number in the run's
 * arguments is the number it trains on. Nothing here is typed in, and nothing depends on the machine.
 */
public final class StepMatch {
    private StepMatch() {}

    /**
     * A run with its budget resolved.
     *
     * @param spec   the run, budgeted in iterations or env steps
     * @param source where a matched budget came from ("" for a budget given directly)
     */
    public record Resolved(RunSpec spec, String source) {}

    /**
     * {@code run} resolved against the campaign folder {@code root} as it is now; with {@code root} null,
     * as before any run has finished (the upper bound: what a cluster campaign gives, whose runs all
     * start at once).
     */
    public static Resolved resolve(Experiment exp, RunSpec run, Path root) {
        if (!(run.setup().budget() instanceof Budget.MatchSectar)) return new Resolved(run, "");
        List<RunSpec> refs = exp.referenceRuns(run.instance());
        long steps;
        String source;
        if (root != null && refs.stream().allMatch(r -> RunState.of(r.dir(root)) == RunState.FINISHED)) {
            steps = refs.stream().mapToLong(r -> lastEnvSteps(r.dir(root))).max().orElseThrow();
            source = String.format(Locale.ROOT, "the most of SeCTAR's %d finished runs of instance %d", refs.size(), run.instance());
        } else {
            SectarRunConfig c = (SectarRunConfig) RunConfigs.of(refs.get(0));
            long perIteration = c.maxEnvStepsPerIteration();
            steps = c.iterations() * perIteration;
            source = String.format(Locale.ROOT, "SeCTAR's upper bound, %d iterations x %,d env steps (its runs of instance %d have not all finished)",
                    c.iterations(), perIteration, run.instance());
        }
        RunSpec resolved = run.withBudget(Budget.envSteps(steps));
        long batch = batch(resolved);
        long rounded = (steps + batch - 1) / batch * batch;
        if (rounded != steps) {
            resolved = run.withBudget(Budget.envSteps(rounded));
            source += String.format(Locale.ROOT, ", rounded up to whole batches of %,d", batch);
        }
        return new Resolved(resolved, source);
    }

    /** The env steps one iteration of the run's algorithm takes at most (1 where the run converts steps to iterations itself). */
    private static long batch(RunSpec run) {
        return RunConfigs.of(run) instanceof FlatConfig f ? f.iterationSteps() : 1;
    }

    private static long lastEnvSteps(Path runDir) {
        double[] steps = MetricsCsv.read(runDir.resolve(RunDirectory.METRICS)).column("env_steps");
        if (steps.length == 0) throw new IllegalStateException("finished run " + runDir + " has no metrics rows");
        return (long) steps[steps.length - 1];
    }
}

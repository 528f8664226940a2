package sectar.experiments.campaign;

import java.util.Arrays;
import java.util.List;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.Preset;

/**
 * One algorithm of an experiment: its {@code sectar train --algo}, config preset, budget and any
 * {@code --set key=value} overrides of its config.
 *
 * @param algo   the algorithm
 * @param preset its preset
 * @param budget how long each of its runs trains (iterations for sectar; env steps, or SeCTAR's, for the others)
 * @param sets   {@code key=value} config overrides passed to {@code sectar train --set}, in order
 */
public record AlgoSetup(Algorithm algo, Preset preset, Budget budget, List<String> sets) {
    public AlgoSetup {
        if (algo == null) throw new IllegalArgumentException("an algorithm setup needs its algorithm, one of " + Arrays.toString(Algorithm.values()));
        if (preset == null) throw new IllegalArgumentException("an algorithm setup needs its preset, one of " + Arrays.toString(Preset.values()));
        if (algo == Algorithm.sectar && !(budget instanceof Budget.Iterations))
            throw new IllegalArgumentException("sectar is budgeted by iterations, got " + budget.describe());
        if (!algo.countsIterations() && budget instanceof Budget.Iterations)
            throw new IllegalArgumentException(algo + " is budgeted by env steps, got " + budget.describe());
        sets = List.copyOf(sets);
    }

    public static AlgoSetup of(Algorithm algo, Preset preset, Budget budget) { return new AlgoSetup(algo, preset, budget, List.of()); }

    /** This setup with a different budget (e.g. {@code --env-steps} from the command line). */
    public AlgoSetup withBudget(Budget b) { return new AlgoSetup(algo, preset, b, sets); }

    /** This setup with more overrides after its own. */
    public AlgoSetup withMoreSets(List<String> more) {
        List<String> all = new java.util.ArrayList<>(sets);
        all.addAll(more);
        return new AlgoSetup(algo, preset, budget, all);
    }
}

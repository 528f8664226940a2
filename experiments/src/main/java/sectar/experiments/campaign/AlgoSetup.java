package sectar.experiments.campaign;

import java.util.List;
import java.util.Set;

/**
 * One algorithm of an experiment: its {@code sectar train --algo} name, config preset, budget and any
 * {@code --set key=value} overrides of its config.
 *
 * @param algo   sectar, ppo, trpo, ppo-rnd or mpc1step
 * @param preset cpu or paper
 * @param budget how long each of its runs trains (iterations for sectar; env steps, or SeCTAR's, for the others)
 * @param sets   {@code key=value} config overrides passed to {@code sectar train --set}, in order
 */
public record AlgoSetup(String algo, String preset, Budget budget, List<String> sets) {
    /** The algorithms {@code sectar train} knows. */
    public static final List<String> ALGOS = List.of("sectar", "ppo", "trpo", "ppo-rnd", "mpc1step");

    public AlgoSetup {
        if (!ALGOS.contains(algo)) throw new IllegalArgumentException("unknown algorithm '" + algo + "'; expected one of " + ALGOS);
        if (!Set.of("cpu", "paper").contains(preset)) throw new IllegalArgumentException("unknown preset '" + preset + "'; expected cpu or paper");
        if (algo.equals("sectar") && !(budget instanceof Budget.Iterations))
            throw new IllegalArgumentException("sectar is budgeted by iterations, got " + budget.describe());
        if (Set.of("ppo", "trpo", "ppo-rnd").contains(algo) && budget instanceof Budget.Iterations)
            throw new IllegalArgumentException(algo + " is budgeted by env steps, got " + budget.describe());
        sets = List.copyOf(sets);
    }

    public static AlgoSetup of(String algo, String preset, Budget budget) { return new AlgoSetup(algo, preset, budget, List.of()); }

    /** This setup with a different budget (e.g. {@code --env-steps} from the command line). */
    public AlgoSetup withBudget(Budget b) { return new AlgoSetup(algo, preset, b, sets); }

    /** This setup with more overrides after its own. */
    public AlgoSetup withMoreSets(List<String> more) {
        List<String> all = new java.util.ArrayList<>(sets);
        all.addAll(more);
        return new AlgoSetup(algo, preset, budget, all);
    }
}

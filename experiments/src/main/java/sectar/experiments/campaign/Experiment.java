package sectar.experiments.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sectar.sim.tasks.Tasks;

/**
 * One task's comparison experiment as data: which algorithms (with presets and budgets), how many
 * seeds (1..seeds) and which instances. The per-task mains in {@code sectar.experiments.mains} each
 * declare one; {@link #plan} expands it, after the command line's overrides, into run specs.
 *
 * @param task      task name
 * @param algos     the algorithms in the order their runs are started for each instance and seed
 * @param seeds     run seeds 1..seeds
 * @param instances task instances
 */
public record Experiment(String task, List<AlgoSetup> algos, int seeds, List<Integer> instances) {
    public Experiment {
        Tasks.entry(task);
        if (algos.isEmpty()) throw new IllegalArgumentException("an experiment needs at least one algorithm");
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        if (instances.isEmpty()) throw new IllegalArgumentException("an experiment needs at least one instance");
        for (int k : instances) Tasks.spec(task, k);
        Map<String, AlgoSetup> byName = new LinkedHashMap<>();
        for (AlgoSetup a : algos)
            if (byName.put(a.algo(), a) != null) throw new IllegalArgumentException("algorithm " + a.algo() + " is listed twice");
        algos = List.copyOf(algos);
        instances = List.copyOf(instances);
    }

    /** The setup of {@code algo}, failing with the experiment's algorithms when it has none. */
    public AlgoSetup setup(String algo) {
        for (AlgoSetup a : algos) if (a.algo().equals(algo)) return a;
        throw new IllegalArgumentException("algorithm '" + algo + "' is not in the " + task + " experiment; it has "
                + algos.stream().map(AlgoSetup::algo).toList());
    }

    /** This experiment with only {@code names} (in the order given). */
    public Experiment onlyAlgos(List<String> names) {
        List<AlgoSetup> kept = new ArrayList<>();
        for (String n : names) kept.add(setup(n));
        return new Experiment(task, kept, seeds, instances);
    }

    public Experiment withSeeds(int n) { return new Experiment(task, algos, n, instances); }

    public Experiment withInstances(List<Integer> ks) { return new Experiment(task, algos, seeds, ks); }

    /** Every algorithm budgeted by env steps gets {@code steps} instead. */
    public Experiment withEnvSteps(long steps) {
        List<AlgoSetup> out = new ArrayList<>();
        for (AlgoSetup a : algos) out.add(a.budget() instanceof Budget.EnvSteps ? a.withBudget(Budget.envSteps(steps)) : a);
        return new Experiment(task, out, seeds, instances);
    }

    /** {@code algo}'s runs train for {@code budget} instead. */
    public Experiment withBudget(String algo, Budget budget) {
        setup(algo);
        List<AlgoSetup> out = new ArrayList<>();
        for (AlgoSetup a : algos) out.add(a.algo().equals(algo) ? a.withBudget(budget) : a);
        return new Experiment(task, out, seeds, instances);
    }

    /** {@code algo}'s runs also get the overrides {@code sets}. */
    public Experiment withSets(String algo, List<String> sets) {
        List<AlgoSetup> out = new ArrayList<>();
        for (AlgoSetup a : algos) out.add(a.algo().equals(algo) ? a.withMoreSets(sets) : a);
        setup(algo);
        return new Experiment(task, out, seeds, instances);
    }

    /** The runs, instance by instance, then seed by seed, then algorithm by algorithm (so early results compare). */
    public List<RunSpec> plan() {
        List<RunSpec> runs = new ArrayList<>();
        for (int k : instances)
            for (long s = 1; s <= seeds; s++)
                for (AlgoSetup a : algos) runs.add(new RunSpec(task, a, k, s));
        return runs;
    }
}

package sectar.experiments.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sectar.experiments.train.Algorithm;
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
 * @param reference the SeCTAR setup whose runs (seeds 1..seeds of each instance) set the env steps of
 *                  every algorithm budgeted by {@link Budget.MatchSectar}; kept when {@code --algos}
 *                  leaves SeCTAR out, so a baseline added later still matches the same runs (null when
 *                  the experiment has no SeCTAR)
 */
public record Experiment(String task, List<AlgoSetup> algos, int seeds, List<Integer> instances, AlgoSetup reference) {
    /** An experiment whose reference is its own SeCTAR setup, if it has one. */
    public Experiment(String task, List<AlgoSetup> algos, int seeds, List<Integer> instances) {
        this(task, algos, seeds, instances, algos.stream().filter(a -> a.algo() == Algorithm.sectar).findFirst().orElse(null));
    }

    public Experiment {
        if (reference != null && reference.algo() != Algorithm.sectar)
            throw new IllegalArgumentException("the reference of the baselines' env steps must be a sectar setup, got " + reference.algo());
        if (reference == null && algos.stream().anyMatch(a -> a.budget() instanceof Budget.MatchSectar))
            throw new IllegalArgumentException("an algorithm is budgeted by SeCTAR's env steps, but the experiment has no SeCTAR setup");
        Tasks.entry(task);
        if (algos.isEmpty()) throw new IllegalArgumentException("an experiment needs at least one algorithm");
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        if (instances.isEmpty()) throw new IllegalArgumentException("an experiment needs at least one instance");
        for (int k : instances) Tasks.spec(task, k);
        Map<Algorithm, AlgoSetup> byName = new LinkedHashMap<>();
        for (AlgoSetup a : algos)
            if (byName.put(a.algo(), a) != null) throw new IllegalArgumentException("algorithm " + a.algo() + " is listed twice");
        algos = List.copyOf(algos);
        instances = List.copyOf(instances);
    }

    /** The setup of {@code algo}, failing with the experiment's algorithms when it has none. */
    public AlgoSetup setup(Algorithm algo) {
        for (AlgoSetup a : algos) if (a.algo() == algo) return a;
        throw new IllegalArgumentException("algorithm '" + algo + "' is not in the " + task + " experiment; it has "
                + algos.stream().map(AlgoSetup::algo).toList());
    }

    /** This experiment with only {@code kept} (in the order given). */
    public Experiment onlyAlgos(List<Algorithm> only) {
        List<AlgoSetup> kept = new ArrayList<>();
        for (Algorithm a : only) kept.add(setup(a));
        return new Experiment(task, kept, seeds, instances, reference);
    }

    public Experiment withSeeds(int n) { return new Experiment(task, algos, n, instances, reference); }

    public Experiment withInstances(List<Integer> ks) { return new Experiment(task, algos, seeds, ks, reference); }

    /** Every algorithm budgeted by env steps (given or SeCTAR's) gets {@code steps} instead. */
    public Experiment withEnvSteps(long steps) {
        List<AlgoSetup> out = new ArrayList<>();
        for (AlgoSetup a : algos) out.add(a.budget() instanceof Budget.Iterations ? a : a.withBudget(Budget.envSteps(steps)));
        return new Experiment(task, out, seeds, instances, reference);
    }

    /** {@code algo}'s runs train for {@code budget} instead. */
    public Experiment withBudget(Algorithm algo, Budget budget) {
        setup(algo);
        List<AlgoSetup> out = new ArrayList<>();
        for (AlgoSetup a : algos) out.add(a.algo() == algo ? a.withBudget(budget) : a);
        return new Experiment(task, out, seeds, instances, algo == Algorithm.sectar ? setupOf(out, Algorithm.sectar) : reference);
    }

    /** {@code algo}'s runs also get the overrides {@code sets}. */
    public Experiment withSets(Algorithm algo, List<String> sets) {
        List<AlgoSetup> out = new ArrayList<>();
        for (AlgoSetup a : algos) out.add(a.algo() == algo ? a.withMoreSets(sets) : a);
        setup(algo);
        return new Experiment(task, out, seeds, instances, algo == Algorithm.sectar ? setupOf(out, Algorithm.sectar) : reference);
    }

    private static AlgoSetup setupOf(List<AlgoSetup> setups, Algorithm algo) {
        return setups.stream().filter(a -> a.algo() == algo).findFirst().orElseThrow();
    }

    /** The reference SeCTAR runs of instance {@code k}: seeds 1..seeds, whose env steps the matched baselines take. */
    public List<RunSpec> referenceRuns(int k) {
        List<RunSpec> runs = new ArrayList<>();
        if (reference != null) for (long s = 1; s <= seeds; s++) runs.add(new RunSpec(task, reference, k, s));
        return runs;
    }

    /**
     * The runs, instance by instance: first SeCTAR's seeds (whose env steps the baselines match), then
     * seed by seed the other algorithms (so early results compare). Budgets matched to SeCTAR are still
     * unresolved here; {@link #plan(java.nio.file.Path)} resolves them.
     */
    public List<RunSpec> plan() {
        List<RunSpec> runs = new ArrayList<>();
        for (int k : instances) {
            for (long s = 1; s <= seeds; s++)
                for (AlgoSetup a : algos) if (a.algo() == Algorithm.sectar) runs.add(new RunSpec(task, a, k, s));
            for (long s = 1; s <= seeds; s++)
                for (AlgoSetup a : algos) if (a.algo() != Algorithm.sectar) runs.add(new RunSpec(task, a, k, s));
        }
        return runs;
    }

    /**
     * {@link #plan()} with every budget resolved against the campaign folder {@code root} as it is now
     * ({@code null}: as before any run has finished, see {@link StepMatch#resolve}).
     */
    public List<RunSpec> plan(java.nio.file.Path root) {
        return plan().stream().map(r -> StepMatch.resolve(this, r, root).spec()).toList();
    }
}

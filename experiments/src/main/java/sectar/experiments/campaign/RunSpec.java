package sectar.experiments.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.OneStepConfig;
import sectar.experiments.train.Presets;
import sectar.sim.tasks.Tasks;

/**
 * One run of a campaign: an algorithm's setup on one instance with one seed. Its name,
 * {@code <algo>/i<k>-s<seed>}, is its folder under the campaign's.
 *
 * @param task     task name
 * @param setup    the algorithm, preset, budget and overrides
 * @param instance task instance
 * @param seed     run seed
 */
public record RunSpec(String task, AlgoSetup setup, int instance, long seed) {
    public Algorithm algo() { return setup.algo(); }

    /** This run with another budget (a matched budget once resolved). */
    public RunSpec withBudget(Budget b) { return new RunSpec(task, setup.withBudget(b), instance, seed); }

    /** {@code <algo>/i<k>-s<seed>}. */
    public String name() { return setup.algo() + "/i" + instance + "-s" + seed; }

    /** The run's folder under the campaign folder {@code root}. */
    public Path dir(Path root) { return root.resolve(setup.algo().word()).resolve("i" + instance + "-s" + seed); }

    /**
     * The {@code sectar train} arguments of this run without {@code --out} and {@code --threads} (which
     * depend on where and beside what it runs, not on what it computes): a campaign started again
     * compares these with the ones it recorded, so a changed budget is not mixed with finished runs.
     */
    public List<String> trainArgs() {
        List<String> a = new ArrayList<>(List.of("train", task, "--algo", setup.algo().word(), "--preset", setup.preset().name(),
                "--instance", Integer.toString(instance), "--seed", Long.toString(seed)));
        Budget b = setup.budget();
        if (b instanceof Budget.EnvSteps e) {
            if (setup.algo() == Algorithm.mpc1step) a.addAll(List.of("--iterations", Integer.toString(oneStepIterations(e.steps()))));
            else a.addAll(List.of("--env-steps", Long.toString(e.steps())));
        } else if (b instanceof Budget.Iterations i) {
            a.addAll(List.of("--iterations", Integer.toString(i.iterations())));
        } else {
            throw new IllegalStateException("run " + name() + " is budgeted by SeCTAR's env steps, not yet resolved (StepMatch.resolve)");
        }
        for (String s : setup.sets()) a.addAll(List.of("--set", s));
        return a;
    }

    /**
     * The one-step MPC baseline counts iterations, not env steps: its random paths come first, then
     * each iteration adds {@code pathsPerIteration} episodes of at most the episode length, so this many
     * iterations take at most {@code steps} rounded up to a whole iteration (fewer when episodes end at
     * the last goal).
     */
    int oneStepIterations(long steps) {
        OneStepConfig c = (OneStepConfig) Presets.build(Algorithm.mpc1step, setup.preset(), task, instance, seed, 1, 1);
        long episode = Tasks.spec(task, instance).episodeSteps();
        long left = steps - (long) c.initialPaths() * episode;
        long perIteration = (long) c.pathsPerIteration() * episode;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + perIteration - 1) / perIteration));
    }
}

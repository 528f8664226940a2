package sectar.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.Preset;
import sectar.experiments.train.Presets;
import sectar.experiments.train.Trainer;
import sectar.experiments.train.TrainingLoop;
import sectar.planner.SearchConfig;
import sectar.sim.TaskInstance;

/**
 * {@code sectar train <task> --algo ...}: one training run into a run directory. Every algorithm runs
 * under the same {@link TrainingLoop} and writes a checkpoint that {@code sectar resume} continues from;
 * {@code --set} reaches any field of its config, and the per-field flags are shorthands for sets.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train on a task and write a run directory (config.json, metadata.json, metrics.csv, checkpoint.bin).")
final class TrainCommand implements Callable<Integer> {
    /** Defaults of the two budgets: {@code --iterations} (sectar, mpc1step) and {@code --env-steps} (ppo, trpo, ppo-rnd). */
    static final int DEFAULT_ITERATIONS = 20;
    static final long DEFAULT_ENV_STEPS = 20_000;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "task name (see `sectar tasks`)")
    String task;

    @Option(names = "--algo", required = true, converter = AlgorithmWord.class, description = "algorithm: ${COMPLETION-CANDIDATES}")
    Algorithm algo;

    @Option(names = "--preset", defaultValue = "cpu", description = "config preset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Preset preset;

    @Option(names = "--instance", defaultValue = "0", description = "task instance 0..4 (default: ${DEFAULT-VALUE})")
    int instance;

    @Option(names = "--instances-file", paramLabel = "FILE",
            description = InstanceChoice.FILE_HELP + "; the instance is embedded in config.json, so resume needs no file")
    Path instancesFile;

    @Option(names = "--seed", defaultValue = "1", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--env-steps", description = "ppo, trpo, ppo-rnd: environment-step budget (default: " + DEFAULT_ENV_STEPS + ")")
    Long envSteps;

    @Option(names = "--iterations",
            description = "sectar, mpc1step: outer (DAgger) iterations (default: " + DEFAULT_ITERATIONS + ")")
    Integer iterations;

    @Option(names = "--search", paramLabel = "METHOD", completionCandidates = SearchMethods.class,
            description = "sectar: latent search, ${COMPLETION-CANDIDATES} (same as --set mpc.search=...; default: the preset's)")
    String search;

    /** The search methods, as the planner registers them. */
    static final class SearchMethods implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return SearchConfig.methods().iterator(); }
    }

    @Option(names = "--progress-weight",
            description = "sectar: never-blind plan-score weight, 0 = released (same as --set mpc.progressWeight=...; default: the preset's)")
    Double progressWeight;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override any field of the run's config by its dotted path in config.json, e.g. "
                    + "--set mpc.horizon=2 --set model.policyHidden=64,64 (sectar), --set ppo.learningRate=1e-3 (ppo), --set rnd.intrinsicCoef=0.5 (ppo-rnd), "
                    + "--set candidates=512 (mpc1step); repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "2",
            description = "1 or 2 threads (results are identical; use 1 for two runs side by side)")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: a new folder under results/runs/)")
    Path out;

    @Option(names = "--force", description = "reuse a non-empty --out")
    boolean force;

    @Override public Integer call() {
        // validates task, instance and any instances file before anything is written
        TaskInstance inst = InstanceChoice.resolve(task, instancesFile, instance);
        if (threads != 1 && threads != 2) throw new IllegalArgumentException("--threads must be 1 or 2, got " + threads);
        Record cfg = Presets.build(algo, preset, inst, seed, budgetIterations(), budgetEnvSteps(), allSets());
        String json = ConfigJson.write(cfg);
        try (RunDirectory run = start(cfg); Trainer t = algo.trainer(cfg, threads > 1)) {
            new TrainingLoop(t).run(run, Progress.console(task + " " + algo, t.plannedIterations()), json);
            run.complete();
            spec.commandLine().getOut().println("run directory: " + run.dir());
        }
        return 0;
    }

    private int budgetIterations() {
        if (iterations != null && !algo.countsIterations())
            throw new IllegalArgumentException("--iterations does not apply to " + algo + ", whose budget is --env-steps");
        return iterations == null ? DEFAULT_ITERATIONS : iterations;
    }

    private long budgetEnvSteps() {
        if (envSteps != null && algo.countsIterations())
            throw new IllegalArgumentException("--env-steps does not apply to " + algo + ", whose budget is --iterations");
        return envSteps == null ? DEFAULT_ENV_STEPS : envSteps;
    }

    /** The per-field flags as the sets they stand for, then the explicit sets in order. */
    private List<String> allSets() {
        List<String> all = new ArrayList<>();
        if ((search != null || progressWeight != null) && algo != Algorithm.sectar)
            throw new IllegalArgumentException("--search and --progress-weight apply to sectar, not " + algo);
        if (search != null) all.add("mpc.search=" + search);
        if (progressWeight != null) all.add("mpc.progressWeight=" + progressWeight);
        all.addAll(sets);
        return all;
    }

    private RunDirectory start(Object cfg) {
        return RunDirectory.builder(task, algo.word(), seed).out(out).force(force).command(commandLine())
                .nd4j(Nd4jInfo.version()).gitDir(CodeLocation.folder()).start(cfg);
    }

    private List<String> commandLine() {
        List<String> args = new ArrayList<>(List.of("sectar"));
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        return args;
    }
}

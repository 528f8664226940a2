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
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.ConfigOverrides;
import sectar.experiments.train.FlatBaseline;
import sectar.experiments.train.FlatConfig;
import sectar.experiments.train.OneStepConfig;
import sectar.experiments.train.OneStepJob;
import sectar.experiments.train.SectarJob;
import sectar.experiments.train.SectarRunConfig;
import sectar.sim.Tasks;

/** {@code sectar train <task> --algo ...}: one training run into a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train on a task and write a run directory (config.json, metadata.json, metrics.csv).")
final class TrainCommand implements Callable<Integer> {
    /** The trainable algorithms. */
    enum Algo { sectar, ppo, trpo, mpc1step }

    /** Config presets: paper reproduces the released settings, cpu fits 2 cores. */
    enum Preset { cpu, paper }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "task name (see `sectar tasks`)")
    String task;

    @Option(names = "--algo", required = true, description = "algorithm: ${COMPLETION-CANDIDATES}")
    Algo algo;

    @Option(names = "--preset", defaultValue = "cpu", description = "config preset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Preset preset;

    @Option(names = "--instance", defaultValue = "0", description = "task instance 0..4 (default: ${DEFAULT-VALUE})")
    int instance;

    @Option(names = "--seed", defaultValue = "1", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--env-steps", defaultValue = "20000", description = "ppo/trpo: environment-step budget (default: ${DEFAULT-VALUE})")
    long envSteps;

    @Option(names = "--iterations", defaultValue = "20",
            description = "sectar, mpc1step: outer (DAgger) iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--search", description = "sectar: latent search, shooting (released) or cem (default: the preset's)")
    String search;

    @Option(names = "--progress-weight", description = "sectar: never-blind plan-score weight, 0 = released (default: the preset's)")
    Double progressWeight;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "sectar: override any field of the run config by its dotted path in config.json, e.g. "
                    + "--set mpc.horizon=2 --set vaeStepsPerPass=15 --set model.policyHidden=64,64 (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "2",
            description = "sectar: 1 or 2 threads for the networks (results are identical; use 1 for two runs side by side)")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: a new folder under results/runs/)")
    Path out;

    @Option(names = "--force", description = "reuse a non-empty --out")
    boolean force;

    @Override public Integer call() {
        Tasks.spec(task, instance); // validates task and instance before anything is written
        if (algo == Algo.sectar) return trainSectar();
        if (algo == Algo.mpc1step) return trainOneStep();
        FlatConfig cfg = FlatConfig.preset(preset.name(), task, instance, algo.name(), seed, envSteps);
        long perIteration = (long) cfg.envs() * cfg.episodesPerEnv() * Tasks.spec(task, instance).episodeSteps();
        try (RunDirectory run = start(cfg)) {
            FlatBaseline.train(cfg, run, Progress.console(task + " " + algo, (envSteps + perIteration - 1) / perIteration));
            run.complete();
            spec.commandLine().getOut().println("run directory: " + run.dir());
        }
        return 0;
    }

    private int trainSectar() {
        if (threads != 1 && threads != 2) throw new IllegalArgumentException("--threads must be 1 or 2, got " + threads);
        List<String> all = new ArrayList<>();
        if (search != null) all.add("mpc.search=" + search);
        if (progressWeight != null) all.add("mpc.progressWeight=" + progressWeight);
        all.addAll(sets);
        SectarRunConfig cfg = ConfigOverrides.apply(SectarRunConfig.preset(preset.name(), task, instance, seed, iterations),
                all, SectarRunConfig.class);
        try (RunDirectory run = start(cfg)) {
            SectarJob.run(cfg, run, Progress.console(task + " sectar", cfg.iterations()), ConfigJson.write(cfg), threads > 1);
            run.complete();
            spec.commandLine().getOut().println("run directory: " + run.dir());
        }
        return 0;
    }

    private int trainOneStep() {
        OneStepConfig cfg = OneStepConfig.preset(preset.name(), task, instance, seed, iterations);
        try (RunDirectory run = start(cfg)) {
            OneStepJob.run(cfg, run, Progress.console(task + " mpc1step", iterations));
            run.complete();
            spec.commandLine().getOut().println("run directory: " + run.dir());
        }
        return 0;
    }

    private RunDirectory start(Object cfg) {
        return RunDirectory.builder(task, algo.name(), seed).out(out).force(force).command(commandLine())
                .nd4j(Nd4jInfo.version()).gitDir(CodeLocation.folder()).start(cfg);
    }

    private List<String> commandLine() {
        List<String> args = new ArrayList<>(List.of("sectar"));
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        return args;
    }
}

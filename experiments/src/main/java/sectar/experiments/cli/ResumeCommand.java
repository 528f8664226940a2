package sectar.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.Trainer;
import sectar.experiments.train.TrainingLoop;
import sectar.sim.io.AtomicFiles;

/**
 * {@code sectar resume <run-dir>}: continues a stopped run of any algorithm from its last checkpoint
 * (or from the start when it stopped before its first) to its planned end, with the metrics an
 * uninterrupted run writes. A finished run is left as it is, also one kept without its checkpoint.
 * {@code --iterations N} extends the plan first (config.json records the new one): a run planned for
 * fewer iterations continues to N with exactly the metrics of a run planned for N, because SeCTAR and
 * the one-step MPC use their iteration count only to stop.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a stopped run (sectar, ppo, trpo, ppo-rnd or mpc1step) from its last checkpoint to its planned end.")
final class ResumeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run directory written by `sectar train`")
    Path dir;

    @Option(names = "--threads", defaultValue = "2",
            description = "1 or 2 threads (results are identical; use 1 for two runs side by side)")
    int threads;

    @Option(names = "--iterations", paramLabel = "N",
            description = "extend the run's plan to N iterations in all (sectar and mpc1step runs; a finished run continues)")
    Integer iterations;

    @Override public Integer call() throws IOException {
        if (threads != 1 && threads != 2) throw new IllegalArgumentException("--threads must be 1 or 2, got " + threads);
        JsonNode m = RunDirectory.readMetadata(dir, "RUN_DIR");
        if (iterations != null) extendPlan(Algorithm.named(m.path("algo").asText()));
        if ("completed".equals(m.path("status").asText()) && !Files.exists(dir.resolve(RunDirectory.CHECKPOINT))) {
            // a finished run kept without its checkpoint (as committed results are): restarting it would replace its metrics
            int rows = MetricsCsv.read(dir.resolve(RunDirectory.METRICS)).rows().size();
            spec.commandLine().getOut().println("run " + dir + " is already finished (" + rows + " iterations in "
                    + RunDirectory.METRICS + "; no " + RunDirectory.CHECKPOINT + " kept); nothing to do");
            return 0;
        }
        Algorithm algo = Algorithm.named(m.path("algo").asText());
        Record cfg = ConfigJson.read(algo, dir.resolve(RunDirectory.CONFIG));
        // the folder keeps its config.json as written; the run reads it with fields it predates filled in
        JsonNode written = ConfigJson.readTree(dir.resolve(RunDirectory.CONFIG));
        String json = ConfigJson.write(cfg);
        try (Trainer trainer = algo.trainer(cfg, threads > 1)) {
            TrainingLoop t = new TrainingLoop(trainer);
            t.restoreFrom(dir);
            boolean marked = "completed".equals(m.path("status").asText());
            if (t.finished() && marked) {
                spec.commandLine().getOut().println("run " + dir + " is already finished (" + t.iteration() + " iterations, "
                        + t.envSteps() + " env steps); nothing to do");
                return 0;
            }
            try (RunDirectory run = open(m, algo, written)) {
                if (t.finished()) {
                    // killed between its last checkpoint and complete(): only the status is missing
                    run.metrics().truncateAfter(t.iteration());
                    run.complete();
                    spec.commandLine().getOut().println("run " + dir + " had finished (" + t.iteration()
                            + " iterations) but was not marked completed; marked it");
                    return 0;
                }
                spec.commandLine().getOut().println("resuming " + dir + " after iteration " + t.iteration() + " of "
                        + trainer.plannedIterations());
                t.run(run, Progress.console(m.path("task").asText() + " " + algo, trainer.plannedIterations()), json);
                run.complete();
            }
        }
        MetricsCsv.Table table = MetricsCsv.read(dir.resolve(RunDirectory.METRICS));
        spec.commandLine().getOut().println("run directory: " + dir + " (" + table.rows().size() + " iterations)");
        return 0;
    }

    /** Rewrites config.json's planned iterations to {@link #iterations}, after checking the run can go there. */
    private void extendPlan(Algorithm algo) {
        if (!algo.countsIterations())
            throw new IllegalArgumentException("--iterations: a " + algo.word() + " run's budget is in env steps, not iterations");
        if (iterations < 1) throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
        Path metrics = dir.resolve(RunDirectory.METRICS);
        int done = Files.exists(metrics) ? MetricsCsv.read(metrics).rows().size() : 0;
        if (iterations < done)
            throw new IllegalArgumentException("--iterations " + iterations + ": run " + dir + " has already done " + done + " iterations");
        if (iterations > done && !Files.exists(dir.resolve(RunDirectory.CHECKPOINT)))
            throw new IllegalArgumentException("--iterations " + iterations + ": run " + dir + " kept no "
                    + RunDirectory.CHECKPOINT + " to continue from (" + done + " iterations done)");
        Path file = dir.resolve(RunDirectory.CONFIG);
        if (!(ConfigJson.readTree(file) instanceof ObjectNode tree) || !tree.path("iterations").isInt())
            throw new IllegalArgumentException("broken config " + file + ": no integer field 'iterations'");
        tree.put("iterations", iterations);
        AtomicFiles.writeString(file, ConfigJson.write(tree) + "\n");
    }

    private RunDirectory open(JsonNode m, Algorithm algo, JsonNode cfg) {
        List<String> command = iterations == null ? List.of("sectar", "resume", dir.toString())
                : List.of("sectar", "resume", dir.toString(), "--iterations", Integer.toString(iterations));
        return RunDirectory.builder(m.path("task").asText(), algo.word(), m.path("seed").asLong())
                .out(dir).resume(true).command(command).nd4j(Nd4jInfo.version())
                .gitDir(CodeLocation.folder()).start(cfg);
    }
}

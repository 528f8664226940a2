package sectar.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.SectarCheckpoint;
import sectar.experiments.train.SectarJob;
import sectar.experiments.train.SectarRunConfig;

/** {@code sectar resume <run-dir>}: continues a killed SeCTAR run from its last checkpoint to its planned end. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a stopped SeCTAR run from its last checkpoint to its planned number of iterations.")
final class ResumeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run directory written by `sectar train`")
    Path dir;

    @Override public Integer call() throws IOException {
        Path meta = dir.resolve(RunDirectory.METADATA);
        if (!Files.isRegularFile(meta)) throw new IllegalArgumentException("not a run directory (no metadata.json): " + dir);
        JsonNode m = new ObjectMapper().readTree(meta.toFile());
        String algo = m.path("algo").asText();
        if (!algo.equals("sectar"))
            throw new IllegalArgumentException("resume supports sectar runs; " + dir + " holds a '" + algo + "' run");
        SectarRunConfig cfg = ConfigJson.read(dir.resolve(RunDirectory.CONFIG), SectarRunConfig.class);
        Path ckpt = dir.resolve(SectarCheckpoint.FILE);
        int done = Files.exists(ckpt) ? SectarCheckpoint.iterationOf(ckpt) : 0;
        if (done >= cfg.iterations()) {
            spec.commandLine().getOut().println("run " + dir + " is already finished (" + done + " of " + cfg.iterations()
                    + " iterations); nothing to do");
            return 0;
        }
        try (RunDirectory run = RunDirectory.builder(cfg.task(), "sectar", cfg.seed()).out(dir).resume(true)
                .command(List.of("sectar", "resume", dir.toString())).nd4j(Nd4jInfo.version())
                .gitDir(CodeLocation.folder()).start(cfg)) {
            spec.commandLine().getOut().println("resuming " + dir + " after iteration " + done + " of " + cfg.iterations());
            SectarJob.run(cfg, run, Progress.console(cfg.task() + " sectar", cfg.iterations()), ConfigJson.write(cfg));
            run.complete();
        }
        MetricsCsv.Table t = MetricsCsv.read(dir.resolve(RunDirectory.METRICS));
        spec.commandLine().getOut().println("run directory: " + dir + " (" + t.rows().size() + " iterations)");
        return 0;
    }
}

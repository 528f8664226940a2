package sectar.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.experiments.plot.LearningCurves;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.tensorboard.EventFiles;
import sectar.experiments.tensorboard.RunEvents;

/**
 * {@code sectar export-tb RUN...}: TensorBoard event files for run folders that have none (runs
 * written before runs wrote events), from their metrics.csv and the start time in metadata.json, the
 * same scalars a live run writes.
 */
@Command(name = "export-tb", mixinStandardHelpOptions = true,
        description = "Write TensorBoard event files from metrics.csv for run folders that have none; then: tensorboard --logdir FOLDER.")
final class ExportTbCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run directories or folders holding them (searched recursively)")
    List<Path> inputs;

    @Option(names = "--force", description = "replace the event files of runs that have them")
    boolean force;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> runs = LearningCurves.findRuns(inputs);
        int written = 0;
        for (Path run : runs) {
            List<Path> existing = EventFiles.list(run);
            if (!existing.isEmpty() && !force) {
                out.println("skipped " + run + ": it has event files (--force replaces them)");
                continue;
            }
            String host = RunDirectory.readMetadata(run, "RUN").path("hostname").asText("localhost");
            MetricsCsv.Table table = MetricsCsv.read(run.resolve(RunDirectory.METRICS));
            Path file = RunEvents.export(run, RunDirectory.started(run), host, RunDirectory.rows(table));
            for (Path old : existing) Files.delete(old); // only once the new file is complete
            out.println("wrote " + file + " (" + table.rows().size() + " rows)");
            written++;
        }
        out.println("exported " + written + " of " + runs.size() + " run(s)");
        return 0;
    }
}

package sectar.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.sim.io.AtomicFiles;
import sectar.experiments.campaign.Report;

/** {@code sectar report [ROOT...]}: every campaign's summary.csv in one table of expert-normalised scores. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Gather every summary.csv under ROOT (default: results) into one markdown table of expert-normalised "
                + "final returns: per algorithm and task the interquartile mean over runs with a 95%% stratified-bootstrap "
                + "interval, and the IQM and mean over all tasks.")
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ROOT", arity = "0..*", description = "folders searched for summary.csv (default: results)")
    List<Path> roots;

    @Option(names = "--reps", defaultValue = "10000", description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the bootstrap's resampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the table to this markdown file")
    Path out;

    @Override public Integer call() {
        if (reps < 1) throw new IllegalArgumentException("--reps must be >= 1, got " + reps);
        List<Path> files = Report.summaries(roots == null || roots.isEmpty() ? List.of(Path.of("results")) : roots);
        String table = Report.markdown(Report.rows(files), reps, seed);
        spec.commandLine().getOut().print(table);
        spec.commandLine().getOut().flush();
        if (out != null) AtomicFiles.writeString(out, table);
        return 0;
    }
}

package sectar.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.experiments.campaign.MarkedSection;
import sectar.experiments.campaign.Report;
import sectar.experiments.campaign.SummaryRow;
import sectar.experiments.report.ReportCheck;
import sectar.experiments.report.ReportText;
import sectar.sim.io.AtomicFiles;

/** {@code sectar report [ROOT...]}: every campaign's summary.csv in one table of expert-normalised scores. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Gather every summary.csv under ROOT (default: results) into one markdown table of expert-normalised "
                + "final returns: per algorithm and task the interquartile mean over runs with a 95%% stratified-bootstrap "
                + "interval, and the IQM and mean over all tasks; then the final returns themselves per task instance.")
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ROOT", arity = "0..*", description = "folders searched for summary.csv (default: results)")
    List<Path> roots;

    @Option(names = "--reps", defaultValue = "10000", description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the bootstrap's resampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the tables to this markdown file")
    Path out;

    @Option(names = "--readme", paramLabel = "FILE",
            description = "also write the tables between the lines " + MarkedSection.BEGIN + " and " + MarkedSection.END + " of FILE")
    Path readme;

    @Option(names = "--check", paramLabel = "FILE",
            description = "write nothing; exit 1 unless every summary.csv is what its run folders produce and FILE's generated "
                    + "block is what the summaries produce")
    Path check;

    @Override public Integer call() {
        if (reps < 1) throw new IllegalArgumentException("--reps must be >= 1, got " + reps);
        if (check != null && (readme != null || out != null)) throw new IllegalArgumentException("--check only reads; give it without --readme and --out");
        Path target = check != null ? check : readme;
        if (target != null) MarkedSection.check(target); // before anything is computed or printed
        List<Path> searched = roots == null || roots.isEmpty() ? List.of(Path.of("results")) : roots;
        List<Path> files = Report.summaries(searched);
        List<SummaryRow> rows = Report.rows(files);
        String tables = ReportText.tables(files, rows, reps, seed);
        String block = target == null ? null : ReportText.readmeBlock(target, searched, reps, seed, files.size(), rows.size(), tables);
        PrintWriter w = spec.commandLine().getOut();
        if (check != null) {
            List<String> problems = new ArrayList<>(ReportCheck.summaries(files));
            String p = ReportCheck.block(check, block);
            if (p != null) problems.add(p);
            for (String line : problems) spec.commandLine().getErr().println("stale: " + line);
            spec.commandLine().getErr().flush();
            if (!problems.isEmpty()) return 1;
            w.println("ok: " + files.size() + " summary.csv files match their " + rows.size() + " run folders, and " + check
                    + "'s generated block matches the summaries");
            w.flush();
            return 0;
        }
        w.print(tables);
        w.flush();
        if (out != null) AtomicFiles.writeString(out, tables);
        if (readme != null) MarkedSection.replace(readme, block);
        return 0;
    }
}

package sectar.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.experiments.bench.EventWriteBench;

/**
 * {@code sectar bench tensorboard METRICS...}: per metrics.csv, the microseconds to write one row as
 * TensorBoard events and to append it to metrics.csv, and the events' share of that run's median
 * iteration, as JSON lines.
 */
@Command(name = "tensorboard", mixinStandardHelpOptions = true,
        description = "Time to write one metrics row as TensorBoard events vs. appending it to metrics.csv, against the run's iteration time.")
final class BenchTensorboardCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "METRICS", description = "metrics.csv files of real runs (their rows are written again)")
    List<Path> metrics;

    @Option(names = "--scratch", defaultValue = ".bench-scratch", paramLabel = "DIR",
            description = "folder for the files written, on the disk runs write to; emptied after (default: ${DEFAULT-VALUE})")
    Path scratch;

    @Option(names = "--repeats", defaultValue = "5", description = "timed repeats, >= 3 (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--seconds", defaultValue = "1.0", description = "seconds per repeat (default: ${DEFAULT-VALUE})")
    double seconds;

    @Override public Integer call() {
        if (repeats < 3) throw new IllegalArgumentException("--repeats must be >= 3, got " + repeats);
        if (!(seconds > 0) || seconds > 60) throw new IllegalArgumentException("--seconds must be in (0, 60], got " + seconds);
        PrintWriter out = spec.commandLine().getOut();
        for (Path m : metrics) {
            if (!m.toFile().isFile()) throw new IllegalArgumentException("METRICS " + m + " is not a file (expected a run's metrics.csv)");
            EventWriteBench.Result r = EventWriteBench.measure(m, scratch, repeats, seconds);
            out.println(String.format(Locale.ROOT, "{\"bench\":\"tensorboard_events\",\"metrics\":\"%s\",\"columns\":%d,\"rows\":%d,"
                            + "\"csv_append_us\":%.1f,\"events_append_us\":%.1f,\"iteration_s_median\":%.4f,\"events_share_of_iteration\":%.6f}",
                    m, r.columns(), r.rows(), r.csvMicros(), r.eventMicros(), r.iterationSeconds(), r.overhead()));
            out.flush();
        }
        try {
            java.nio.file.Files.deleteIfExists(scratch); // only when empty: never a folder the user filled
        } catch (java.io.IOException notEmpty) {
            // left as it is
        }
        return 0;
    }
}

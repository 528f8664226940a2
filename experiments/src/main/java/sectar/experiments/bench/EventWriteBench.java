package sectar.experiments.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.tensorboard.RunEvents;

/**
 * What TensorBoard events add to a training iteration: the time {@link RunEvents} takes to write one
 * metrics row as events, beside the time {@link MetricsCsv} takes to append (and fsync) the same row,
 * over the rows of a real run's metrics.csv and against that run's median iteration time. Both are
 * timed in the same process, in fresh files inside {@code scratch} (put it on the disk runs write to).
 */
public final class EventWriteBench {
    private EventWriteBench() {}

    /**
     * One run's figures.
     *
     * @param columns          columns per row
     * @param rows             rows in the run's metrics.csv
     * @param csvMicros        median microseconds to append one row to metrics.csv
     * @param eventMicros      median microseconds to write one row's events
     * @param iterationSeconds the run's median iteration time (differences of wall_s)
     */
    public record Result(int columns, int rows, double csvMicros, double eventMicros, double iterationSeconds) {
        /** The events' share of an iteration. */
        public double overhead() { return eventMicros * 1e-6 / iterationSeconds; }
    }

    public static Result measure(Path metricsCsv, Path scratch, int repeats, double seconds) {
        MetricsCsv.Table t = MetricsCsv.read(metricsCsv);
        if (t.rows().size() < 2) throw new IllegalArgumentException(metricsCsv + " needs at least 2 rows to give an iteration time");
        double[] wall = t.column(RunEvents.WALL);
        double[] steps = new double[wall.length - 1];
        for (int i = 1; i < wall.length; i++) steps[i - 1] = wall[i] - wall[i - 1];
        double csv = 1e6 / Timing.median(Timing.rates(n -> inFreshFolder(scratch, dir -> appendCsv(t, dir, n)), repeats, seconds, 1.0));
        double events = 1e6 / Timing.median(Timing.rates(n -> inFreshFolder(scratch, dir -> appendEvents(t, dir, n)), repeats, seconds, 1.0));
        return new Result(t.columns().size(), t.rows().size(), csv, events, median(steps));
    }

    private static void appendCsv(MetricsCsv.Table t, Path dir, long n) {
        MetricsCsv csv = new MetricsCsv(dir.resolve(RunDirectory.METRICS));
        int it = t.index(MetricsCsv.ITERATION);
        for (long i = 0; i < n; i++) {
            double[] values = t.rows().get((int) (i % t.rows().size()));
            LinkedHashMap<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < values.length; c++) row.put(t.columns().get(c), c == it ? (Object) (i + 1) : (Object) values[c]);
            csv.append(row);
        }
    }

    private static void appendEvents(MetricsCsv.Table t, Path dir, long n) {
        RunEvents events = RunEvents.fresh(dir, Instant.now(), "bench", Clock.systemUTC());
        List<String> columns = t.columns();
        for (long i = 0; i < n; i++) events.append(columns, t.rows().get((int) (i % t.rows().size())));
    }

    private interface InFolder {
        void run(Path dir);
    }

    private static void inFreshFolder(Path scratch, InFolder work) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(scratch), "events-bench");
            try {
                work.run(dir);
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the scratch folder " + scratch, e);
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return Timing.median(s);
    }
}

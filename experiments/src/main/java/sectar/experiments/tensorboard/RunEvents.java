package sectar.experiments.tensorboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import sectar.sim.io.AtomicFiles;

/**
 * A run folder's TensorBoard events, written as its metrics rows are appended: every numeric cell of
 * a row becomes a scalar tagged by {@link TagGroups}, at step = the row's {@value #STEP} and wall time =
 * the run's start plus the row's {@value #WALL}; an empty or NaN cell writes nothing. Each process
 * writes its own file, created with its first row. A resumed process puts a START marker before its
 * first row, so TensorBoard drops what the killed process wrote past the checkpoint, just as
 * metrics.csv was cut back to it.
 *
 * <p>Records are written (not fsynced) before {@link #append} returns, so a live TensorBoard sees each
 * row at once and a killed process loses nothing; metrics.csv stays the durable record, and
 * {@link #export} rebuilds events from it.
 */
public final class RunEvents {
    /** The column that gives the step (the iteration's when a row has none). */
    public static final String STEP = "env_steps";
    /** The column that gives the seconds since the run's start. */
    public static final String WALL = "wall_s";
    private static final String ITERATION = "iteration";

    private final Path dir;
    private final double start;
    private final boolean resumed;
    private final String host;
    private final Clock clock;
    private Path file; // this process's file, from its first row on

    private RunEvents(Path dir, double start, boolean resumed, String host, Clock clock) {
        this.dir = dir;
        this.start = start;
        this.resumed = resumed;
        this.host = host;
        this.clock = clock;
    }

    /** Metrics rows as numbers, as metrics.csv holds them. */
    public record Rows(List<String> columns, List<double[]> rows) {}

    /**
     * Events of a run starting now in {@code dir}; event files an earlier run left there (a reused
     * folder) are deleted, so its points do not mix with this run's.
     */
    public static RunEvents fresh(Path dir, Instant start, String host, Clock clock) {
        for (Path old : EventFiles.list(dir)) delete(old);
        return new RunEvents(dir, seconds(start), false, host, clock);
    }

    /**
     * Events of a run continued in {@code dir}. Its start is the one its earlier event files hold;
     * when it has none (it was started by a build without events), {@code earlierStart} is used and the
     * rows metrics.csv holds now ({@code history}, null without a metrics file) are first written as
     * {@link #export} would, so TensorBoard shows the whole run.
     */
    public static RunEvents resume(Path dir, Instant earlierStart, String host, Clock clock, Supplier<Rows> history) {
        List<Path> files = EventFiles.list(dir);
        double start = seconds(earlierStart);
        if (!files.isEmpty()) {
            try {
                List<Event> first = EventFiles.read(files.get(0)).events();
                if (!first.isEmpty()) start = first.get(0).wallTime();
            } catch (IllegalArgumentException | UncheckedIOException damaged) {
                // a damaged event file must not stop a resume; the run's time then counts from earlierStart
            }
        } else {
            Rows rows = history.get();
            if (rows != null && !rows.rows().isEmpty()) export(dir, earlierStart, host, rows);
        }
        return new RunEvents(dir, start, true, host, clock);
    }

    /**
     * Writes all of {@code rows} as one event file in {@code dir} atomically, for a run that started at
     * {@code start}; returns the file.
     */
    public static Path export(Path dir, Instant start, String host, Rows rows) {
        RunEvents events = new RunEvents(dir, seconds(start), false, host, Clock.systemUTC());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(TfRecords.frame(Event.version(events.start).encode()));
        for (double[] row : rows.rows()) {
            Event e = events.event(rows.columns(), row);
            if (e != null) bytes.writeBytes(TfRecords.frame(e.encode()));
        }
        Path target = EventFiles.next(dir, events.start, host);
        AtomicFiles.write(target, bytes.toByteArray());
        return target;
    }

    /** Writes the events of one row of metrics.csv ({@code values} aligned with {@code columns}). */
    public synchronized void append(List<String> columns, double[] values) {
        Event row = event(columns, values);
        if (row == null) return;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (file == null) {
            file = EventFiles.next(dir, Math.max(start, clock.millis() / 1000.0), host);
            bytes.writeBytes(TfRecords.frame(Event.version(start).encode()));
            if (resumed) bytes.writeBytes(TfRecords.frame(Event.sessionStart(row.step(), row.wallTime()).encode()));
        }
        bytes.writeBytes(TfRecords.frame(row.encode()));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
            while (buf.hasRemaining()) ch.write(buf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** This process's event file, null before its first row. */
    public synchronized Path file() { return file; }

    /** The scalars of one row, or null when none of its cells is a number. */
    private Event event(List<String> columns, double[] values) {
        Map<String, Float> scalars = new LinkedHashMap<>();
        double step = Double.NaN, iteration = Double.NaN, wall = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            String c = columns.get(i);
            double v = values[i];
            if (c.equals(STEP)) step = v;
            else if (c.equals(ITERATION)) iteration = v;
            else if (c.equals(WALL)) wall = v;
            if (!Double.isNaN(v)) scalars.put(TagGroups.tag(c), (float) v);
        }
        if (scalars.isEmpty()) return null;
        long x = (long) (Double.isFinite(step) ? step : iteration);
        double wallTime = Double.isFinite(wall) ? start + wall : clock.millis() / 1000.0;
        return Event.scalars(x, wallTime, scalars);
    }

    private static double seconds(Instant t) { return t.getEpochSecond() + t.getNano() / 1e9; }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the old event file " + file, e);
        }
    }
}

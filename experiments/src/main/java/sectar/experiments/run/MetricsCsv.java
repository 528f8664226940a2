package sectar.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import sectar.sim.io.AtomicFiles;

/**
 * A run's metrics.csv: one row per training iteration, wide format, with the header fixed by the first
 * row. Every row is appended and fsynced before {@link #append} returns, so a killed run loses at most
 * the row being written. Each row must carry an {@value #ITERATION} column that strictly increases;
 * {@link #truncateAfter} cuts the file back to a checkpoint's iteration so a resumed run neither
 * repeats nor skips an iteration.
 *
 * <p>Opening a file whose last line has no newline (a write torn by a crash) drops that fragment.
 *
 * <p>A {@link Mirror} sees every row once it is on disk (a run's TensorBoard events), so everything a
 * run writes per row passes through {@link #append}. Every change to the file goes through the run's
 * {@link RunFence} (and the run's mirror writes through it too, see {@link RunDirectory}).
 */
public final class MetricsCsv {
    /** The column every row must have; it orders rows and drives {@link #truncateAfter}. */
    public static final String ITERATION = "iteration";

    /** Gets each row right after {@link #append} wrote it, as the numbers {@link #read} would give. */
    @FunctionalInterface
    public interface Mirror {
        Mirror NONE = (columns, values) -> {};

        void rowAppended(List<String> columns, double[] values);
    }

    private final Path file;
    private final RunFence fence;
    private final Mirror mirror;
    private List<String> columns = List.of();
    private long lastIteration = Long.MIN_VALUE;

    /** Binds to {@code file} with no fence and no mirror; if it exists its header and last iteration are adopted (resume). */
    public MetricsCsv(Path file) { this(file, RunFence.none(), Mirror.NONE); }

    /** The same, every write going through {@code fence} and every appended row also given to {@code mirror}. */
    public MetricsCsv(Path file, RunFence fence, Mirror mirror) {
        this.file = file;
        this.fence = fence;
        this.mirror = mirror;
        if (Files.exists(file)) adopt(MetricsText.load(file));
    }

    public Path file() { return file; }

    /** The header, empty until the first row is written. */
    public synchronized List<String> columns() { return columns; }

    /** The iteration of the last row on disk, or {@code Long.MIN_VALUE} when there is none. */
    public synchronized long lastIteration() { return lastIteration; }

    /**
     * Appends one row durably. The first row fixes the header and must come in a
     * {@code LinkedHashMap} (or a {@code SortedMap}) so the column order is deterministic; later rows
     * may use any map with exactly the header's columns.
     */
    public synchronized void append(Map<String, ?> row) {
        long iteration = iterationOf(row);
        List<String> header = columns;
        StringBuilder text = new StringBuilder();
        if (header.isEmpty()) {
            if (!(row instanceof LinkedHashMap || row instanceof SortedMap))
                throw new IllegalArgumentException("the first row of " + file + " fixes the column order, so it must be a "
                        + "LinkedHashMap or SortedMap, got " + row.getClass().getName());
            header = List.copyOf(row.keySet());
            for (String c : header) MetricsText.checkCell(c, "column name", false);
            text.append(String.join(",", header)).append('\n');
        } else {
            checkColumns(row.keySet());
            header = columns;
        }
        if (iteration <= lastIteration)
            throw new IllegalArgumentException("iteration " + iteration + " in " + file + " must be greater than the last one written, "
                    + lastIteration + " (call truncateAfter when resuming)");
        List<String> cells = new ArrayList<>(header.size());
        for (String c : header) cells.add(MetricsText.format(c, row.get(c)));
        text.append(String.join(",", cells)).append('\n');
        appendDurably(text.toString());
        columns = header; // only once the header is on disk
        lastIteration = iteration;
        double[] values = new double[cells.size()];
        for (int i = 0; i < values.length; i++) values[i] = MetricsText.parse(cells.get(i));
        mirror.rowAppended(header, values);
    }

    /**
     * Rewrites the file atomically keeping only the rows with iteration {@code <= iteration}; the header
     * stays. A missing file is left missing.
     */
    public synchronized void truncateAfter(int iteration) {
        if (!Files.exists(file)) return;
        MetricsText.Lines lines = MetricsText.load(file);
        int col = lines.header().indexOf(ITERATION);
        StringBuilder kept = new StringBuilder(String.join(",", lines.header())).append('\n');
        for (int i = 0; i < lines.rows().size(); i++) {
            String[] cells = lines.rows().get(i);
            if (MetricsText.parse(cells[col]) <= iteration) kept.append(String.join(",", cells)).append('\n');
        }
        fence.write(file.getFileName().toString(), () -> AtomicFiles.writeString(file, kept.toString()));
        adopt(MetricsText.load(file));
    }

    /** Reads a metrics file back as doubles; text cells such as "NaN", "inf" or "" become doubles too. */
    public static Table read(Path file) {
        MetricsText.Lines lines = MetricsText.load(file);
        List<double[]> rows = new ArrayList<>(lines.rows().size());
        for (String[] cells : lines.rows()) {
            double[] r = new double[cells.length];
            for (int i = 0; i < r.length; i++) r[i] = MetricsText.parse(cells[i]);
            rows.add(r);
        }
        return new Table(lines.header(), List.copyOf(rows));
    }

    /**
     * A metrics file as numbers.
     *
     * @param columns the header
     * @param rows    one array per row, aligned with {@code columns}
     */
    public record Table(List<String> columns, List<double[]> rows) {
        /** Index of {@code name}, failing with the available columns when it is absent. */
        public int index(String name) {
            int i = columns.indexOf(name);
            if (i < 0) throw new IllegalArgumentException("no column '" + name + "', columns are " + columns);
            return i;
        }

        /** All values of column {@code name}, top to bottom. */
        public double[] column(String name) {
            int i = index(name);
            double[] v = new double[rows.size()];
            for (int r = 0; r < v.length; r++) v[r] = rows.get(r)[i];
            return v;
        }
    }

    private void adopt(MetricsText.Lines lines) {
        if (lines.tornTail()) fence.write(file.getFileName().toString(), () -> AtomicFiles.writeString(file, lines.text()));
        columns = lines.header();
        if (!columns.isEmpty() && !columns.contains(ITERATION))
            throw new IllegalArgumentException(file + " has no '" + ITERATION + "' column, header is " + columns);
        lastIteration = Long.MIN_VALUE;
        if (!lines.rows().isEmpty()) {
            String[] last = lines.rows().get(lines.rows().size() - 1);
            lastIteration = (long) MetricsText.parse(last[columns.indexOf(ITERATION)]);
        }
    }

    private long iterationOf(Map<String, ?> row) {
        Object it = row.get(ITERATION);
        if (!(it instanceof Integer || it instanceof Long || it instanceof Short))
            throw new IllegalArgumentException("every row of " + file + " needs an integer '" + ITERATION + "' value, got "
                    + (it == null ? "none" : it + " (" + it.getClass().getSimpleName() + ")") + " in columns " + row.keySet());
        return ((Number) it).longValue();
    }

    /**
     * Accepts a row with exactly the header's columns, or with all of them and new ones: a run written
     * by an earlier version and resumed by one that logs more gets the new columns appended to its
     * header (its earlier rows read them as NaN). A row that lacks a header column is refused.
     */
    private void checkColumns(Set<String> keys) {
        if (keys.size() == columns.size() && keys.containsAll(columns)) return;
        Set<String> missing = new LinkedHashSet<>(columns);
        missing.removeAll(keys);
        Set<String> extra = new LinkedHashSet<>(keys);
        extra.removeAll(columns);
        if (missing.isEmpty()) {
            widen(List.copyOf(extra));
            return;
        }
        throw new IllegalArgumentException("row columns " + keys + " differ from the header of " + file + " " + columns
                + ": missing " + missing + ", unexpected " + extra);
    }

    /** Rewrites the file atomically with {@code extra} appended to the header and empty cells below them. */
    private void widen(List<String> extra) {
        for (String c : extra) MetricsText.checkCell(c, "column name", false);
        MetricsText.Lines lines = MetricsText.load(file);
        List<String> header = new ArrayList<>(lines.header());
        header.addAll(extra);
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        String pad = ",".repeat(extra.size());
        for (String[] cells : lines.rows()) text.append(String.join(",", cells)).append(pad).append('\n');
        fence.write(file.getFileName().toString(), () -> AtomicFiles.writeString(file, text.toString()));
        adopt(MetricsText.load(file));
    }

    private void appendDurably(String text) {
        fence.write(file.getFileName().toString(), () -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                    while (buf.hasRemaining()) ch.write(buf);
                    ch.force(false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
        });
    }
}

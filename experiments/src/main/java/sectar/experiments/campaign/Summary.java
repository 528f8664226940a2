package sectar.experiments.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sectar.experiments.train.Algorithm;
import sectar.sim.io.AtomicFiles;

/**
 * A campaign's {@value #FILE}: one row per finished run, in plan order. It is generated from the
 * run folders (never edited) and read back by {@code sectar report}.
 */
public final class Summary {
    public static final String FILE = "summary.csv";
    public static final List<String> COLUMNS = List.of("task", "algo", "instance", "seed", "iterations", "env_steps", "final_return",
            "expert_return", "random_return", "normalized", "wall_s", "commit");
    /** Columns that measure the machine or the code version, not the result (a re-run may differ in them). */
    public static final List<String> PROVENANCE = List.of("wall_s", "commit");

    private Summary() {}

    /** Writes {@code rows} to {@code file} atomically. */
    public static void write(Path file, List<SummaryRow> rows) {
        StringBuilder s = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (SummaryRow r : rows) s.append(line(r)).append('\n');
        AtomicFiles.writeString(file, s.toString());
    }

    /** The csv line of {@code r}, without its line end. */
    public static String line(SummaryRow r) {
        return String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%s,%s,%s,%s,%.3f,%s", r.task(), r.algo(), r.instance(), r.seed(),
                r.iterations(), r.envSteps(), num(r.finalReturn()), num(r.expert()), num(r.random()), num(r.normalized()),
                r.wallS(), r.commit());
    }

    /** The folder of the run of {@code row} in the campaign whose summary is {@code summaryFile}. */
    public static Path runDir(Path summaryFile, SummaryRow row) {
        return summaryFile.toAbsolutePath().getParent().resolve(row.algo().word()).resolve("i" + row.instance() + "-s" + row.seed());
    }

    /** Reads a summary.csv written by {@link #write}. */
    public static List<SummaryRow> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(String.join(",", COLUMNS)))
            throw new IllegalArgumentException(file + " is not a campaign summary (expected the header " + String.join(",", COLUMNS) + ")");
        List<SummaryRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] c = lines.get(i).split(",", -1);
            if (c.length != COLUMNS.size()) throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + c.length + " cells, expected " + COLUMNS.size());
            try {
                rows.add(new SummaryRow(c[0], Algorithm.named(c[1]), Integer.parseInt(c[2]), Long.parseLong(c[3]), Integer.parseInt(c[4]),
                        Long.parseLong(c[5]), Double.parseDouble(c[6]), Double.parseDouble(c[7]), Double.parseDouble(c[8]),
                        Double.parseDouble(c[9]), Double.parseDouble(c[10]), c[11]));
            } catch (IllegalArgumentException e) { // a number that does not parse, or an unknown algorithm
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return rows;
    }

    /** Enough digits to round-trip a double exactly ("NaN" stays "NaN"). */
    private static String num(double v) { return Double.toString(v); }
}

package sectar.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import sectar.experiments.plot.SeedBand;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;

/**
 * A lever study's table: settings are the folders under a root, each holding one run directory per
 * seed; for every setting, a column (the return by default) at given wall-clock minutes or iterations
 * (mean over the rows in the window before each), as the mean over seeds with a 95% Student-t
 * interval, the final value and its difference from the baseline's, and the config fields in which the
 * setting differs from the baseline folder.
 */
public final class WallClockTable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One setting: its folder name, its runs, its config's differences from the baseline. */
    public record Setting(String name, List<Path> runs, String differences) {}

    private WallClockTable() {}

    /** The settings under {@code root}: every folder with at least one run directory (metrics.csv) inside. */
    public static List<Setting> settings(Path root, String baseline) {
        if (!Files.isDirectory(root)) throw new IllegalArgumentException("not a folder: " + root);
        List<Path> folders = list(root).stream().filter(Files::isDirectory).sorted().toList();
        Map<String, String> base = null;
        for (Path f : folders) if (f.getFileName().toString().equals(baseline) && !runs(f).isEmpty()) base = flatConfig(runs(f).get(0));
        List<Setting> out = new ArrayList<>();
        for (Path f : folders) {
            List<Path> runs = runs(f);
            if (runs.isEmpty()) continue;
            out.add(new Setting(f.getFileName().toString(), runs, base == null ? "" : differences(base, flatConfig(runs.get(0)))));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no run directories (with " + RunDirectory.METRICS + ") under " + root);
        return out;
    }

    /**
     * Where a table's columns sit: at wall-clock minutes (a study on one quiet machine), or at iterations
     * (a budget that does not depend on the machine's load, the lever screens' protocol).
     */
    public enum Axis {
        MINUTES("wall_s", 60, "min"), ITERATIONS("iteration", 1, "it");

        final String column, unit;
        final double scale;

        Axis(String column, double scale, String unit) {
            this.column = column;
            this.scale = scale;
            this.unit = unit;
        }
    }

    /** Mean of {@code column} over the rows with wall_s in (minute - window, minute], or NaN when the run ended before. */
    public static double at(Path run, String column, double minute, double window) {
        return at(run, column, minute, window, Axis.MINUTES);
    }

    /** Mean of {@code column} over the rows whose {@code axis} position is in (at - window, at], or NaN when there is none. */
    public static double at(Path run, String column, double at, double window, Axis axis) {
        MetricsCsv.Table t = MetricsCsv.read(run.resolve(RunDirectory.METRICS));
        if (!t.columns().contains(column)) return Double.NaN; // a run written before the column existed
        double[] wall = t.column(axis.column), y = t.column(column);
        double hi = at * axis.scale, lo = (at - window) * axis.scale, sum = 0;
        int n = 0;
        for (int i = 0; i < wall.length; i++)
            if (wall[i] > lo && wall[i] <= hi && !Double.isNaN(y[i])) {
                sum += y[i];
                n++;
            }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Mean of {@code column} over the last {@code share} of a run's iterations (at least one, so a share of 0
     * is the last row): a run's
     * final value when runs are compared at their whole budget (e.g. equal env steps, not equal time).
     */
    public static double last(Path run, String column, double share) { return last(run, column, share, Integer.MAX_VALUE); }

    /**
     * As above for the run read as if it had stopped after iteration {@code upto}, so that runs continued to
     * different budgets compare at one; NaN for a run that ended before {@code upto} (it has no such final).
     */
    public static double last(Path run, String column, double share, int upto) {
        MetricsCsv.Table t = MetricsCsv.read(run.resolve(RunDirectory.METRICS));
        if (!t.columns().contains(column)) return Double.NaN;
        double[] its = t.column(MetricsCsv.ITERATION), y = t.column(column);
        int rows = 0;
        while (rows < y.length && its[rows] <= upto) rows++;
        if (rows == 0 || (upto != Integer.MAX_VALUE && its[rows - 1] < upto)) return Double.NaN;
        int k = Math.max(1, (int) Math.round(share * rows));
        double sum = 0;
        for (int i = rows - k; i < rows; i++) sum += y[i];
        return sum / k;
    }

    /**
     * The markdown table: one row per setting, "mean ± half-width (n)" per minute and, with
     * {@code finalShare > 0}, the final value of {@code column} and of env_steps.
     */
    public static String markdown(List<Setting> settings, String column, double[] minutes, double window, double finalShare) {
        return markdown(settings, column, minutes, window, finalShare, Axis.MINUTES, null);
    }

    /**
     * The markdown table at positions of {@code axis}; with {@code finalShare > 0} and a {@code baseline}
     * setting, each other setting's final value minus the baseline's with a 95% Welch interval (a
     * lever is adopted only where that interval excludes 0).
     */
    public static String markdown(List<Setting> settings, String column, double[] positions, double window, double finalShare,
                                  Axis axis, String baseline) {
        return markdown(settings, column, positions, window, finalShare, axis, baseline, Integer.MAX_VALUE);
    }

    /** As above with each run's final taken as if it had stopped after iteration {@code upto} ({@link #last(Path, String, double, int)}). */
    public static String markdown(List<Setting> settings, String column, double[] positions, double window, double finalShare,
                                  Axis axis, String baseline, int upto) {
        boolean anywhere = settings.stream().flatMap(s -> s.runs().stream())
                .anyMatch(r -> MetricsCsv.read(r.resolve(RunDirectory.METRICS)).columns().contains(column));
        if (!anywhere) throw new IllegalArgumentException("no run under the settings has a column '" + column + "'");
        double[] base = null;
        for (Setting s : settings)
            if (finalShare > 0 && s.name().equals(baseline)) base = finals(s, column, finalShare, upto);
        boolean diff = base != null;
        StringBuilder sb = new StringBuilder("| setting | seeds |");
        for (double m : positions) sb.append(" ").append(column).append(" at ").append(fmt(m)).append(" ").append(axis.unit).append(" |");
        if (finalShare > 0) sb.append(" final ").append(column).append(" | final env_steps |");
        if (diff) sb.append(" final minus ").append(baseline).append(" [95% Welch] |");
        sb.append(" differs from the baseline in |\n|---|---|");
        for (int i = 0; i < positions.length + (finalShare > 0 ? 2 : 0) + (diff ? 1 : 0); i++) sb.append("---|");
        sb.append("---|\n");
        for (Setting s : settings) {
            sb.append("| ").append(s.name()).append(" | ").append(s.runs().size()).append(" |");
            for (double m : positions) sb.append(cell(s.runs().stream().mapToDouble(r -> at(r, column, m, window, axis)).toArray(), "%.2f"));
            if (finalShare > 0) {
                sb.append(cell(finals(s, column, finalShare, upto), "%.2f"));
                sb.append(cell(s.runs().stream().mapToDouble(r -> last(r, "env_steps", 0, upto)).toArray(), "%.0f"));
            }
            if (diff) sb.append(s.name().equals(baseline) ? " - |" : " " + DifferenceInterval.of(finals(s, column, finalShare, upto), base, 0.95) + " |");
            sb.append(" ").append(s.differences().isEmpty() ? "-" : s.differences()).append(" |\n");
        }
        return sb.toString();
    }

    private static double[] finals(Setting s, String column, double share, int upto) {
        return s.runs().stream().mapToDouble(r -> last(r, column, share, upto)).toArray();
    }

    /** As above without final values. */
    public static String markdown(List<Setting> settings, String column, double[] minutes, double window) {
        return markdown(settings, column, minutes, window, 0);
    }

    /** "mean ± 95% half-width (n)" of the finite values, or "-". */
    private static String cell(double[] values, String format) {
        double[] ys = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (ys.length == 0) return " - |";
        double mean = Arrays.stream(ys).average().orElse(Double.NaN);
        return String.format(" " + format + " ± " + format + " (%d) |", mean, SeedBand.halfWidth(ys, mean, 0.95), ys.length);
    }

    private static List<Path> runs(Path folder) {
        return list(folder).stream().filter(p -> Files.isRegularFile(p.resolve(RunDirectory.METRICS))).sorted().toList();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * config.json as dotted keys, without the fields every run of a study sets differently (the seed,
     * and the iterations a run was planned for: settings are compared at positions, not at their ends).
     * A run whose metadata names its algorithm is read in today's form, so a baseline written before
     * a field existed shows the value it ran with, and only real differences are listed.
     */
    static Map<String, String> flatConfig(Path run) {
        Map<String, String> out = new TreeMap<>();
        Path file = run.resolve(RunDirectory.CONFIG);
        try {
            Algorithm algo = algorithm(run);
            flatten("", algo == null ? MAPPER.readTree(file.toFile()) : MAPPER.readTree(ConfigJson.write(ConfigJson.read(algo, file))), out);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        out.remove("seed");
        out.remove("iterations");
        return out;
    }

    /** The algorithm metadata.json names, or null when there is none. */
    private static Algorithm algorithm(Path run) throws IOException {
        Path meta = run.resolve(RunDirectory.METADATA);
        if (!Files.isRegularFile(meta)) return null;
        JsonNode word = MAPPER.readTree(meta.toFile()).get("algo");
        if (word == null) return null;
        try {
            return Algorithm.named(word.asText());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, node.isArray() ? node.toString().replaceAll("[\\[\\]]", "") : node.asText());
        }
    }

    /**
     * "key=value" for every field that differs from the baseline. A baseline written before a field
     * existed ran with that field's off behaviour, so a missing field differs only when it is switched on
     * (not false or 0), and of a whole missing section only the switches set to true count.
     */
    private static String differences(Map<String, String> base, Map<String, String> other) {
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, String> e : other.entrySet()) {
            String k = e.getKey(), v = e.getValue();
            if (v.equals(base.get(k))) continue;
            if (!base.containsKey(k)) {
                if (v.equals("false") || v.equals("0") || v.equals("0.0")) continue;
                String section = k.contains(".") ? k.substring(0, k.indexOf('.') + 1) : null;
                if (section != null && base.keySet().stream().noneMatch(b -> b.startsWith(section)) && !v.equals("true")) continue;
            }
            diffs.add(k + "=" + shortened(v));
        }
        return String.join(", ", diffs);
    }

    /** Longest value shown in full: a table comparing tasks would otherwise print whole instance lists. */
    static final int MAX_VALUE_CHARS = 40;

    private static String shortened(String v) {
        return v.length() <= MAX_VALUE_CHARS ? v : v.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }

    private static String fmt(double m) { return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m); }
}

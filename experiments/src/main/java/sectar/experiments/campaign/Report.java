package sectar.experiments.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import sectar.experiments.train.Algorithm;
import sectar.sim.Seeds;

/**
 * {@code sectar report}: every task's campaign summary in one table of expert-normalised final
 * returns. Per algorithm and task, the interquartile mean over its runs with a 95% stratified-bootstrap
 * interval (strata: the task's instances), or with fewer than {@value #MIN_IQM_RUNS} runs the mean and
 * a Student-t interval; over all tasks, the interquartile mean and the mean over every run, stratified
 * by task and instance, as rliable aggregates over tasks and runs.
 */
public final class Report {
    public static final double CONFIDENCE = 0.95;

    private Report() {}

    /** The summary.csv files under {@code roots} (searched recursively), sorted. */
    public static List<Path> summaries(List<Path> roots) {
        TreeSet<Path> files = new TreeSet<>();
        for (Path r : roots) {
            if (!Files.isDirectory(r)) throw new IllegalArgumentException("report input " + r + " is not a folder");
            try (Stream<Path> s = Files.walk(r)) {
                s.filter(p -> p.getFileName().toString().equals(Summary.FILE) && Files.isRegularFile(p))
                        .forEach(p -> files.add(p.toAbsolutePath().normalize()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot search " + r, e);
            }
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no " + Summary.FILE + " under " + roots + "; run `sectar experiment <task>` first");
        return List.copyOf(files);
    }

    /** Every row of {@code files}; the same run (task, algorithm, instance, seed) in two files is an error. */
    public static List<SummaryRow> rows(List<Path> files) {
        Map<String, Path> seen = new TreeMap<>();
        List<SummaryRow> all = new ArrayList<>();
        for (Path f : files)
            for (SummaryRow r : Summary.read(f)) {
                String key = r.task() + " " + r.algo() + "/i" + r.instance() + "-s" + r.seed();
                Path other = seen.put(key, f);
                if (other != null) throw new IllegalArgumentException("run " + key + " is in both " + other + " and " + f);
                all.add(r);
            }
        return all;
    }

    /** Runs in a cell below which an interquartile mean trims nothing (floor(n/4) = 0), so a cell shows the mean. */
    public static final int MIN_IQM_RUNS = 4;

    /** The markdown table; bootstrap resamples come from streams derived from {@code seed} by algorithm and task. */
    public static String markdown(List<SummaryRow> rows, int reps, long seed) {
        List<String> tasks = rows.stream().map(SummaryRow::task).distinct().sorted().toList();
        List<Algorithm> algos = algorithms(rows);
        StringBuilder s = new StringBuilder();
        s.append("Expert-normalised final return, (return - random) / (expert - random). Per task, with ").append(MIN_IQM_RUNS)
                .append(" or more runs: interquartile mean [95% stratified-bootstrap interval] (runs); with fewer, where an IQM would ")
                .append("trim nothing: `mean` [95% Student-t interval] (runs). All tasks: IQM and mean over every run, stratified by task ")
                .append("and instance, ").append(reps).append(" bootstrap resamples. † marks a cell whose runs come from more than one commit.")
                .append("\n\n| algorithm |");
        for (String t : tasks) s.append(' ').append(t).append(" |");
        s.append(" IQM, all tasks | mean, all tasks |\n|---|").append("---|".repeat(tasks.size() + 2)).append('\n');
        for (Algorithm a : algos) {
            s.append("| ").append(a).append(" |");
            for (String t : tasks) {
                List<double[]> strata = strata(rows, a, t);
                String mark = Commits.mixed(rows, a, t) ? "†" : "";
                if (strata.isEmpty()) s.append(" -").append(mark).append(" |");
                else s.append(' ').append(taskCell(strata, reps, Seeds.rng(seed, "report/bootstrap/iqm/" + a + "/" + t))).append(mark).append(" |");
            }
            List<double[]> all = strata(rows, a, null);
            if (all.isEmpty()) { // no finite score: the instances' expert and random returns tie
                s.append(" - | - |\n");
                continue;
            }
            s.append(' ').append(cell(Statistics.stratifiedBootstrap(all, Statistics::iqm, CONFIDENCE, reps,
                    Seeds.rng(seed, "report/bootstrap/iqm/" + a)), all)).append(" |");
            s.append(' ').append(cell(Statistics.stratifiedBootstrap(all, Statistics::mean, CONFIDENCE, reps,
                    Seeds.rng(seed, "report/bootstrap/mean/" + a)), all)).append(" |\n");
        }
        return s.toString();
    }

    /**
     * One task's cell: the IQM with its bootstrap interval from {@value #MIN_IQM_RUNS} runs on; below,
     * the mean with a Student-t interval, whose width is honest at small n (a bootstrap over 3 runs is
     * far narrower).
     */
    static String taskCell(List<double[]> strata, int reps, java.util.SplittableRandom rng) {
        int n = strata.stream().mapToInt(x -> x.length).sum();
        if (n >= MIN_IQM_RUNS) return cell(Statistics.stratifiedBootstrap(strata, Statistics::iqm, CONFIDENCE, reps, rng), strata);
        Statistics.Interval t = Statistics.tInterval(Statistics.pool(strata), CONFIDENCE);
        if (n == 1) return String.format(Locale.ROOT, "mean %.2f (1)", t.estimate());
        return String.format(Locale.ROOT, "mean %.2f [%.2f, %.2f] (%d)", t.estimate(), t.lo(), t.hi(), n);
    }

    /** The algorithms of {@code rows}, in the registry's order. */
    static List<Algorithm> algorithms(List<SummaryRow> rows) {
        List<Algorithm> algos = new ArrayList<>();
        for (Algorithm a : Algorithm.values()) if (rows.stream().anyMatch(r -> r.algo() == a)) algos.add(a);
        return algos;
    }

    /** {@code algo}'s finite normalised scores, one array per (task, instance), of {@code task} only unless null. */
    static List<double[]> strata(List<SummaryRow> rows, Algorithm algo, String task) {
        Map<String, List<Double>> by = new LinkedHashMap<>();
        rows.stream().filter(r -> r.algo() == algo && (task == null || r.task().equals(task)) && Double.isFinite(r.normalized()))
                .sorted(java.util.Comparator.comparing(SummaryRow::task).thenComparingInt(SummaryRow::instance).thenComparingLong(SummaryRow::seed))
                .forEach(r -> by.computeIfAbsent(r.task() + "/" + r.instance(), k -> new ArrayList<>()).add(r.normalized()));
        List<double[]> out = new ArrayList<>();
        for (List<Double> v : by.values()) out.add(v.stream().mapToDouble(Double::doubleValue).toArray());
        return out;
    }

    private static String cell(Statistics.Interval ci, List<double[]> strata) {
        int n = strata.stream().mapToInt(x -> x.length).sum();
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f] (%d)", ci.estimate(), ci.lo(), ci.hi(), n);
    }
}

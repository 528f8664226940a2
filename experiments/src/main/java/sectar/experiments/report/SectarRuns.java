package sectar.experiments.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sectar.experiments.campaign.Summary;
import sectar.experiments.campaign.SummaryRow;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;

/** The SeCTAR runs a set of campaign summaries lists, grouped by task instance, with their metrics read once. */
record SectarRuns(Map<String, List<MetricsCsv.Table>> byInstance) {
    /** Reads the metrics of every SeCTAR row of {@code summaryFiles}; groups are named "task i<k>" and sorted. */
    static SectarRuns of(List<Path> summaryFiles) {
        Map<String, List<MetricsCsv.Table>> by = new TreeMap<>();
        for (Path f : summaryFiles)
            for (SummaryRow r : Summary.read(f))
                if (r.algo() == Algorithm.sectar)
                    by.computeIfAbsent(r.task() + " i" + r.instance(), k -> new ArrayList<>())
                            .add(MetricsCsv.read(Summary.runDir(f, r).resolve(RunDirectory.METRICS)));
        return new SectarRuns(by);
    }

    /** Mean of {@code column} over the last {@code share} of a run's rows (at least one); NaN when the run lacks the column or it is empty. */
    static double last(MetricsCsv.Table t, String column, double share) {
        if (!t.columns().contains(column) || t.rows().isEmpty()) return Double.NaN;
        double[] y = t.column(column);
        int k = Math.max(1, (int) Math.round(share * y.length));
        double sum = 0;
        int n = 0;
        for (int i = y.length - k; i < y.length; i++)
            if (Double.isFinite(y[i])) {
                sum += y[i];
                n++;
            }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Sum of {@code column} over every row (NaN cells skipped); 0 when the run lacks it. */
    static double total(MetricsCsv.Table t, String column) {
        if (!t.columns().contains(column)) return 0;
        double sum = 0;
        for (double v : t.column(column)) if (Double.isFinite(v)) sum += v;
        return sum;
    }

    /** Mean over runs of the finite values, NaN when none is. */
    static double mean(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (double v : values)
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        return n == 0 ? Double.NaN : sum / n;
    }
}

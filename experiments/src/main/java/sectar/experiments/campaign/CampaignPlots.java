package sectar.experiments.campaign;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import sectar.experiments.plot.Curve;
import sectar.experiments.plot.LearningCurves;
import sectar.experiments.plot.SeedBand;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;

/**
 * A campaign's learning curves against env steps, one per algorithm with a 95% Student-t band over
 * its runs ({@link SeedBand}): {@code return.png} (one instance, with that instance's expert and random
 * returns as horizontal lines; {@code return-i<k>.png} for the other instances) and
 * {@code normalized.png} (every run on the expert-normalised scale, lines at 1 and 0).
 */
public final class CampaignPlots {
    private CampaignPlots() {}

    /** Writes the plots of the finished runs {@code done} (each with its folder) into {@code root}; returns the files. */
    public static List<Path> write(Path root, String task, Map<RunSpec, Path> done) {
        List<Path> files = new ArrayList<>();
        if (done.isEmpty()) return files;
        List<Integer> instances = done.keySet().stream().map(RunSpec::instance).distinct().sorted().toList();
        for (int k : instances) {
            Map<RunSpec, Path> runs = new LinkedHashMap<>();
            done.forEach((s, d) -> { if (s.instance() == k) runs.put(s, d); });
            ReferenceReturns ref = ReferenceReturns.of(task, k);
            Path png = root.resolve(k == instances.get(0) ? "return.png" : "return-i" + k + ".png");
            chart(curves(runs, s -> v -> v), task + " instance " + k + ": return (mean, 95% CI over seeds)", "return",
                    ref.expert(), ref.random(), png);
            files.add(png);
        }
        Path png = root.resolve("normalized.png");
        chart(curves(done, s -> {
            ReferenceReturns ref = ReferenceReturns.of(task, s.instance());
            return ref::normalize;
        }), task + ": expert-normalised return (mean, 95% CI over runs)", "normalized return", 1, 0, png);
        files.add(png);
        return files;
    }

    private interface Scale { DoubleUnaryOperator of(RunSpec spec); }

    /** One curve per algorithm, pooling its runs' return (after {@code scale}) against env steps. */
    private static List<Curve> curves(Map<RunSpec, Path> runs, Scale scale) {
        Map<String, List<RunSpec>> byAlgo = new LinkedHashMap<>();
        for (RunSpec s : runs.keySet()) byAlgo.computeIfAbsent(s.algo().word(), a -> new ArrayList<>()).add(s);
        List<Curve> curves = new ArrayList<>();
        byAlgo.forEach((algo, specs) -> {
            List<SeedBand.Series> series = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            for (RunSpec s : specs) {
                MetricsCsv.Table t = MetricsCsv.read(runs.get(s).resolve(RunDirectory.METRICS));
                double[] y = t.column("return");
                DoubleUnaryOperator f = scale.of(s);
                for (int i = 0; i < y.length; i++) y[i] = f.applyAsDouble(y[i]);
                series.add(SeedBand.Series.of(t.column("env_steps"), y));
                dirs.add(runs.get(s));
            }
            double[][] p = SeedBand.pool(series, LearningCurves.CONFIDENCE);
            int[] n = new int[p[4].length];
            for (int i = 0; i < n.length; i++) n[i] = (int) p[4][i];
            curves.add(new Curve(algo, dirs, p[0], p[1], p[2], p[3], n));
        });
        return curves;
    }

    private static void chart(List<Curve> curves, String title, String yLabel, double expert, double random, Path png) {
        JFreeChart chart = LearningCurves.chart(curves, "env steps", yLabel, title);
        XYPlot plot = chart.getXYPlot();
        double lo = Math.min(expert, random), hi = Math.max(expert, random);
        for (Curve c : curves)
            for (int i = 0; i < c.x().length; i++) {
                if (Double.isFinite(c.lo()[i])) lo = Math.min(lo, c.lo()[i]);
                if (Double.isFinite(c.hi()[i])) hi = Math.max(hi, c.hi()[i]);
            }
        double pad = Math.max(1e-3, 0.05 * (hi - lo));
        plot.getRangeAxis().setRange(lo - pad, hi + pad); // the reference lines must stay in view
        plot.addRangeMarker(line(expert, "expert", new Color(0x2e7d32)));
        plot.addRangeMarker(line(random, "random", Color.GRAY));
        LearningCurves.writePng(chart, png, LearningCurves.WIDTH, LearningCurves.HEIGHT);
    }

    private static ValueMarker line(double value, String label, Color color) {
        ValueMarker m = new ValueMarker(value, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelPaint(color);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return m;
    }
}

package sectar.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import sectar.sim.io.AtomicFiles;
import sectar.experiments.run.MetricsCsv;

/**
 * Learning curves from run folders: runs whose config.json match except for seeds are pooled into one
 * mean line with a 95% Student-t confidence band over seeds (see {@link SeedBand} for how runs of
 * unequal length or with different x values are aligned); a single seed draws the line alone.
 *
 * <pre>{@code
 * List<Curve> curves = LearningCurves.plot(List.of(Path.of("results/runs")), "env_steps", "return",
 *         Path.of("results/waypoint/return.png"));
 * }</pre>
 */
public final class LearningCurves {
    public static final String DEFAULT_X = "env_steps";
    public static final String DEFAULT_Y = "return";
    public static final double CONFIDENCE = 0.95;
    public static final int WIDTH = 900;
    public static final int HEIGHT = 550;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private LearningCurves() {}

    /**
     * Run folders among {@code inputs}: each input that holds a metrics.csv is a run; any other folder
     * is searched recursively for metrics.csv files. Sorted by path, without duplicates.
     */
    public static List<Path> findRuns(List<Path> inputs) {
        TreeSet<Path> runs = new TreeSet<>();
        for (Path in : inputs) {
            if (!Files.isDirectory(in)) throw new IllegalArgumentException("run input " + in + " is not a directory");
            try (Stream<Path> files = Files.walk(in)) {
                files.filter(p -> p.getFileName().toString().equals("metrics.csv") && Files.isRegularFile(p))
                        .forEach(p -> runs.add(p.getParent().toAbsolutePath().normalize()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot search " + in, e);
            }
        }
        if (runs.isEmpty()) throw new IllegalArgumentException("no metrics.csv found under " + inputs);
        return List.copyOf(runs);
    }

    /** Groups the runs found under {@code inputs} and pools each group's {@code yColumn} against {@code xColumn}. */
    public static List<Curve> compute(List<Path> inputs, String xColumn, String yColumn) {
        List<ConfigGroups.Group> groups = ConfigGroups.group(findRuns(inputs));
        List<String> labels = ConfigGroups.labels(groups);
        List<Curve> curves = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<SeedBand.Series> series = new ArrayList<>();
            for (Path run : groups.get(g).runs()) series.add(load(run, xColumn, yColumn));
            double[][] p = SeedBand.pool(series, CONFIDENCE);
            int[] n = new int[p[4].length];
            for (int i = 0; i < n.length; i++) n[i] = (int) p[4][i];
            curves.add(new Curve(labels.get(g), groups.get(g).runs(), p[0], p[1], p[2], p[3], n));
        }
        return curves;
    }

    /** The chart's data: one series per curve, keyed by {@link Curve#legend()}, holding (x, mean, lo, hi). */
    public static YIntervalSeriesCollection dataset(List<Curve> curves) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        Set<String> keys = new HashSet<>();
        for (Curve c : curves) {
            String key = c.legend();
            for (int k = 2; !keys.add(key); k++) key = c.legend() + " #" + k;
            YIntervalSeries s = new YIntervalSeries(key, false, false);
            for (int i = 0; i < c.x().length; i++) s.add(c.x()[i], c.mean()[i], c.lo()[i], c.hi()[i]);
            data.addSeries(s);
        }
        return data;
    }

    /** A line chart of the curves with shaded bands; its plot's dataset is {@link #dataset}. */
    public static JFreeChart chart(List<Curve> curves, String xColumn, String yColumn, String title) {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.25f);
        for (int i = 0; i < curves.size(); i++) {
            Color c = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis yAxis = new NumberAxis(yColumn);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset(curves), new NumberAxis(xColumn), yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Renders {@code chart} as a PNG written atomically. */
    public static void writePng(JFreeChart chart, Path png, int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(bytes, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png, e);
        }
        AtomicFiles.write(png, bytes.toByteArray());
    }

    /** Computes the curves under {@code inputs}, writes them to {@code png} and returns them. */
    public static List<Curve> plot(List<Path> inputs, String xColumn, String yColumn, Path png) {
        List<Curve> curves = compute(inputs, xColumn, yColumn);
        String title = yColumn + " vs " + xColumn + " (mean, " + Math.round(CONFIDENCE * 100) + "% CI over seeds)";
        writePng(chart(curves, xColumn, yColumn, title), png, WIDTH, HEIGHT);
        return curves;
    }

    private static SeedBand.Series load(Path run, String xColumn, String yColumn) {
        Path file = run.resolve("metrics.csv");
        MetricsCsv.Table t = MetricsCsv.read(file);
        try {
            return SeedBand.Series.of(t.column(xColumn), t.column(yColumn));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}

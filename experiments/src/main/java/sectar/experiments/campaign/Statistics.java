package sectar.experiments.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import sectar.experiments.plot.SeedBand;

/**
 * The statistics a campaign reports, after rliable (Agarwal et al., "Deep Reinforcement Learning at the
 * Edge of the Statistical Precipice", NeurIPS 2021): the interquartile mean of scores over runs, and a
 * percentile confidence interval from a stratified bootstrap, which resamples runs with replacement
 * within each stratum (a task instance) so every resample keeps each stratum's number of runs; with
 * few seeds per instance this is what keeps one lucky instance from dominating the interval. The
 * Student-t interval over seeds is the one the learning-curve bands use ({@link SeedBand}).
 */
public final class Statistics {
    /** Share cut from each end by the interquartile mean. */
    public static final double IQM_TRIM = 0.25;

    private Statistics() {}

    /** A point estimate with its confidence interval. */
    public record Interval(double estimate, double lo, double hi) {}

    /** Arithmetic mean; NaN for no values. */
    public static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    /**
     * Mean of the sorted values left after cutting {@code floor(trim * n)} from each end (the convention of
     * scipy's {@code trim_mean}, which rliable's IQM calls with 0.25); NaN for no values.
     */
    public static double trimmedMean(double[] v, double trim) {
        if (!(trim >= 0 && trim < 0.5)) throw new IllegalArgumentException("trim must be in [0, 0.5), got " + trim);
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        int cut = (int) Math.floor(trim * s.length);
        double sum = 0;
        for (int i = cut; i < s.length - cut; i++) sum += s[i];
        return sum / (s.length - 2 * cut);
    }

    /** The interquartile mean: the mean of the middle half of the values. */
    public static double iqm(double[] v) { return trimmedMean(v, IQM_TRIM); }

    /** Mean and two-sided Student-t interval over {@code v} (the band's width is zero for one value). */
    public static Interval tInterval(double[] v, double confidence) {
        double m = mean(v);
        double half = SeedBand.halfWidth(v, m, confidence);
        return new Interval(m, m - half, m + half);
    }

    /**
     * {@code statistic} over all values of {@code strata} pooled, and its percentile interval over
     * {@code reps} stratified bootstrap resamples drawn from {@code rng}.
     *
     * @param strata     the runs' scores, one array per stratum (e.g. per task instance), none empty
     * @param statistic  the aggregate, e.g. {@link #iqm} or {@link #mean}
     * @param confidence e.g. 0.95: the interval spans the (1-c)/2 and (1+c)/2 percentiles of the resamples
     * @param reps       bootstrap resamples (>= 1)
     * @param rng        the named stream the resampling draws from
     */
    public static Interval stratifiedBootstrap(List<double[]> strata, ToDoubleFunction<double[]> statistic,
                                               double confidence, int reps, SplittableRandom rng) {
        if (strata.isEmpty()) throw new IllegalArgumentException("the bootstrap needs at least one stratum");
        for (double[] s : strata) if (s.length == 0) throw new IllegalArgumentException("a bootstrap stratum is empty");
        if (reps < 1) throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + reps);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        double point = statistic.applyAsDouble(pool(strata));
        double[] stats = new double[reps];
        int n = strata.stream().mapToInt(s -> s.length).sum();
        double[] sample = new double[n];
        for (int r = 0; r < reps; r++) {
            int j = 0;
            for (double[] s : strata) for (int i = 0; i < s.length; i++) sample[j++] = s[rng.nextInt(s.length)];
            stats[r] = statistic.applyAsDouble(sample);
        }
        // R-7 (linear between order statistics) is numpy's default percentile, which rliable's intervals use.
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(stats);
        return new Interval(point, p.evaluate(50 * (1 - confidence)), p.evaluate(50 * (1 + confidence)));
    }

    /** All strata's values in one array, stratum by stratum. */
    static double[] pool(List<double[]> strata) {
        List<Double> all = new ArrayList<>();
        for (double[] s : strata) for (double v : s) all.add(v);
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

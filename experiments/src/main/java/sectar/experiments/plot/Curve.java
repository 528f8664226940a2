package sectar.experiments.plot;

import java.nio.file.Path;
import java.util.List;

/**
 * One plotted group: the mean over seeds and its confidence band at each x.
 *
 * @param label the legend label without the seed count (config fields that tell groups apart)
 * @param runs  the run folders pooled in this group, one per seed
 * @param x     x positions, strictly increasing (union of the runs' x values)
 * @param mean  mean of y over the seeds that cover each x
 * @param lo    lower end of the confidence band (equal to the mean where only one seed covers x)
 * @param hi    upper end of the confidence band
 * @param n     number of seeds contributing at each x
 */
public record Curve(String label, List<Path> runs, double[] x, double[] mean, double[] lo, double[] hi, int[] n) {
    /** The legend entry: label and number of seeds, e.g. {@code "algo=ppo (n=3)"}. */
    public String legend() { return label + " (n=" + runs.size() + ")"; }
}

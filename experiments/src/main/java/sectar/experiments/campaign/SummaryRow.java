package sectar.experiments.campaign;

import java.nio.file.Path;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.run.RunMetadata;
import sectar.experiments.train.Algorithm;

/**
 * One finished run in a campaign's summary.csv.
 *
 * @param task        task name
 * @param algo        algorithm
 * @param instance    task instance
 * @param seed        run seed
 * @param iterations  rows in its metrics.csv
 * @param envSteps    env steps at its last iteration
 * @param finalReturn mean return over its last {@link #FINAL_SHARE} of iterations (at least one)
 * @param expert      the scripted expert's mean return on the instance
 * @param random      a random policy's mean return on the instance
 * @param normalized  {@code finalReturn} on the scale random = 0, expert = 1
 * @param wallS       training wall-clock seconds at its last iteration
 * @param commit      the git commit metadata.json records (with "+dirty" when the tree was dirty); a run that
 *                    processes of more than one commit continued lists them all, oldest first, joined by
 *                    {@value Commits#THEN}
 */
public record SummaryRow(String task, Algorithm algo, int instance, long seed, int iterations, long envSteps, double finalReturn,
                         double expert, double random, double normalized, double wallS, String commit) {
    /** The share of a run's last iterations its final return averages (as {@code sectar table --final 0.1}). */
    public static final double FINAL_SHARE = 0.1;

    /** The row of the finished run in {@code dir}. */
    public static SummaryRow of(RunSpec spec, Path dir) {
        return of(spec.task(), spec.algo(), spec.instance(), spec.seed(), dir);
    }

    /** The row of the finished run of {@code algo} on {@code task} instance {@code instance} with {@code seed}, in {@code dir}. */
    public static SummaryRow of(String task, Algorithm algo, int instance, long seed, Path dir) {
        MetricsCsv.Table t = MetricsCsv.read(dir.resolve(RunDirectory.METRICS));
        double[] ret = t.column("return");
        if (ret.length == 0) throw new IllegalStateException("run " + dir + " has no metrics rows");
        int k = Math.max(1, (int) Math.round(FINAL_SHARE * ret.length));
        double sum = 0;
        for (int i = ret.length - k; i < ret.length; i++) sum += ret[i];
        double fin = sum / k;
        double[] steps = t.column("env_steps"), wall = t.column("wall_s");
        RunMetadata md = RunMetadata.read(dir.resolve(RunDirectory.METADATA));
        String commit = String.join(Commits.THEN, md.commits());
        ReferenceReturns ref = ReferenceReturns.of(task, instance);
        return new SummaryRow(task, algo, instance, seed, ret.length, (long) steps[steps.length - 1], fin,
                ref.expert(), ref.random(), ref.normalize(fin), wall[wall.length - 1], commit);
    }
}

package sectar.planner;

import java.util.Arrays;
import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.api.LatentStateModel;

/**
 * The cross-entropy method over latent sequences (the project's addition; random shooting stays the
 * released default). Each problem keeps a diagonal Gaussian over its flattened [H, latentDim]
 * sequence, its first generation drawn from the prior (released N(0, I); a learned prior's draws at each
 * problem's start state, {@link LatentSearch#candidates}); every iteration samples {@code population} sequences,
 * refits mean and standard deviation to the {@code elites} best, and the best sequence ever seen is
 * returned. Its budget is iterations x population model evaluations per problem.
 *
 * <p>With a warm start the search remembers each problem's last plan: at the next replan (one segment
 * later) the Gaussian starts at that plan shifted by one segment (the new last segment at the prior's
 * mean) and the shifted plan itself is the first candidate, so a replan never scores below the
 * continuation of the previous plan under the same model.
 */
public final class CrossEntropySearch implements LatentSearch {
    private final int population;
    private final int iterations;
    private final int elites;
    private final double minStd;
    private final WarmStart warmStart;

    /**
     * @param population sequences sampled per iteration
     * @param iterations refits
     * @param elites     best sequences the Gaussian is refit to
     * @param minStd     floor on each standard deviation, so the search never collapses to a point
     */
    public CrossEntropySearch(int population, int iterations, int elites, double minStd) {
        this(population, iterations, elites, minStd, false);
    }

    /** As above; {@code warmStart} starts each replan from the previous plan shifted by one segment. */
    public CrossEntropySearch(int population, int iterations, int elites, double minStd, boolean warmStart) {
        if (population < 2) throw new IllegalArgumentException("population must be >= 2, got " + population);
        if (iterations < 1) throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        if (elites < 1 || elites > population)
            throw new IllegalArgumentException("elites must be in [1, " + population + "], got " + elites);
        if (!(minStd >= 0)) throw new IllegalArgumentException("minStd must be >= 0, got " + minStd);
        this.population = population;
        this.iterations = iterations;
        this.elites = elites;
        this.minStd = minStd;
        this.warmStart = warmStart ? new WarmStart() : null;
    }

    @Override public int evaluationsPerProblem() { return population * iterations; }

    @Override public Plan[] plan(LatentStateModel model, LatentPrior prior, PlanScorer scorer, double[][] starts, int[] stages,
                                 int h, SplittableRandom rng) {
        if (h < 1) throw new IllegalArgumentException("h must be >= 1, got " + h);
        int m = starts.length, lat = model.latentDim(), dim = h * lat;
        double[][] mean = new double[m][dim], std = new double[m][dim];
        for (double[] s : std) Arrays.fill(s, 1.0);
        float[][] shifted = warmStart == null ? null : warmStart.shifted(m, h, lat);
        if (shifted != null)
            for (int p = 0; p < m; p++)
                for (int d = 0; d < dim; d++) mean[p][d] = shifted[p][d];
        BestPlans best = new BestPlans(m, dim);
        CandidateEvaluator eval = new CandidateEvaluator(model, scorer, prior);
        float[] z = new float[m * population * dim];
        double[] scores = new double[m * population];
        for (int it = 0; it < iterations; it++) {
            if (it == 0 && shifted == null) {
                z = LatentSearch.candidates(prior, starts, population, h, lat, rng); // the first generation is the prior's
            } else {
                Gaussians.fill(z, rng);
                for (int p = 0; p < m; p++)
                    for (int c = 0; c < population; c++)
                        for (int d = 0, o = (p * population + c) * dim; d < dim; d++, o++)
                            z[o] = (float) (mean[p][d] + std[p][d] * z[o]);
            }
            if (it == 0 && shifted != null)
                for (int p = 0; p < m; p++) System.arraycopy(shifted[p], 0, z, p * population * dim, dim);
            eval.evaluate(starts, stages, z, population, h, scores);
            for (int p = 0; p < m; p++) {
                if (it == 0) best.markBlind(p, scores, population);
                Integer[] order = rank(scores, p * population, population);
                best.offer(p, order[0], z, scores, population);
                refit(z, p * population, order, dim, mean[p], std[p]);
            }
        }
        if (warmStart != null) warmStart.remember(best.latents());
        return best.plans(model, scorer, starts, h);
    }

    /** Candidate indices of one problem, best first (ties keep sampling order, so runs are repeatable). */
    private static Integer[] rank(double[] scores, int from, int count) {
        Integer[] idx = new Integer[count];
        for (int i = 0; i < count; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(scores[from + b], scores[from + a]));
        return idx;
    }

    private void refit(float[] z, int first, Integer[] order, int dim, double[] mean, double[] std) {
        for (int d = 0; d < dim; d++) {
            double s = 0, ss = 0;
            for (int e = 0; e < elites; e++) {
                double v = z[(first + order[e]) * dim + d];
                s += v;
                ss += v * v;
            }
            double mu = s / elites;
            mean[d] = mu;
            std[d] = Math.max(minStd, Math.sqrt(Math.max(0, ss / elites - mu * mu)));
        }
    }
}

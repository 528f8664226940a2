package sectar.planner;

import java.util.Arrays;
import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.api.LatentStateModel;

/**
 * CMA-ES over latent sequences (the project's addition; the released code searches by random shooting): each problem runs its own
 * {@link CmaEs} over its flattened [H, latentDim] sequence, starting at the prior N(0, I) (mean 0,
 * sigma 1, C = I), and every generation the populations of all problems are decoded in one batched
 * model call. The best sequence ever evaluated is returned. Its budget is generations x population model
 * evaluations per problem; {@link SearchConfig.CmaEs} sizes it from the planner's candidates (population =
 * candidates / generations), as {@link SearchConfig.Cem} does, so both cost the same. The weights and the
 * number of parents (half the population) are CMA-ES's own.
 *
 * <p>Sequences longer than {@link #FULL_COVARIANCE_MAX_DIM} use the separable variant. CMA-ES moves its
 * mean and step size more cautiously than CEM, so it pays off with more generations: on the oracle
 * planning problem of the tests it beats CEM clearly at 16 generations of 16, but not at the default
 * split of 4 generations (CmaEsSearchTest gives the numbers).
 *
 * <p>Without a warm start the search starts from the prior's proposal, as the other searches do: for
 * N(0, I) at mean 0, sigma 1, C = I, its first generation CMA-ES's own sample; for a learned prior at the
 * prior's mean and per-coordinate spread at the problem's start state (first segment; later segments
 * stay at N(0, I)), its draws entering the first generation as injected solutions. With a
 * warm start the mean starts at the previous plan shifted by one segment and that shifted plan is the
 * first candidate, so a replan never scores below it under the same model.
 */
public final class CmaEsSearch implements LatentSearch {
    /**
     * Longest sequence (h x latentDim) searched with a full covariance. Full CMA-ES learns C at rates
     * c1 ~ 2 / n^2 and c_mu ~ 2 mu_eff / n^2: at the cpu preset's population of 160 (640 / 4) c_mu is 0.22
     * at n = 16, 0.045 at n = 40 and 0.012 at n = 80, so within the planner's few generations (4 by
     * default) C moves less than a fifth of the way to what it has seen once n passes about 40. The
     * separable variant's rates are (n + 2) / 3 times larger (c_mu 0.63 at n = 40), and its cost per sample
     * is O(n) instead of O(n^2), with no O(n^3) eigendecomposition per problem and generation. 40 is five
     * 8-dimensional segments: the cpu preset's 2-segment plans (n = 16) stay full, the paper preset's
     * 10-segment plans (n = 80) go separable. On the oracle planning problem of the tests (40 seeds,
     * budgets 64 x 4 to 32 x 16) the two variants scored within noise of each other from n = 16 to 80,
     * full slightly ahead at 16 and separable slightly ahead from 40 on.
     */
    public static final int FULL_COVARIANCE_MAX_DIM = 40;

    private final int population;
    private final int generations;
    private final WarmStart warmStart;
    private final int fullCovarianceMaxDim;

    /**
     * @param population  sequences sampled per generation and problem (lambda)
     * @param generations CMA-ES updates
     * @param warmStart   start each replan from the previous plan shifted by one segment
     */
    public CmaEsSearch(int population, int generations, boolean warmStart) {
        this(population, generations, warmStart, FULL_COVARIANCE_MAX_DIM);
    }

    /** As above, with full covariance up to {@code fullCovarianceMaxDim} (0: always separable). */
    CmaEsSearch(int population, int generations, boolean warmStart, int fullCovarianceMaxDim) {
        if (population < 2) throw new IllegalArgumentException("population must be >= 2, got " + population);
        if (generations < 1) throw new IllegalArgumentException("generations must be >= 1, got " + generations);
        this.population = population;
        this.generations = generations;
        this.warmStart = warmStart ? new WarmStart() : null;
        this.fullCovarianceMaxDim = fullCovarianceMaxDim;
    }

    @Override public int evaluationsPerProblem() { return population * generations; }

    @Override public Plan[] plan(LatentStateModel model, LatentPrior prior, PlanScorer scorer, double[][] starts, int[] stages,
                                 int h, SplittableRandom rng) {
        if (h < 1) throw new IllegalArgumentException("h must be >= 1, got " + h);
        if (stages.length != starts.length)
            throw new IllegalArgumentException("need one stage per start: " + starts.length + " starts, " + stages.length + " stages");
        int m = starts.length, lat = model.latentDim(), dim = h * lat;
        float[][] shifted = warmStart == null ? null : warmStart.shifted(m, h, lat);
        CmaEs[] es = new CmaEs[m];
        double[][] mean0 = new double[m][dim], scale0 = new double[m][dim];
        if (shifted != null)
            for (int p = 0; p < m; p++) mean0[p] = toDouble(shifted[p], 0, dim);
        else startAtPrior(prior, starts, lat, mean0, scale0);
        for (int p = 0; p < m; p++)
            es[p] = new CmaEs(mean0[p], 1.0, shifted == null ? scale0[p] : null, population, dim > fullCovarianceMaxDim);
        BestPlans best = new BestPlans(m, dim);
        CandidateEvaluator eval = new CandidateEvaluator(model, scorer, prior);
        float[] z = new float[m * population * dim];
        double[] scores = new double[m * population], cost = new double[population];
        for (int g = 0; g < generations; g++) {
            if (g == 0 && shifted == null && !(prior instanceof LatentPrior.StandardNormal)) {
                z = LatentSearch.candidates(prior, starts, population, h, lat, rng);
                for (int p = 0; p < m; p++)
                    for (int c = 0; c < population; c++) es[p].inject(c, toDouble(z, (p * population + c) * dim, dim));
            } else {
                for (int p = 0; p < m; p++) {
                    double[][] x = es[p].ask(rng);
                    if (g == 0 && shifted != null) es[p].inject(0, toDouble(shifted[p], 0, dim));
                    for (int c = 0; c < population; c++)
                        for (int d = 0, o = (p * population + c) * dim; d < dim; d++, o++) z[o] = (float) x[c][d];
                }
            }
            eval.evaluate(starts, stages, z, population, h, scores);
            for (int p = 0; p < m; p++) {
                if (g == 0) best.markBlind(p, scores, population);
                for (int c = 0; c < population; c++) {
                    double s = scores[p * population + c];
                    if (Double.isNaN(s))
                        throw new IllegalArgumentException("the scorer returned NaN for problem " + p + ", candidate " + c);
                    best.offer(p, c, z, scores, population);
                    cost[c] = -s; // CMA-ES minimises
                }
                es[p].tell(cost);
            }
        }
        if (warmStart != null) warmStart.remember(best.latents());
        return best.plans(model, scorer, starts, h);
    }

    /**
     * Each problem's start: the prior's Gaussian at its start state for the first segment (mean and
     * per-coordinate spread, sigma 1), N(0, I) for later ones, which start at predicted states. For N(0, I)
     * this is CMA-ES's released start, mean 0 and C = I.
     */
    private static void startAtPrior(LatentPrior prior, double[][] starts, int lat, double[][] mean0, double[][] scale0) {
        int m = starts.length, obs = starts[0].length;
        for (double[] s : scale0) Arrays.fill(s, 1.0);
        if (prior instanceof LatentPrior.StandardNormal) return;
        float[] s = new float[m * obs];
        for (int p = 0; p < m; p++) for (int d = 0; d < obs; d++) s[p * obs + d] = (float) starts[p][d];
        double[] mean = new double[m * lat], std = new double[m * lat];
        prior.gaussian(s, m, mean, std);
        for (int p = 0; p < m; p++) {
            System.arraycopy(mean, p * lat, mean0[p], 0, lat);
            System.arraycopy(std, p * lat, scale0[p], 0, lat);
        }
    }

    private static double[] toDouble(float[] src, int from, int len) {
        double[] out = new double[len];
        for (int i = 0; i < len; i++) out[i] = src[from + i];
        return out;
    }
}

package sectar.planner;

import sectar.agent.api.LatentPrior;
import sectar.agent.api.LatentStateModel;

/**
 * Decodes and scores candidate latent sequences for M problems in large batched model calls, in
 * chunks so that paper-scale searches (40 x 2048 candidates) do not need gigabytes of predictions.
 * With a trust region ({@link PlanScorer#priorPenalty()} = lambda > 0) each score gains
 * lambda * log p(z_1..z_H | s) under the planning prior ({@link PlanPrior}), so plans far from what the
 * prior proposes, where the model was rarely trained, must earn their distance.
 */
final class CandidateEvaluator {
    /** Candidates decoded per model call; bounds the prediction buffer to about 64 MB at T=19, obs 15. */
    static final int MAX_BATCH = 4096;

    private final LatentStateModel model;
    private final PlanScorer scorer;
    private final LatentPrior prior;
    private float[] s0Buf = new float[0];
    private float[] predBuf = new float[0];

    /** Without a trust region's prior (for predictions of chosen plans). */
    CandidateEvaluator(LatentStateModel model, PlanScorer scorer) {
        this(model, scorer, LatentPrior.standardNormal(model.latentDim()));
    }

    /** @param prior the planning prior the trust region measures candidates against */
    CandidateEvaluator(LatentStateModel model, PlanScorer scorer, LatentPrior prior) {
        this.model = model;
        this.scorer = scorer;
        this.prior = prior;
    }

    /**
     * Scores {@code c} candidates per problem.
     *
     * @param starts [M][obsDim]
     * @param stages [M]
     * @param z      [M, c, h, latentDim] flat
     * @param scores out: [M, c] flat
     */
    void evaluate(double[][] starts, int[] stages, float[] z, int c, int h, double[] scores) {
        int obs = model.obsDim(), lat = model.latentDim(), steps = h * model.segmentLength();
        int m = starts.length, total = m * c;
        int zStride = h * lat;
        for (int from = 0; from < total; from += MAX_BATCH) {
            int n = Math.min(MAX_BATCH, total - from);
            ensure(n, obs, steps);
            for (int i = 0; i < n; i++) {
                double[] s = starts[(from + i) / c];
                for (int d = 0; d < obs; d++) s0Buf[i * obs + d] = (float) s[d];
            }
            float[] zChunk = z;
            if (n != total) {
                zChunk = new float[n * zStride];
                System.arraycopy(z, from * zStride, zChunk, 0, n * zStride);
            }
            model.predictChained(s0Buf, zChunk, n, h, predBuf);
            // Score problem by problem: each has its own start stage.
            int i = 0;
            while (i < n) {
                int problem = (from + i) / c;
                int end = Math.min(n, (problem + 1) * c - from);
                scorer.score(predBuf, i * steps * obs, end - i, steps, obs, stages[problem], scores, from + i);
                i = end;
            }
            if (scorer.priorPenalty() > 0) {
                double[] lp = new double[n];
                PlanPrior.logPrior(prior, s0Buf, zChunk, predBuf, n, h, model.segmentLength(), obs, lp, 0);
                for (int j = 0; j < n; j++) scores[from + j] += scorer.priorPenalty() * lp[j];
            }
        }
    }

    /** Predicted states of one candidate, [h, T, obsDim] flat. */
    float[] predict(double[] start, float[] latents, int h) {
        int obs = model.obsDim();
        float[] s0 = new float[obs];
        for (int d = 0; d < obs; d++) s0[d] = (float) start[d];
        float[] out = new float[h * model.segmentLength() * obs];
        model.predictChained(s0, latents, 1, h, out);
        return out;
    }

    /** Buffers of exactly this chunk's size (the model checks lengths; only a last, smaller chunk reallocates). */
    private void ensure(int n, int obs, int steps) {
        if (s0Buf.length != n * obs) s0Buf = new float[n * obs];
        if (predBuf.length != n * steps * obs) predBuf = new float[n * steps * obs];
    }
}

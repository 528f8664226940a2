package sectar.planner;

import java.util.List;

/**
 * What one batch of MPC episodes produced.
 *
 * @param returns        real sparse return of each episode (the headline metric, "MPC Actual")
 * @param stages         final stage of each episode
 * @param segmentStarts  every real state a segment started from (the explorer's start states)
 * @param traces         per episode: executed and predicted states, for renders
 * @param envSteps       environment steps taken
 */
public record MpcRollout(double[] returns, int[] stages, List<double[]> segmentStarts, List<Trace> traces,
                         long envSteps) {

    /**
     * One episode's record.
     *
     * @param executed  real states, [segments * T + 1][obsDim]
     * @param predicted per executed segment, the model's prediction of it from the same start and latent,
     *                  [T * obsDim] flat
     */
    public record Trace(List<double[]> executed, List<float[]> predicted) {}

    public double meanReturn() { return java.util.Arrays.stream(returns).average().orElse(0); }

    public double meanStage() { return java.util.Arrays.stream(stages).average().orElse(0); }

    /** Fraction of episodes that reached the final stage. */
    public double successRate(int numGoals) {
        return java.util.Arrays.stream(stages).filter(s -> s >= numGoals).count() / (double) stages.length;
    }
}

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
 * @param stats          what the planner predicted against what happened, over every executed segment
 */
public record MpcRollout(double[] returns, int[] stages, List<double[]> segmentStarts, List<Trace> traces,
                         long envSteps, PlanStats stats) {

    /**
     * One episode's record.
     *
     * @param executed  real states, [segments * T + 1][obsDim]
     * @param predicted per executed segment (one per replan), the model's prediction of its latent's full
     *                  T steps from the same start, [T * obsDim] flat
     * @param actions   the actions taken, one per executed state after the first
     * @param latents   per executed segment, the latent it executed
     * @param gains     per executed segment, the stages it advanced
     * @param chunkStarts per executed segment, the index in {@code executed} of the state it started from
     *                  (multiples of T unless the planner replans more often)
     * @param stages    the real stage at each executed state, aligned with {@code executed}
     */
    public record Trace(List<double[]> executed, List<float[]> predicted, List<double[]> actions, List<float[]> latents,
                        List<Integer> gains, List<Integer> chunkStarts, List<Integer> stages) {
        /** Stages advanced over the T steps from executed state {@code from} (to the last state if fewer remain). */
        public int gainOver(int from, int t) {
            return stages.get(Math.min(from + t, stages.size() - 1)) - stages.get(from);
        }
    }

    public double meanReturn() { return java.util.Arrays.stream(returns).average().orElse(0); }

    public double meanStage() { return java.util.Arrays.stream(stages).average().orElse(0); }

    /** Fraction of episodes that reached the final stage. */
    public double successRate(int numGoals) {
        return java.util.Arrays.stream(stages).filter(s -> s >= numGoals).count() / (double) stages.length;
    }
}

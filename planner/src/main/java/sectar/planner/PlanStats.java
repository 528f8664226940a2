package sectar.planner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Diagnostics of one batch of MPC episodes, summed over executed segments: how good the plans looked
 * to the model, how often the search was blind, and how far the executed segments ended from where the
 * state model said they would.
 *
 * @param segments     executed segments (one replan each)
 * @param blind        replans where every candidate scored the same
 * @param bestScore    sum of the chosen plans' scores
 * @param endError     sum over segments of |predicted end state - executed end state| (Euclidean, full state)
 * @param goalsGained  sum over segments of the stages the executed segment advanced
 * @param logPrior     sum over segments of the chosen plan's log-prior log p(z_1..z_H | s) under the planning
 *                     prior (what the trust region charges lambda times)
 */
public record PlanStats(int segments, int blind, double bestScore, double endError, int goalsGained, double logPrior) {
    public static final PlanStats NONE = new PlanStats(0, 0, 0, 0, 0, 0);

    /** These sums with one more executed segment. */
    PlanStats plus(boolean wasBlind, double score, double error, int gained, double planLogPrior) {
        return new PlanStats(segments + 1, blind + (wasBlind ? 1 : 0), bestScore + score, endError + error,
                goalsGained + gained, logPrior + planLogPrior);
    }

    private double per(double sum) { return segments == 0 ? Double.NaN : sum / segments; }

    public double blindShare() { return per(blind); }

    public double meanBestScore() { return per(bestScore); }

    public double meanEndError() { return per(endError); }

    public double goalsPerSegment() { return per(goalsGained); }

    public double meanLogPrior() { return per(logPrior); }

    /** Its metrics.csv columns, in order: plan_best_score, plan_blind, plan_end_error, goals_per_segment, plan_log_prior. */
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("plan_best_score", meanBestScore());
        c.put("plan_blind", blindShare());
        c.put("plan_end_error", meanEndError());
        c.put("goals_per_segment", goalsPerSegment());
        c.put("plan_log_prior", meanLogPrior());
        return c;
    }
}

package sectar.experiments.report;

import java.util.List;
import java.util.Locale;
import sectar.experiments.campaign.SummaryRow;

/**
 * What holds SeCTAR back, per task instance: the diagnostic columns of its runs' metrics over their last
 * {@link SummaryRow#FINAL_SHARE} of iterations, mean over runs. Generated into the README, so the
 * figures the text discusses are the committed runs'.
 */
public final class DiagnosticsTable {
    /** The columns shown, in order; docs/sectar.md says what each measures. */
    static final List<String> COLUMNS = List.of("plan_end_error", "reach_mean", "pd_entropy_prior", "vae_kl", "bc_accuracy",
            "explorer_entropy", "consistency_reward");

    private DiagnosticsTable() {}

    static String markdown(SectarRuns runs) {
        StringBuilder s = new StringBuilder("SeCTAR's diagnostics over each run's last ")
                .append(Math.round(SummaryRow.FINAL_SHARE * 100)).append("% of iterations, mean over runs (- where a task does not log the column):\n\n| task | runs |");
        for (String c : COLUMNS) s.append(" `").append(c).append("` |");
        s.append("\n|---|---|").append("---|".repeat(COLUMNS.size())).append('\n');
        runs.byInstance().forEach((name, tables) -> {
            s.append("| ").append(name).append(" | ").append(tables.size()).append(" |");
            for (String c : COLUMNS) {
                double v = SectarRuns.mean(tables.stream().map(t -> SectarRuns.last(t, c, SummaryRow.FINAL_SHARE)).toList());
                s.append(Double.isFinite(v) ? String.format(Locale.ROOT, " %.2f |", v) : " - |");
            }
            s.append('\n');
        });
        return s.toString();
    }

}

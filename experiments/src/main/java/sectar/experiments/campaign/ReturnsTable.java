package sectar.experiments.campaign;

import java.util.List;
import java.util.Locale;
import sectar.experiments.train.Algorithm;

/**
 * The raw side of {@code sectar report}: per algorithm and task instance, the final return's mean and
 * 95% Student-t interval over seeds with the mean env steps behind it, and the instance's expert and
 * random returns, so a reader sees the returns themselves beside the normalised scores.
 */
public final class ReturnsTable {
    private ReturnsTable() {}

    public static String markdown(List<SummaryRow> rows) {
        List<String> columns = rows.stream().map(r -> r.task() + " i" + r.instance()).distinct().sorted().toList();
        List<Algorithm> algos = Report.algorithms(rows);
        StringBuilder s = new StringBuilder("Final return (mean of a run's last ")
                .append(Math.round(SummaryRow.FINAL_SHARE * 100))
                .append("% of iterations): mean ± 95% Student-t half-width (seeds), [mean env steps per run]; † marks runs of more than one commit.\n\n| algorithm |");
        for (String c : columns) s.append(' ').append(c).append(" |");
        s.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        for (Algorithm a : algos) {
            s.append("| ").append(a).append(" |");
            for (String c : columns) {
                List<SummaryRow> mine = rows.stream().filter(r -> r.algo() == a && column(r).equals(c)).toList();
                if (mine.isEmpty()) {
                    s.append(" - |");
                    continue;
                }
                double steps = Statistics.mean(mine.stream().mapToDouble(SummaryRow::envSteps).toArray());
                boolean mixed = mine.stream().map(Commits::of).distinct().count() > 1;
                s.append(' ').append(CampaignReadme.cell(mine.stream().mapToDouble(SummaryRow::finalReturn).toArray()))
                        .append(String.format(Locale.ROOT, " [%.2fM]", steps / 1e6)).append(mixed ? "†" : "").append(" |");
            }
            s.append('\n');
        }
        s.append("| expert / random |");
        for (String c : columns) {
            SummaryRow any = rows.stream().filter(r -> column(r).equals(c)).findFirst().orElseThrow();
            s.append(String.format(Locale.ROOT, " %.2f / %.2f |", any.expert(), any.random()));
        }
        return s.append('\n').toString();
    }

    private static String column(SummaryRow r) { return r.task() + " i" + r.instance(); }
}

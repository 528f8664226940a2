package sectar.experiments.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sectar.experiments.campaign.MarkedSection;
import sectar.experiments.campaign.Summary;
import sectar.experiments.campaign.SummaryRow;

/**
 * {@code sectar report --check FILE}: the committed numbers cannot go stale. Every summary.csv must be
 * what its run folders produce (a row edited by hand, or a run re-made without regenerating the
 * summary, fails), and FILE's generated block must be what the summaries produce.
 */
public final class ReportCheck {
    private ReportCheck() {}

    /** One line per problem in the summaries: the first row of each file that differs from its run folder. */
    public static List<String> summaries(List<Path> summaryFiles) {
        List<String> problems = new ArrayList<>();
        for (Path f : summaryFiles) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            List<SummaryRow> rows = Summary.read(f);
            int row = 0;
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                SummaryRow r = rows.get(row++);
                Path dir = Summary.runDir(f, r);
                String fresh = Summary.line(SummaryRow.of(r.task(), r.algo(), r.instance(), r.seed(), dir));
                if (!fresh.equals(lines.get(i))) {
                    problems.add(f + " line " + (i + 1) + " (" + r.algo() + "/i" + r.instance() + "-s" + r.seed() + ") is '" + lines.get(i)
                            + "' but its run folder gives '" + fresh + "'");
                    break;
                }
            }
        }
        return problems;
    }

    /** The problem with {@code readme}'s generated block, or null when it is {@code expected}. */
    public static String block(Path readme, String expected) {
        String have = MarkedSection.block(readme), want = MarkedSection.asBlock(expected);
        if (have.equals(want)) return null;
        String[] a = have.split("\n", -1), b = want.split("\n", -1);
        int i = 0;
        while (i < Math.min(a.length, b.length) && a[i].equals(b[i])) i++;
        return readme + ": the generated block differs from what the summaries produce at its line " + (i + 1) + ": it has '"
                + (i < a.length ? a[i] : "") + "', expected '" + (i < b.length ? b[i] : "") + "'";
    }
}

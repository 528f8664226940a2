package sectar.experiments.campaign;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import sectar.experiments.train.Algorithm;

/**
 * Which commits a report's runs come from: a cell that mixes commits is marked, and a table lists the
 * commits of each task's runs, so a comparison across code versions is never silent.
 */
public final class Commits {
    /** Joins the commits of a run that processes of more than one commit continued, oldest first. */
    public static final String THEN = " then ";

    private Commits() {}

    /** The commit (or commits) a row records, without the "+dirty" marks. */
    static String of(SummaryRow r) {
        return String.join(THEN, Arrays.stream(r.commit().split(THEN)).map(Commits::withoutDirty).toList());
    }

    /** One commit label ({@code RunMetadata#commitLabel}) without its "+dirty" mark. */
    static String withoutDirty(String label) {
        return label.endsWith("+dirty") ? label.substring(0, label.length() - "+dirty".length()) : label;
    }

    /** Whether the runs of {@code algo} (any algorithm when null) on {@code task} come from more than one commit. */
    public static boolean mixed(List<SummaryRow> rows, Algorithm algo, String task) {
        return rows.stream().filter(r -> r.task().equals(task) && (algo == null || r.algo() == algo))
                .map(Commits::of).distinct().count() > 1;
    }

    /** Per task: each commit with the algorithms (and run counts) that ran at it. */
    public static String markdown(List<SummaryRow> rows) {
        StringBuilder s = new StringBuilder("Commits of the runs, per task (")
                .append("a task whose runs span more than one commit compares different code):\n\n| task | commit: algorithm (runs) |\n|---|---|\n");
        TreeSet<String> tasks = new TreeSet<>();
        rows.forEach(r -> tasks.add(r.task()));
        for (String t : tasks) {
            Map<String, Map<Algorithm, Integer>> byCommit = new TreeMap<>();
            for (SummaryRow r : rows)
                if (r.task().equals(t)) byCommit.computeIfAbsent(CommitRule.abbrev(of(r)), c -> new LinkedHashMap<>()).merge(r.algo(), 1, Integer::sum);
            List<String> parts = byCommit.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ",
                    e.getValue().entrySet().stream().map(a -> a.getKey() + " (" + a.getValue() + ")").toList())).toList();
            s.append("| ").append(t).append(byCommit.size() > 1 ? " †" : "").append(" | ").append(String.join("; ", parts)).append(" |\n");
        }
        return s.toString();
    }
}

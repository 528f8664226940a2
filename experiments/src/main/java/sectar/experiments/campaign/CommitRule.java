package sectar.experiments.campaign;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.run.RunMetadata;

/**
 * One commit per campaign: the runs a table compares must come from the same code, so starting or
 * resuming a campaign whose finished runs were made by another commit is refused (one line naming
 * both), unless the user allows mixed commits; the report then marks the cells that mix them.
 */
public final class CommitRule {
    private CommitRule() {}

    /**
     * Fails (a user error) when a finished run of {@code plan} in {@code root} records another commit
     * than {@code commit} (a "+dirty" mark aside), unless {@code allowMixed}.
     */
    public static void check(List<RunSpec> plan, Path root, String commit, boolean allowMixed) {
        if (allowMixed) return;
        TreeSet<String> others = new TreeSet<>();
        String example = null;
        for (RunSpec s : plan) {
            Path dir = s.dir(root);
            if (RunState.of(dir) != RunState.FINISHED) continue;
            String c = RunMetadata.read(dir.resolve(RunDirectory.METADATA)).gitCommit();
            if (!c.equals(commit)) {
                if (others.add(c) && example == null) example = s.name();
            }
        }
        if (others.isEmpty()) return;
        throw new IllegalArgumentException("campaign " + root + " has finished runs of commit " + String.join(", ", others.stream().map(CommitRule::abbrev).toList())
                + " (" + example + (others.size() > 1 ? ", ..." : "") + ") and this build is " + abbrev(commit)
                + "; run that commit, use another --out, or pass --allow-mixed-commits");
    }

    /** The first 7 characters of a commit hash (all of a shorter word such as "unknown"). */
    public static String abbrev(String commit) {
        return commit.length() > 7 && commit.chars().allMatch(ch -> Character.digit(ch, 16) >= 0) ? commit.substring(0, 7) : commit;
    }
}

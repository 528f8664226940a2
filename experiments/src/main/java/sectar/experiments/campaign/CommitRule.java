package sectar.experiments.campaign;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.run.RunMetadata;

/**
 * One commit per campaign: the runs a table compares must come from the same code, so starting or
 * resuming a campaign whose finished runs were made by another commit is refused (one line naming
 * both), unless the user allows mixed commits; the report then marks the cells that mix them. A stopped
 * run that would resume counts too: resuming it with another build would make one run of two commits.
 */
public final class CommitRule {
    private CommitRule() {}

    /**
     * Fails (a user error) when a finished or resumable stopped run of {@code plan} in {@code root} records another
     * commit than {@code commit} (a "+dirty" mark aside), in any of the processes that ran it, unless
     * {@code allowMixed}.
     */
    public static void check(List<RunSpec> plan, Path root, String commit, boolean allowMixed) {
        if (allowMixed) return;
        TreeSet<String> others = new TreeSet<>();
        String example = null;
        for (RunSpec s : plan) {
            Path dir = s.dir(root);
            RunState state = RunState.of(dir);
            // a stopped run that cannot resume starts over, all its files replaced: it mixes nothing
            if (state == RunState.ABSENT || (state == RunState.STOPPED && !s.algo().resumesFrom(dir))) continue;
            RunMetadata md;
            try {
                md = RunMetadata.read(dir.resolve(RunDirectory.METADATA));
            } catch (RuntimeException unreadable) {
                continue; // a stopped run whose metadata is not ours, which nothing can resume
            }
            for (String label : md.commits()) {
                String c = Commits.withoutDirty(label);
                if (!c.equals(commit) && others.add(c) && example == null) example = s.name();
            }
        }
        if (others.isEmpty()) return;
        throw new IllegalArgumentException("campaign " + root + " has runs made by commit " + String.join(", ", others.stream().map(CommitRule::abbrev).toList())
                + " (" + example + (others.size() > 1 ? ", ..." : "") + ") and this build is " + abbrev(commit)
                + "; run that commit, use another --out, or pass --allow-mixed-commits");
    }

    /**
     * The first 7 characters of a commit hash (all of a shorter word such as "unknown"); each of them
     * for the commits of a run continued by more than one ({@link Commits#THEN}).
     */
    public static String abbrev(String commit) {
        if (commit.contains(Commits.THEN))
            return String.join(Commits.THEN, Arrays.stream(commit.split(Commits.THEN)).map(CommitRule::abbrev).toList());
        return commit.length() > 7 && commit.chars().allMatch(ch -> Character.digit(ch, 16) >= 0) ? commit.substring(0, 7) : commit;
    }
}

package sectar.experiments.cluster;

import java.io.Serializable;
import java.util.List;

/**
 * The campaign a cluster holds, in its campaign map under {@link #KEY}: what the workers need to run
 * any of its runs without the coordinator's command line (the task, the shared folder, each run's
 * {@code sectar train} arguments), the commit it was started from (workers from another are refused),
 * the lease length, and whether the coordinator has written the final summary.
 *
 * @param task        task name
 * @param root        the campaign folder's absolute path, the same on every machine (a shared filesystem)
 * @param runs        the plan in order
 * @param commit      the coordinator's git commit
 * @param leaseMillis how long a claim holds without renewal
 * @param done        every run ended and the summary is written: workers leave
 */
public record CampaignEntry(String task, String root, List<Planned> runs, String commit, long leaseMillis, boolean done)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The campaign map's name. */
    public static final String MAP = MemberConfig.MAPS + "campaign";

    /** The key of the one entry in the campaign map. */
    public static final String KEY = "campaign";

    /**
     * One run of the plan.
     *
     * @param name      {@code <algo>/i<k>-s<seed>}, also its folder under the campaign folder
     * @param algo      the algorithm (whether a stopped run resumes depends on it)
     * @param trainArgs {@code sectar train} arguments without {@code --out} and {@code --threads}
     */
    public record Planned(String name, String algo, List<String> trainArgs) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Planned {
            trainArgs = List.copyOf(trainArgs);
        }
    }

    public CampaignEntry {
        runs = List.copyOf(runs);
        if (leaseMillis < 1000) throw new IllegalArgumentException("--lease-seconds must be >= 1, got " + leaseMillis / 1000.0);
    }

    /** The same task, folder and runs (commit, lease and done aside). */
    public boolean samePlan(CampaignEntry o) { return task.equals(o.task) && root.equals(o.root) && runs.equals(o.runs); }

    CampaignEntry finished() { return new CampaignEntry(task, root, runs, commit, leaseMillis, true); }

    /** The run named {@code name}. */
    Planned run(String name) {
        for (Planned p : runs) if (p.name().equals(name)) return p;
        throw new IllegalStateException("run " + name + " is not in the campaign");
    }
}

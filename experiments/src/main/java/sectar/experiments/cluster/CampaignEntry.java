package sectar.experiments.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * The campaign a cluster holds, as JSON in its campaign map under {@link #KEY}: what the workers need to
 * run any of its runs without the coordinator's command line (the task, the shared folder, each run's
 * {@code sectar train} arguments), the commit it was started from (workers from another are refused)
 * and the lease length, signed with the campaign's {@link CampaignKey}. The end of the campaign is a
 * separate small signed mark under {@link #DONE}, so a waiting worker never reads the whole plan again.
 *
 * @param task        task name
 * @param root        the campaign folder's absolute path, the same on every machine (a shared filesystem)
 * @param runs        the plan in order
 * @param commit      the coordinator's git commit
 * @param leaseMillis how long a claim holds without renewal
 * @param signature   HMAC-SHA256 of everything else ({@link #signedText()}), or null before signing
 */
public record CampaignEntry(String task, String root, List<Planned> runs, String commit, long leaseMillis, String signature) {
    /** The campaign map's name. */
    public static final String MAP = MemberConfig.MAPS + "campaign";
    /** The key of the campaign in the campaign map. */
    public static final String KEY = "campaign";
    /** The key of the done mark in the campaign map. */
    public static final String DONE = "done";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One run of the plan.
     *
     * @param name      {@code <algo>/i<k>-s<seed>}, also its folder under the campaign folder
     * @param algo      the algorithm (whether a stopped run resumes depends on it)
     * @param trainArgs {@code sectar train} arguments without {@code --out} and {@code --threads}
     */
    public record Planned(String name, String algo, List<String> trainArgs) {
        public Planned {
            trainArgs = List.copyOf(trainArgs);
        }
    }

    public CampaignEntry {
        runs = List.copyOf(runs);
        if (leaseMillis < 1000) throw new IllegalArgumentException("--lease-seconds must be >= 1, got " + leaseMillis / 1000.0);
    }

    /** What the signature covers, one field or run per line, arguments separated by NUL (which no argument holds). */
    String signedText() {
        StringBuilder s = new StringBuilder("sectar campaign\n").append(task).append('\n').append(root).append('\n').append(commit)
                .append('\n').append(leaseMillis).append('\n');
        for (Planned p : runs) s.append(p.name()).append('\0').append(p.algo()).append('\0').append(String.join("\0", p.trainArgs())).append('\n');
        return s.toString();
    }

    CampaignEntry signedWith(CampaignKey key) { return new CampaignEntry(task, root, runs, commit, leaseMillis, key.sign(signedText())); }

    /** Whether this entry is the one the campaign's key signed, unchanged. */
    boolean signedBy(CampaignKey key) { return key.verifies(signedText(), signature); }

    /** The done mark of this campaign: only the campaign's key makes it. */
    String doneMark(CampaignKey key) { return key.sign("sectar campaign done\n" + root + "\n" + commit); }

    /** The run named {@code name}. */
    Planned run(String name) {
        for (Planned p : runs) if (p.name().equals(name)) return p;
        throw new IllegalStateException("run " + name + " is not in the campaign");
    }

    /** The map's form. */
    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A map value read back; null for anything that is not a campaign entry. */
    static CampaignEntry parse(Object value) {
        if (!(value instanceof String s)) return null;
        try {
            CampaignEntry c = JSON.readValue(s, CampaignEntry.class);
            return c.task == null || c.root == null || c.commit == null || c.runs.stream().anyMatch(p -> p.name() == null || p.algo() == null) ? null : c;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}

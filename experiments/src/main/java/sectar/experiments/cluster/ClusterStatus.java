package sectar.experiments.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sectar experiment ... --out DIR --status}: who runs what. A short-lived Hazelcast client (not a
 * member: it holds nothing and moves no partitions) finds the cluster through the campaign folder's
 * {@code cluster.json}, reads the campaign and run maps, prints one line per run and leaves.
 */
public final class ClusterStatus {
    private ClusterStatus() {}

    /** Prints the campaign's runs; a folder without a cluster, or a cluster that does not answer, is a user error. */
    public static void print(Path root, PrintWriter out) {
        ClusterFiles.Cluster c = ClusterFiles.readCluster(root);
        if (c == null)
            throw new IllegalArgumentException("--status: " + root.resolve(ClusterFiles.CLUSTER) + " does not exist; no cluster campaign was started in " + root);
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(MemberConfig.client(c.clusterName(), c.address()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no cluster " + c.clusterName() + " answered at " + c.address()
                    + " (from " + ClusterFiles.CLUSTER + "); the campaign is not running");
        }
        try {
            IMap<String, String> campaigns = client.getMap(CampaignEntry.MAP);
            CampaignEntry campaign = CampaignEntry.parse(campaigns.get(CampaignEntry.KEY));
            if (campaign == null) throw new IllegalArgumentException("cluster " + c.clusterName() + " holds no campaign");
            CampaignKey key = CampaignKey.load(root);
            List<String> names = campaign.runs().stream().map(CampaignEntry.Planned::name).toList();
            Map<String, RunEntry> runs = RunTable.of(client).snapshot(names);
            long now = System.currentTimeMillis(); // a client has no cluster time; the coordinator's clock is close enough for "lease left"
            boolean done = campaign.doneMark(key).equals(campaigns.get(CampaignEntry.DONE));
            out.println("cluster " + c.clusterName() + " at " + c.address() + ": campaign " + campaign.task() + " in " + campaign.root()
                    + (done ? " (done)" : "") + (campaign.signedBy(key) ? "" : " (NOT signed with " + CampaignKey.FILE + ": someone changed it)"));
            out.println(String.format(Locale.ROOT, "%-24s %-9s %-28s %-22s %-10s %s", "run", "state", "worker", "address", "lease left", "epoch"));
            for (String n : names) {
                RunEntry e = runs.getOrDefault(n, RunEntry.pending(0));
                String lease = e.status() == RunEntry.Status.CLAIMED ? String.format(Locale.ROOT, "%.0f s", (e.leaseUntil() - now) / 1000.0) : "-";
                String state = e.status().name().toLowerCase(Locale.ROOT) + (e.attempts() > 0 ? " (" + e.attempts() + " failed)" : "");
                out.println(String.format(Locale.ROOT, "%-24s %-9s %-28s %-22s %-10s %d", n, state, e.worker() == null ? "-" : e.worker(),
                        e.member() == null ? "-" : e.member(), lease, e.epoch()));
            }
            out.flush();
        } finally {
            client.shutdown();
        }
    }
}

package sectar.experiments.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<String> addresses = new ArrayList<>(List.of(c.address()));
        for (String a : ClusterFiles.memberAddresses(root)) if (!addresses.contains(a)) addresses.add(a);
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(MemberConfig.client(c.clusterName(), addresses));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no cluster " + c.clusterName() + " answered at " + String.join(", ", addresses)
                    + " (from " + ClusterFiles.CLUSTER + "); the campaign is not running");
        }
        try {
            CampaignEntry campaign = client.<String, CampaignEntry>getMap(CampaignEntry.MAP).get(CampaignEntry.KEY);
            if (campaign == null) throw new IllegalArgumentException("cluster " + c.clusterName() + " holds no campaign");
            List<String> names = campaign.runs().stream().map(CampaignEntry.Planned::name).toList();
            Map<String, RunEntry> runs = new RunTable(client.getMap(RunTable.MAP), System::currentTimeMillis).snapshot(names);
            long now = System.currentTimeMillis(); // a client has no cluster time; members' clocks are close enough for "lease left"
            out.println("cluster " + c.clusterName() + ": " + client.getCluster().getMembers().size() + " members; campaign " + campaign.task()
                    + " in " + campaign.root() + (campaign.done() ? " (done)" : ""));
            out.println(String.format(Locale.ROOT, "%-24s %-9s %-28s %-22s %s", "run", "state", "worker", "member", "lease left"));
            for (String n : names) {
                RunEntry e = runs.getOrDefault(n, RunEntry.pending());
                String lease = e.status() == RunEntry.Status.CLAIMED ? String.format(Locale.ROOT, "%.0f s", (e.leaseUntil() - now) / 1000.0) : "-";
                String state = e.status().name().toLowerCase(Locale.ROOT) + (e.attempts() > 0 ? " (" + e.attempts() + " failed)" : "");
                out.println(String.format(Locale.ROOT, "%-24s %-9s %-28s %-22s %s", n, state, e.worker() == null ? "-" : e.worker(),
                        e.member() == null ? "-" : e.member(), lease));
            }
            out.flush();
        } finally {
            client.shutdown();
        }
    }
}

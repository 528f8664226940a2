package sectar.experiments.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sectar.experiments.campaign.CampaignRecord;
import sectar.experiments.campaign.CampaignRunner;
import sectar.experiments.campaign.Experiment;
import sectar.experiments.campaign.RunSpec;
import sectar.experiments.campaign.RunState;

/**
 * {@code sectar experiment <task> --cluster}: an embedded member that holds the campaign (its plan and
 * every run's state) for the workers, runs nothing itself, and writes the same summary, plots and README
 * as the local campaign whenever runs finish. Started again with the same command after a crash it takes
 * the cluster name from {@code cluster.json}, joins the surviving members and carries on from their
 * state; what no member kept (all were gone) is seeded again from the run folders.
 */
public final class Coordinator {
    private static final long POLL_MS = 1000;

    /**
     * @param root          the campaign folder (shared with every worker at the same path)
     * @param clusterName   the cluster name, or null for the one {@code cluster.json} records, else a new random one
     * @param bind          the address to bind
     * @param port          the coordinator's port (fixed: workers and restarts find it there)
     * @param leaseMillis   how long a claim holds without renewal
     * @param commit        the git commit of this build
     * @param err           progress lines
     * @param command       the command line, for README.md
     * @param workerCommand how to start this build's CLI on another machine (printed in the worker command)
     */
    public record Options(Path root, String clusterName, String bind, int port, long leaseMillis, String commit, PrintStream err,
                          List<String> command, String workerCommand) {}

    private Coordinator() {}

    /** Runs the campaign to its end on the cluster; the same result as the local campaign's. */
    public static CampaignRunner.Result run(Experiment exp, Options o) {
        Path root = o.root().toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create campaign folder " + root + " (" + e.getClass().getSimpleName() + ")");
        }
        CampaignRecord record = CampaignRecord.load(root);
        // the runs of a cluster start at once, so a baseline matched to SeCTAR takes SeCTAR's upper bound
        for (RunSpec s : exp.plan(null)) record.check(s);
        return CampaignRunner.locked(root, () -> runLocked(exp, root, record, o));
    }

    private static CampaignRunner.Result runLocked(Experiment exp, Path root, CampaignRecord record, Options o) {
        ClusterFiles.Cluster before = ClusterFiles.readCluster(root);
        String name = o.clusterName() != null ? o.clusterName() : before != null ? before.clusterName() : randomName();
        String self = MemberConfig.localIp(o.bind()) + ":" + o.port();
        List<String> members = new ArrayList<>(List.of(self));
        if (before != null && !members.contains(before.address())) members.add(before.address());
        for (String a : ClusterFiles.memberAddresses(root)) if (!members.contains(a)) members.add(a);
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(MemberConfig.member(new MemberConfig.Settings(name, o.bind(), o.port(), false, members, false)));
        } catch (RuntimeException e) { // most often the port is taken
            throw new IllegalArgumentException("cannot start the cluster member on " + self + " (" + e.getMessage() + "); is --port free?");
        }
        try {
            return coordinate(exp, root, record, o, hz, name);
        } finally {
            hz.getLifecycleService().shutdown();
        }
    }

    private static CampaignRunner.Result coordinate(Experiment exp, Path root, CampaignRecord record, Options o, HazelcastInstance hz, String name) {
        String address = MemberConfig.address(hz);
        List<RunSpec> plan = exp.plan(null);
        List<String> names = plan.stream().map(RunSpec::name).toList();
        List<CampaignEntry.Planned> planned = plan.stream().map(s -> new CampaignEntry.Planned(s.name(), s.algo().word(), s.trainArgs())).toList();
        IMap<String, CampaignEntry> campaigns = hz.getMap(CampaignEntry.MAP);
        CampaignEntry mine = new CampaignEntry(exp.task(), root.toString(), planned, o.commit(), o.leaseMillis(), false);
        CampaignEntry had = campaigns.putIfAbsent(CampaignEntry.KEY, mine);
        if (had != null && !had.samePlan(mine))
            throw new IllegalArgumentException("cluster " + name + " already holds another campaign (" + had.task() + " in " + had.root()
                    + ", " + had.runs().size() + " runs); give another --cluster-name or --out");
        if (had != null && !had.commit().equals(o.commit()))
            throw new IllegalArgumentException("coordinator built from " + o.commit() + ", the campaign from " + had.commit());
        CampaignEntry campaign = had != null ? had : mine;
        RunTable table = RunTable.of(hz);
        int kept = 0;
        for (RunSpec s : plan) {
            RunState disk = RunState.of(s.dir(root));
            if (disk != RunState.ABSENT) record.record(s);
            RunEntry proposed = disk == RunState.FINISHED ? RunEntry.finishedBefore() : RunEntry.pending();
            RunEntry e = table.seed(s.name(), proposed);
            if (e != proposed) kept++;
            if (e.status() == RunEntry.Status.FAILED) table.retryFailed(s.name());
        }
        ClusterFiles.writeCluster(root, new ClusterFiles.Cluster(name, address));
        PrintStream err = o.err();
        err.println("cluster " + name + " on " + address + " (" + hz.getCluster().getMembers().size() + " members"
                + (kept > 0 ? "; rejoined: the state of " + kept + " runs came from the members that kept it" : "") + ")");
        err.println("workers join with: " + o.workerCommand() + " worker --join " + address + " --cluster-name " + name + " [--slots K]");
        err.println("members bind to " + MemberConfig.localIp(o.bind()) + "; Hazelcast's open-source edition has no authentication or TLS: keep the cluster on a trusted network");
        err.flush();

        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override public void memberAdded(MembershipEvent e) { say(err, e, "joined"); }
            @Override public void memberRemoved(MembershipEvent e) { say(err, e, "left"); }
        });
        CampaignRunner.Options refreshing = new CampaignRunner.Options(root, 1, 1, err, o.command());
        ClusterProgress progress = new ClusterProgress(exp.task(), name, plan.size(), System::nanoTime);
        Set<String> finished = new HashSet<>();
        Map<String, RunEntry> last = new LinkedHashMap<>();
        boolean first = true;
        while (true) {
            Map<String, RunEntry> now = table.snapshot(names);
            Map<RunEntry.Status, Integer> counts = new EnumMap<>(RunEntry.Status.class);
            for (RunEntry.Status st : RunEntry.Status.values()) counts.put(st, 0);
            List<String> events = new ArrayList<>();
            boolean newlyFinished = false;
            for (RunSpec s : plan) {
                RunEntry e = now.getOrDefault(s.name(), RunEntry.pending());
                counts.merge(e.status(), 1, Integer::sum);
                RunEntry was = last.get(s.name());
                boolean changed = was == null || was.status() != e.status() || !java.util.Objects.equals(was.worker(), e.worker());
                if (e.status() == RunEntry.Status.CLAIMED && changed) {
                    record.record(s);
                    if (!first) events.add(s.name() + " claimed by " + e.worker() + " on " + e.member());
                }
                if (e.status() == RunEntry.Status.FINISHED && finished.add(s.name())) {
                    record.record(s);
                    newlyFinished = true;
                    if (!first) events.add("finished " + s.name() + (e.member() == null ? "" : " on " + e.member()));
                }
                if (e.status() == RunEntry.Status.FAILED && changed)
                    events.add(s.name() + " failed after " + e.attempts() + " attempts: " + e.error());
            }
            if (newlyFinished) CampaignRunner.refresh(exp, plan, refreshing);
            int members = hz.getCluster().getMembers().size();
            if (first || !events.isEmpty()) err.println(progress.line(counts, members, first ? "started" : String.join("; ", events)));
            first = false;
            last = now;
            if (counts.get(RunEntry.Status.PENDING) + counts.get(RunEntry.Status.CLAIMED) == 0) {
                CampaignRunner.refresh(exp, plan, refreshing);
                campaigns.put(CampaignEntry.KEY, campaign.finished());
                err.println(progress.line(counts, members, "done"));
                awaitWorkersLeaving(hz);
                return new CampaignRunner.Result(plan.size(), counts.get(RunEntry.Status.FINISHED), counts.get(RunEntry.Status.FAILED));
            }
            sleep(POLL_MS);
        }
    }

    private static void say(PrintStream err, MembershipEvent e, String what) {
        err.println("member " + e.getMember().getAddress().getHost() + ":" + e.getMember().getAddress().getPort() + " " + what + " ("
                + e.getMembers().size() + " members)");
        err.flush();
    }

    /** Workers leave once they see the done flag; give them a few seconds so none finds the cluster gone first. */
    private static void awaitWorkersLeaving(HazelcastInstance hz) {
        for (int i = 0; i < 50 && hz.getCluster().getMembers().size() > 1; i++) sleep(200);
    }

    /** {@code sectar-} and 16 hex digits from SecureRandom (not a run's random stream: this one is a secret of sorts). */
    static String randomName() {
        byte[] b = new byte[8];
        new SecureRandom().nextBytes(b);
        return "sectar-" + HexFormat.of().formatHex(b);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

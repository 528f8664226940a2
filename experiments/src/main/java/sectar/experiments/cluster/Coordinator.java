package sectar.experiments.cluster;

import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
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
import java.util.Objects;
import java.util.Set;
import sectar.experiments.campaign.CampaignRecord;
import sectar.experiments.campaign.CampaignRunner;
import sectar.experiments.campaign.Experiment;
import sectar.experiments.campaign.RunSpec;
import sectar.experiments.campaign.RunState;

/**
 * {@code sectar experiment <task> --cluster}: the cluster's one member, which holds the campaign (its
 * plan, signed with the campaign's key, and every run's state) for the worker clients, runs nothing
 * itself, and writes the same summary, plots and README as the local campaign whenever runs finish.
 * It seeds every run's state from the run folders, and again whenever an entry is lost or overwritten;
 * it takes a run as finished only when its folder says so. Started again with the same command after a
 * crash it takes the cluster name from {@code cluster.json} (so the workers reconnect to it) and
 * carries on from the run folders.
 */
public final class Coordinator {
    private static final long POLL_MS = 1000;

    /**
     * @param root          the campaign folder (shared with every worker at the same path)
     * @param clusterName   the cluster name, or null for {@value ClusterFiles#NAME_ENV}, else the one {@code cluster.json} records, else a new random one
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
        String env = ClusterFiles.nameFromEnvironment();
        String name = o.clusterName() != null ? o.clusterName() : env != null ? env : before != null ? before.clusterName() : randomName();
        String self = MemberConfig.localIp(o.bind()) + ":" + o.port();
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(MemberConfig.member(new MemberConfig.Settings(name, o.bind(), o.port(), List.of(self))));
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
        CampaignKey key = CampaignKey.createOrLoad(root);
        List<CampaignEntry.Planned> planned = plan.stream().map(s -> new CampaignEntry.Planned(s.name(), s.algo().word(), s.trainArgs())).toList();
        CampaignEntry campaign = new CampaignEntry(exp.task(), root.toString(), planned, o.commit(), o.leaseMillis(), null).signedWith(key);
        String campaignJson = campaign.json();
        IMap<String, String> campaigns = hz.getMap(CampaignEntry.MAP);
        campaigns.put(CampaignEntry.KEY, campaignJson);
        campaigns.delete(CampaignEntry.DONE);
        RunTable table = RunTable.of(hz);
        Map<RunEntry.Status, Integer> seeded = new EnumMap<>(RunEntry.Status.class);
        long startedAt = System.currentTimeMillis();
        for (RunSpec s : plan) {
            if (RunState.of(s.dir(root)) != RunState.ABSENT) record.record(s);
            RunEntry e = table.seed(s.name(), RunFolders.seed(s.dir(root), startedAt, o.leaseMillis()));
            seeded.merge(e.status(), 1, Integer::sum);
        }
        ClusterFiles.writeCluster(root, new ClusterFiles.Cluster(name, address));
        PrintStream err = o.err();
        err.println("cluster " + name + " on " + address + "; from the run folders: " + seeded.getOrDefault(RunEntry.Status.FINISHED, 0) + " finished, "
                + seeded.getOrDefault(RunEntry.Status.CLAIMED, 0) + " claimed before (held one lease for a worker that may still run them), "
                + seeded.getOrDefault(RunEntry.Status.PENDING, 0) + " pending");
        err.println("workers join with: " + o.workerCommand() + " worker --campaign " + root + " [--slots K]  (the cluster's name and address are in "
                + ClusterFiles.CLUSTER + ", its key in " + CampaignKey.FILE + ", both readable by their owner only)");
        err.println("the coordinator listens on " + MemberConfig.localIp(o.bind()) + "; Hazelcast's open-source edition has no authentication or TLS: "
                + "keep the cluster on a trusted network");
        err.flush();
        hz.getClientService().addClientListener(new ClientListener() {
            @Override public void clientConnected(Client c) { if (worker(c)) say(err, c, "connected", hz); }
            @Override public void clientDisconnected(Client c) { if (worker(c)) say(err, c, "left", hz); }
        });

        List<String> events = new ArrayList<>();
        Reconciler reconciler = new Reconciler(root, names, table, o.leaseMillis(), System::currentTimeMillis, events::add);
        CampaignRunner.Options refreshing = new CampaignRunner.Options(root, 1, 1, err, o.command());
        ClusterProgress progress = new ClusterProgress(exp.task(), name, plan.size(), System::nanoTime);
        Set<String> finished = new HashSet<>();
        Map<String, RunEntry> last = new LinkedHashMap<>();
        boolean first = true;
        while (true) {
            if (!campaignJson.equals(campaigns.get(CampaignEntry.KEY))) {
                campaigns.put(CampaignEntry.KEY, campaignJson);
                events.add("the campaign entry had been changed; put back");
            }
            Map<String, RunEntry> now = reconciler.poll();
            Map<RunEntry.Status, Integer> counts = new EnumMap<>(RunEntry.Status.class);
            for (RunEntry.Status st : RunEntry.Status.values()) counts.put(st, 0);
            boolean newlyFinished = false, settled = true;
            for (RunSpec s : plan) {
                RunEntry e = now.getOrDefault(s.name(), RunEntry.pending(0));
                counts.merge(e.status(), 1, Integer::sum);
                settled &= reconciler.settled(s.name(), e);
                RunEntry was = last.get(s.name());
                boolean changed = was == null || was.status() != e.status() || was.epoch() != e.epoch() || !Objects.equals(was.worker(), e.worker());
                if (e.status() == RunEntry.Status.CLAIMED && changed && e.worker() != null) {
                    record.record(s);
                    if (!first) events.add(s.name() + " claimed by " + e.worker() + " on " + e.member() + " (epoch " + e.epoch() + ")");
                }
                if (e.status() == RunEntry.Status.FINISHED && reconciler.settled(s.name(), e) && finished.add(s.name())) {
                    record.record(s);
                    newlyFinished = true;
                    if (!first) events.add("finished " + s.name() + (e.member() == null ? "" : " on " + e.member()));
                }
                if (e.status() == RunEntry.Status.FAILED && changed) events.add(s.name() + " failed after " + e.attempts() + " attempts: " + e.error());
            }
            if (newlyFinished) CampaignRunner.refresh(exp, plan, refreshing);
            int workers = workers(hz);
            if (first || !events.isEmpty()) err.println(progress.line(counts, workers, first ? "started" : String.join("; ", events)));
            events.clear();
            first = false;
            last = now;
            if (settled) {
                CampaignRunner.refresh(exp, plan, refreshing);
                campaigns.put(CampaignEntry.DONE, campaign.doneMark(key));
                err.println(progress.line(counts, workers, "done"));
                awaitWorkersLeaving(hz);
                return new CampaignRunner.Result(plan.size(), counts.get(RunEntry.Status.FINISHED), counts.get(RunEntry.Status.FAILED));
            }
            sleep(POLL_MS);
        }
    }

    private static boolean worker(Client c) { return c.getLabels().contains(MemberConfig.WORKER_LABEL); }

    private static int workers(HazelcastInstance hz) {
        return (int) hz.getClientService().getConnectedClients().stream().filter(Coordinator::worker).count();
    }

    private static void say(PrintStream err, Client c, String what, HazelcastInstance hz) {
        err.println("worker " + c.getName() + " at " + c.getSocketAddress().getAddress().getHostAddress() + " " + what + " (" + workers(hz) + " workers)");
        err.flush();
    }

    /** Workers leave once they see the done mark; give them a few seconds so none finds the coordinator gone first. */
    private static void awaitWorkersLeaving(HazelcastInstance hz) {
        for (int i = 0; i < 50 && workers(hz) > 0; i++) sleep(200);
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

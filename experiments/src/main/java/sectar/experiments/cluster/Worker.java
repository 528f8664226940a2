package sectar.experiments.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import sectar.experiments.campaign.CampaignRunner;
import sectar.experiments.campaign.ChildRun;
import sectar.experiments.campaign.RunState;
import sectar.experiments.run.RunFence;

/**
 * {@code sectar worker --campaign DIR}: a client of the campaign's coordinator (it holds no data, so cut
 * off it can do nothing but stop its runs) that runs only the campaign signed with the key in DIR. In
 * each of its slots it claims a run, makes the claim's epoch its folder's ({@link RunFence#claim}), runs
 * it as a child process exactly as the local campaign does ({@code resume} for a stopped run, else
 * {@code train --force}) with that epoch, renews the lease while the child lives and marks the run
 * finished once its folder says so. The worker stops a child on its own timer 0.8 of a lease after the
 * last renewal it sent that was confirmed, and the child dies with the worker ({@link ParentWatchdog});
 * a child that outlives both (its worker frozen, say) writes nothing once another claim took its folder.
 * Leaves when the coordinator marks the campaign done.
 */
public final class Worker {
    /**
     * @param campaign    the campaign folder (shared, at the same path as on the coordinator's machine)
     * @param join        the coordinator's address, or null for the one {@code cluster.json} records
     * @param clusterName the cluster's name, or null for {@value ClusterFiles#NAME_ENV}, else {@code cluster.json}'s
     * @param slots       runs at a time
     * @param commit      this build's git commit
     * @param cores       cores to split between the slots
     * @param err         progress lines
     */
    public record Options(Path campaign, ClusterAddress join, String clusterName, int slots, String commit, int cores, PrintStream err) {
        public Options {
            if (slots < 1) throw new IllegalArgumentException("--slots must be >= 1, got " + slots);
        }
    }

    private static final long CONNECT_WAIT_MS = 8_000;
    private static final long CAMPAIGN_WAIT_MS = 20_000;
    private static final long RETRY_MS = 1000;

    private final Options o;
    private final String id;
    private final String address;
    private final Path root;
    private final CampaignEntry campaign;
    private final CampaignKey key;
    private final IMap<String, String> campaigns;
    private final RunTable table;
    private final IdlePacing pacing;
    private final Map<String, HeldRun> held = new ConcurrentHashMap<>();
    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicBoolean outage = new AtomicBoolean();

    private Worker(Options o, String id, HazelcastInstance client, Path root, CampaignEntry c, CampaignKey key) {
        this.o = o;
        this.id = id;
        this.address = localAddress(client);
        this.root = root;
        this.campaign = c;
        this.key = key;
        this.campaigns = client.getMap(CampaignEntry.MAP);
        this.table = RunTable.of(client);
        this.pacing = new IdlePacing(IdlePacing.pollMillis(c.leaseMillis()), System::nanoTime);
    }

    /** Works for the campaign until it is done; 0 then. User errors (no cluster, an unsigned campaign, another commit) throw. */
    public static int run(Options o) {
        Path root = o.campaign().toAbsolutePath().normalize();
        if (!Files.isDirectory(root))
            throw new IllegalArgumentException("--campaign " + root + " is not a folder; give the campaign folder the coordinator was started on, "
                    + "shared here at the same path");
        CampaignKey key = CampaignKey.load(root);
        ClusterFiles.Cluster file = ClusterFiles.readCluster(root);
        String env = ClusterFiles.nameFromEnvironment();
        String name = o.clusterName() != null ? o.clusterName() : env != null ? env : file != null ? file.clusterName() : null;
        String at = o.join() != null ? o.join().toString() : file != null ? file.address() : null;
        if (name == null || at == null)
            throw new IllegalArgumentException(root.resolve(ClusterFiles.CLUSTER) + " does not exist; start the coordinator on " + root
                    + " first, or give --join and --cluster-name (or " + ClusterFiles.NAME_ENV + ")");
        MemberConfig.checkName(name);
        String id = workerId();
        AtomicBoolean connected = new AtomicBoolean();
        Worker[] self = new Worker[1];
        ClientConfig config = MemberConfig.workerClient(name, at, id, Math.max(5, (int) (CAMPAIGN_WAIT_MS / 1000)));
        config.addListenerConfig(new ListenerConfig((com.hazelcast.core.LifecycleListener) e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.CLIENT_CONNECTED) connected.set(true);
            if (self[0] != null) self[0].onLifecycle(e.getState());
        }));
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        try {
            for (long end = System.nanoTime() + CONNECT_WAIT_MS * 1_000_000; !connected.get() && System.nanoTime() < end; ) Coordinator.sleep(50);
            if (!connected.get())
                throw new IllegalArgumentException("no cluster named " + name + " answered at " + at + "; check the cluster's name ("
                        + ClusterFiles.CLUSTER + ", --cluster-name or " + ClusterFiles.NAME_ENV + ") and that the coordinator runs");
            CampaignEntry c = awaitCampaign(client.getMap(CampaignEntry.MAP), key, name);
            if (!c.root().equals(root.toString()))
                throw new IllegalArgumentException("cluster " + name + " holds the campaign in " + c.root() + ", not in --campaign " + root);
            if (!c.commit().equals(o.commit()))
                throw new IllegalArgumentException("worker built from " + o.commit() + ", the campaign from " + c.commit());
            self[0] = new Worker(o, id, client, root, c, key);
            return self[0].work();
        } finally {
            client.shutdown();
        }
    }

    /** The signed campaign; an entry that does not carry the key's signature is refused outright (someone rewrote it). */
    private static CampaignEntry awaitCampaign(IMap<String, String> campaigns, CampaignKey key, String name) {
        long end = System.nanoTime() + CAMPAIGN_WAIT_MS * 1_000_000;
        for (; System.nanoTime() < end; Coordinator.sleep(200)) {
            Object v = campaigns.get(CampaignEntry.KEY);
            if (v == null) continue;
            CampaignEntry c = CampaignEntry.parse(v);
            if (c == null || !c.signedBy(key))
                throw new IllegalArgumentException("the campaign in cluster " + name + " is not signed with this campaign folder's "
                        + CampaignKey.FILE + ": someone who knows the cluster's name changed it; refusing to run its arguments");
            return c;
        }
        throw new IllegalArgumentException("cluster " + name + " holds no campaign");
    }

    private int work() {
        say("joined cluster " + campaign.task() + " campaign in " + root + " as " + address + ", " + o.slots() + " slot" + (o.slots() > 1 ? "s" : "")
                + " (lease " + campaign.leaseMillis() / 1000.0 + " s)");
        listen();
        long lease = campaign.leaseMillis();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("lease"));
        timers.scheduleWithFixedDelay(this::renewAll, lease / 4, Math.max(100, lease / 4), TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::checkDeadlines, 0, Math.max(20, Math.min(200, lease / 20)), TimeUnit.MILLISECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(o.slots(), daemon("worker-slot"));
        try {
            List<Future<Boolean>> slots = new ArrayList<>();
            for (int k = 1; k <= o.slots(); k++) {
                String slot = id + "/" + k;
                slots.add(pool.submit(() -> slotLoop(slot)));
            }
            boolean finished = true;
            for (Future<Boolean> f : slots) finished &= f.get();
            if (!finished) {
                say("the client stopped before the campaign was done");
                return 1;
            }
            say("the campaign is done; " + ran.get() + " runs finished here (looked at the run map " + table.reads() + " times)");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            timers.shutdownNow();
        }
    }

    /** Idle slots wake when a run is given back, lost or removed, or when the campaign's done mark appears. */
    private void listen() {
        table.listen(new RunMapListener());
        campaigns.addEntryListener((EntryAddedListener<String, String>) e -> pacing.changed(), CampaignEntry.DONE, false);
    }

    /** Wakes the idle slots on changes that may free a run. */
    private final class RunMapListener implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String>,
            EntryRemovedListener<String, String> {
        @Override public void entryAdded(EntryEvent<String, String> e) { wake(e); }

        @Override public void entryUpdated(EntryEvent<String, String> e) { wake(e); }

        @Override public void entryRemoved(EntryEvent<String, String> e) { pacing.changed(); }

        private void wake(EntryEvent<String, String> e) {
            RunEntry v = RunEntry.parse(e.getValue());
            if (v == null || v.status() == RunEntry.Status.PENDING) pacing.changed();
        }
    }

    /** One slot: claim, run, settle, until the campaign is done (true) or the client has stopped (false). */
    private boolean slotLoop(String slot) {
        while (true) {
            if (done.get()) return true;
            try {
                Optional<RunTable.Claimed> claimed = pacing.look(() -> {
                    checkDone();
                    return done.get() ? Optional.empty() : table.claimNext(names(), slot, address, campaign.leaseMillis());
                });
                if (outage.compareAndSet(true, false)) say("the coordinator answers again");
                if (claimed.isPresent()) runClaimed(claimed.get(), slot);
                else if (!done.get()) pacing.await();
            } catch (HazelcastInstanceNotActiveException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException e) { // the coordinator is gone or unreachable: nothing can be claimed, held runs stop on their timers
                if (outage.compareAndSet(false, true))
                    say("cannot reach the coordinator (" + e + "); retrying, and stopping held runs when their leases run out here");
                Coordinator.sleep(RETRY_MS);
            }
        }
    }

    private List<String> names() { return campaign.runs().stream().map(CampaignEntry.Planned::name).toList(); }

    /** The campaign is done once the coordinator's signed done mark is in the map. */
    private void checkDone() {
        Object mark = campaigns.get(CampaignEntry.DONE);
        if (mark != null && campaign.doneMark(key).equals(mark)) {
            done.set(true);
            pacing.changed();
        }
    }

    private void runClaimed(RunTable.Claimed c, String slot) {
        HeldRun h = new HeldRun(c.name(), slot, c.epoch(), campaign.leaseMillis(), c.sentNanos());
        held.put(c.name(), h);
        try {
            Path dir = root.resolve(c.name());
            if (!fence(h, dir)) return;
            UnfencedRuns.await(dir, line -> say(c.name() + ": " + line));
            RunState state = RunState.of(dir);
            if (state == RunState.FINISHED) {
                table.finish(c.name(), slot, h.epoch());
                say(c.name() + " was already finished");
                return;
            }
            if (h.lost() != null) {
                say("lost the lease of " + c.name() + " before starting it (" + h.lost() + ")");
                return;
            }
            CampaignEntry.Planned run = campaign.run(c.name());
            List<String> args = CampaignRunner.arguments(run.algo(), run.trainArgs(), state, dir, CampaignRunner.threads(o.cores(), o.slots()));
            say((args.get(0).equals("resume") ? "resuming " : "starting ") + c.name() + " (slot " + slot + ", epoch " + h.epoch() + ")");
            ChildRun.Outcome out = ChildRun.run(args, o.slots() > 1 ? Math.max(1, o.cores() / o.slots()) : 0, CampaignRunner.log(root, c.name()), null,
                    Map.of(ParentWatchdog.ENV, Long.toString(ProcessHandle.current().pid()), RunFence.ENV, Long.toString(h.epoch())), h::started);
            settle(h, out, dir);
        } catch (RuntimeException e) { // whatever failed here, no child of this claim may run on untracked
            h.lose("the worker failed: " + e);
            throw e;
        } finally {
            held.remove(c.name());
        }
    }

    /**
     * Makes the claim's epoch the run folder's. A folder already at that epoch or a later one means
     * either a newer claim exists (this one is stale: leave the run) or the map fell behind the folder
     * (move the claim past the folder's epoch, which works only while this slot still holds it).
     */
    private boolean fence(HeldRun h, Path dir) {
        long had = RunFence.claim(dir, h.epoch(), h.slot);
        if (had >= 0) return true;
        long folder = -1 - had;
        if (table.advance(h.name, h.slot, h.epoch(), folder + 1)) {
            h.advancedTo(folder + 1);
            if (RunFence.claim(dir, h.epoch(), h.slot) >= 0) return true;
        }
        say(h.name + ": its folder is at epoch " + folder + ", this claim's is " + h.epoch() + "; a newer claim holds it, leaving it");
        table.release(h.name, h.slot, h.epoch());
        return false;
    }

    private void settle(HeldRun h, ChildRun.Outcome out, Path dir) {
        if (h.lost() != null) {
            say("stopped " + h.name + ": " + h.lost() + "; whoever claims it next resumes it");
            table.release(h.name, h.slot, h.epoch()); // refused when someone else holds it already
        } else if (out.exitCode() == RunFence.EXIT_SUPERSEDED) {
            say(h.name + " was taken over by a newer claim and stopped without writing");
            table.release(h.name, h.slot, h.epoch());
        } else if (RunState.of(dir) == RunState.FINISHED) {
            if (table.finish(h.name, h.slot, h.epoch())) ran.incrementAndGet();
            say("finished " + h.name);
        } else {
            String why = "exit " + out.exitCode() + (out.error() == null ? "" : ": " + out.error());
            table.attemptFailed(h.name, h.slot, h.epoch(), why, out.exitCode() == 2);
            say(h.name + " failed (" + why + "); see " + CampaignRunner.log(root, h.name));
        }
    }

    /** Sends a renewal for every held run; a confirmed one pushes the run's deadline on from when it was sent. */
    private void renewAll() {
        for (HeldRun h : held.values()) {
            if (h.lost() != null) continue;
            long sent = System.nanoTime();
            try {
                table.renew(h.name, h.slot, address, h.epoch(), campaign.leaseMillis()).whenComplete((r, failure) -> {
                    if (r == RunTable.Renewal.RENEWED) h.renewed(sent);
                    else if (r == RunTable.Renewal.LOST) h.lose("the coordinator holds the run for another claim, or it ended");
                    // a failed call, or a run the coordinator has not seeded yet, decides nothing: the deadline does
                });
            } catch (RuntimeException offline) { // the client is between connections: the deadline decides
            }
        }
    }

    private void checkDeadlines() {
        long now = System.nanoTime();
        for (HeldRun h : held.values()) h.check(now);
    }

    private void onLifecycle(LifecycleEvent.LifecycleState s) {
        if (s == LifecycleEvent.LifecycleState.CLIENT_DISCONNECTED) say("disconnected from the coordinator; reconnecting (held runs stop when their leases run out here)");
        if (s == LifecycleEvent.LifecycleState.CLIENT_CONNECTED) say("connected to the coordinator");
    }

    private void say(String line) {
        o.err().println("worker " + id + ": " + line);
        o.err().flush();
    }

    /** This client's address as the coordinator sees it (host:port of its connection). */
    private static String localAddress(HazelcastInstance client) {
        java.net.SocketAddress a = client.getLocalEndpoint().getSocketAddress();
        return a instanceof java.net.InetSocketAddress i ? i.getAddress().getHostAddress() + ":" + i.getPort() : String.valueOf(a);
    }

    /** {@code <host>-<pid>}: unique among live workers, readable in {@code --status}. */
    static String workerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        return host.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + ProcessHandle.current().pid();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

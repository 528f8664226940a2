package sectar.experiments.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sectar.experiments.campaign.CampaignRunner;
import sectar.experiments.campaign.ChildRun;
import sectar.experiments.campaign.Orphans;
import sectar.experiments.campaign.RunState;

/**
 * {@code sectar worker --join HOST[:PORT]}: joins the cluster (first as a lite member that holds no
 * data, so a worker refused for its commit never held any state), then in each of its slots claims a
 * run, runs it as a child process exactly as the local campaign does ({@code resume} for a stopped run,
 * else {@code train --force}), renews the run's lease while the child lives and marks the run finished.
 * A child is stopped when its lease is lost, and dies with the worker ({@link ParentWatchdog}), so a run
 * claimed again never has two writers. Leaves when the coordinator marks the campaign done.
 */
public final class Worker {
    /**
     * @param join        a member's address (the coordinator's, as it printed it)
     * @param clusterName the cluster's name, as the coordinator printed it
     * @param bind        the address to bind
     * @param port        the first port to try, or null for the join port + 1 (then the next free one)
     * @param slots       runs at a time
     * @param commit      this build's git commit
     * @param cores       cores to split between the slots
     * @param err         progress lines
     */
    public record Options(ClusterAddress join, String clusterName, String bind, Integer port, int slots, String commit, int cores,
                          PrintStream err) {
        public Options {
            if (slots < 1) throw new IllegalArgumentException("--slots must be >= 1, got " + slots);
            if (port != null) ClusterAddress.checkPort(port, "--port");
        }
    }

    private static final long IDLE_MS = 1000;
    private static final long CAMPAIGN_WAIT_MS = 20_000;

    private final Options o;
    private final String id;
    private final String address;
    private final Path root;
    private final IMap<String, CampaignEntry> campaigns;
    private final RunTable table;
    private final List<String> order;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicInteger ran = new AtomicInteger();

    private Worker(Options o, String id, HazelcastInstance hz, CampaignEntry c) {
        this.o = o;
        this.id = id;
        this.address = MemberConfig.address(hz);
        this.root = Path.of(c.root());
        this.campaigns = hz.getMap(CampaignEntry.MAP);
        this.table = RunTable.of(hz);
        this.order = c.runs().stream().map(CampaignEntry.Planned::name).toList();
    }

    /** Works for the cluster until its campaign is done; 0 then. User errors (no cluster, another commit) throw. */
    public static int run(Options o) {
        String id = workerId();
        int port = o.port() != null ? o.port() : Math.min(65535, o.join().port() + 1);
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(MemberConfig.member(new MemberConfig.Settings(o.clusterName(), o.bind(),
                port, true, List.of(o.join().toString()), true)));
        try {
            if (hz.getCluster().getMembers().size() < 2)
                throw new IllegalArgumentException("no cluster named " + o.clusterName() + " answered at " + o.join()
                        + "; check --cluster-name (the coordinator prints it) and that the coordinator runs");
            CampaignEntry c = awaitCampaign(hz.getMap(CampaignEntry.MAP));
            if (c == null) throw new IllegalArgumentException("cluster " + o.clusterName() + " at " + o.join() + " holds no campaign");
            if (!c.commit().equals(o.commit()))
                throw new IllegalArgumentException("worker built from " + o.commit() + ", the campaign from " + c.commit());
            if (!Files.isDirectory(Path.of(c.root())))
                throw new IllegalArgumentException("the campaign folder " + c.root() + " is not visible here; every member needs the shared folder at the same path");
            hz.getCluster().promoteLocalLiteMember();
            Worker w = new Worker(o, id, hz, c);
            ClusterFiles.writeMember(w.root, id, w.address);
            try {
                return w.work(hz);
            } finally {
                ClusterFiles.removeMember(w.root, id);
            }
        } finally {
            hz.getLifecycleService().shutdown();
        }
    }

    private static CampaignEntry awaitCampaign(IMap<String, CampaignEntry> campaigns) {
        long end = System.nanoTime() + CAMPAIGN_WAIT_MS * 1_000_000;
        for (CampaignEntry c; System.nanoTime() < end; Coordinator.sleep(200)) if ((c = campaigns.get(CampaignEntry.KEY)) != null) return c;
        return null;
    }

    private int work(HazelcastInstance hz) {
        CampaignEntry c = campaigns.get(CampaignEntry.KEY);
        say("joined cluster " + o.clusterName() + " as " + address + " (" + hz.getCluster().getMembers().size() + " members): campaign "
                + c.task() + " in " + root + ", " + o.slots() + " slot" + (o.slots() > 1 ? "s" : ""));
        long every = Math.max(250, c.leaseMillis() / 4);
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(daemon("lease-renewal"));
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(o.slots(), daemon("worker-slot"));
        try {
            List<Future<Boolean>> slots = new ArrayList<>();
            for (int k = 1; k <= o.slots(); k++) {
                String slot = id + "/" + k;
                slots.add(pool.submit(() -> slotLoop(hz, slot)));
            }
            boolean done = true;
            for (Future<Boolean> f : slots) done &= f.get();
            if (!done) {
                say("lost the cluster before the campaign was done");
                return 1;
            }
            say("the campaign is done; " + ran.get() + " runs finished here");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            renewer.shutdownNow();
        }
    }

    /** One slot: claim, run, settle, until the campaign is done (true) or the cluster is gone (false). */
    private boolean slotLoop(HazelcastInstance hz, String slot) {
        while (true) {
            try {
                CampaignEntry c = campaigns.get(CampaignEntry.KEY);
                if (c == null) return false;
                if (c.done()) return true;
                Optional<String> claimed = table.claimNext(order, slot, address, c.leaseMillis());
                if (claimed.isPresent()) runClaimed(c, c.run(claimed.get()), slot);
                else Coordinator.sleep(IDLE_MS);
            } catch (HazelcastInstanceNotActiveException e) {
                return false;
            } catch (RuntimeException e) { // a member left mid-call: the cluster repartitions, try again
                if (!hz.getLifecycleService().isRunning()) return false;
                say("slot " + slot + ": " + e.getClass().getSimpleName() + ": " + e.getMessage() + "; retrying");
                Coordinator.sleep(IDLE_MS);
            }
        }
    }

    private void runClaimed(CampaignEntry c, CampaignEntry.Planned run, String slot) {
        Held h = new Held(run.name(), slot, c.leaseMillis());
        held.put(run.name(), h);
        try {
            Path dir = root.resolve(run.name());
            if (RunState.of(dir) != RunState.FINISHED && !Orphans.writing(dir).isEmpty()) {
                say("waiting for " + run.name() + ", left running on this machine by a killed worker or campaign");
                Orphans.awaitAll(dir);
            }
            RunState state = RunState.of(dir);
            if (state == RunState.FINISHED) {
                table.finish(run.name(), slot);
                say(run.name() + " was already finished");
                return;
            }
            if (h.lost()) return;
            List<String> args = CampaignRunner.arguments(run.algo(), run.trainArgs(), state, dir, CampaignRunner.threads(o.cores(), o.slots()));
            say((args.get(0).equals("resume") ? "resuming " : "starting ") + run.name() + " (slot " + slot + ")");
            ChildRun.Outcome out = ChildRun.run(args, o.slots() > 1 ? Math.max(1, o.cores() / o.slots()) : 0, CampaignRunner.log(root, run.name()),
                    null, Map.of(ParentWatchdog.ENV, Long.toString(ProcessHandle.current().pid())), h::started);
            if (h.lost()) {
                say("lost the lease of " + run.name() + " and stopped it; whoever claims it next resumes it");
            } else if (RunState.of(dir) == RunState.FINISHED) {
                if (table.finish(run.name(), slot)) ran.incrementAndGet();
                say("finished " + run.name());
            } else {
                String why = "exit " + out.exitCode() + (out.error() == null ? "" : ": " + out.error());
                table.attemptFailed(run.name(), slot, why, out.exitCode() == 2);
                say(run.name() + " failed (" + why + "); see " + CampaignRunner.log(root, run.name()));
            }
        } finally {
            held.remove(run.name());
        }
    }

    /** Pushes every held lease on; a run whose lease is lost, or could not be renewed before it ran out, is stopped. */
    private void renewAll() {
        for (Held h : held.values()) {
            try {
                if (table.renew(h.name, h.slot, h.leaseMillis)) h.renewedAt = System.nanoTime();
                else h.lose();
            } catch (RuntimeException e) {
                if (System.nanoTime() - h.renewedAt > h.leaseMillis * 800_000L) h.lose(); // 80% of the lease gone unrenewed
            } catch (Throwable t) { // never let the scheduler drop the task
                h.lose();
            }
        }
    }

    private void say(String line) {
        o.err().println("worker " + id + ": " + line);
        o.err().flush();
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

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A run a slot holds: its lease's last renewal and its child, stopped when the lease is lost. */
    private static final class Held {
        final String name;
        final String slot;
        final long leaseMillis;
        volatile long renewedAt = System.nanoTime();
        private Process process;
        private boolean lost;

        Held(String name, String slot, long leaseMillis) {
            this.name = name;
            this.slot = slot;
            this.leaseMillis = leaseMillis;
        }

        synchronized void started(Process p) {
            process = p;
            if (lost) p.destroyForcibly();
        }

        synchronized void lose() {
            lost = true;
            if (process != null) process.destroyForcibly();
        }

        synchronized boolean lost() { return lost; }
    }
}

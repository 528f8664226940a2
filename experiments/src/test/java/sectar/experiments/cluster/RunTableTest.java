package sectar.experiments.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim and lease rules on one embedded member, with a hand-moved clock: a run goes to exactly one
 * claimant however many race, a lease is taken over only once it ran out and then the old holder can
 * neither renew nor settle it, failed attempts end in FAILED; and a worker is refused, before it holds
 * any run, for a wrong cluster name or another commit.
 */
class RunTableTest {
    private static final int PORT = 5861;
    private static final String NAME = "runtable-test-" + ProcessHandle.current().pid();
    private static HazelcastInstance hz;
    private static int maps;

    @BeforeAll
    static void start() {
        hz = Hazelcast.newHazelcastInstance(MemberConfig.member(new MemberConfig.Settings(NAME, MemberConfig.LOOPBACK, PORT, false,
                List.of(MemberConfig.LOOPBACK + ":" + PORT), false)));
    }

    @AfterAll
    static void stop() {
        hz.getLifecycleService().shutdown();
    }

    private static RunTable table(AtomicLong clock) {
        return new RunTable(hz.getMap(MemberConfig.MAPS + "test-" + (maps++)), clock::get);
    }

    private static List<String> runs(RunTable t, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("ppo/i0-s" + i);
            t.seed(names.get(i), RunEntry.pending());
        }
        return names;
    }

    @Test
    void racingClaimantsGetEachRunExactlyOnceInPlanOrder() throws Exception {
        RunTable t = table(new AtomicLong(1000));
        List<String> names = runs(t, 40);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> got = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String slot = "w" + w;
            got.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (Optional<String> c; (c = t.claimNext(names, slot, "m", 60_000)).isPresent(); ) mine.add(c.get());
                return mine;
            }));
        }
        List<String> all = new ArrayList<>();
        Map<String, String> holder = new HashMap<>();
        for (int w = 0; w < 8; w++)
            for (String n : got.get(w).get()) {
                all.add(n);
                holder.put(n, "w" + w);
            }
        pool.shutdown();
        Collections.sort(all);
        List<String> expected = new ArrayList<>(names);
        Collections.sort(expected);
        assertEquals(expected, all, "every run claimed once, none twice");
        for (Map.Entry<String, RunEntry> e : t.snapshot(names).entrySet()) assertTrue(e.getValue().heldBy(holder.get(e.getKey())), e.toString());

        RunTable u = table(new AtomicLong(1000));
        List<String> order = runs(u, 3);
        assertEquals(Optional.of(order.get(0)), u.claimNext(order, "a", "m", 1000), "the plan's first pending run first");
        assertEquals(Optional.of(order.get(1)), u.claimNext(order, "b", "m", 1000));
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheOldHolderCanNoLongerTouchTheRun() {
        AtomicLong clock = new AtomicLong(1000);
        RunTable t = table(clock);
        List<String> names = runs(t, 1);
        String run = names.get(0);
        assertEquals(Optional.of(run), t.claimNext(names, "a", "m1", 5000));
        clock.set(3000);
        assertTrue(t.renew(run, "a", 5000), "the holder renews: lease until 8000");
        assertFalse(t.renew(run, "b", 5000), "only the holder renews");
        clock.set(8000);
        assertEquals(Optional.empty(), t.claimNext(names, "b", "m2", 5000), "not before the lease ran out");
        clock.set(8001);
        assertEquals(Optional.of(run), t.claimNext(names, "b", "m2", 5000), "taken over once it ran out");
        assertFalse(t.renew(run, "a", 5000), "the old holder lost it");
        assertFalse(t.finish(run, "a"));
        assertFalse(t.attemptFailed(run, "a", "exit 1", false));
        RunEntry e = t.snapshot(names).get(run);
        assertEquals(RunEntry.Status.CLAIMED, e.status());
        assertEquals("b", e.worker());
        assertEquals("m2", e.member());
        assertEquals(0, e.attempts(), "a dead worker's lease is not a failed attempt");
        assertTrue(t.finish(run, "b"));
        assertEquals(RunEntry.Status.FINISHED, t.snapshot(names).get(run).status());
        assertEquals(Optional.empty(), t.claimNext(names, "c", "m3", 5000), "a finished run is never claimed");
    }

    @Test
    void failedAttemptsEndInFailedAndACoordinatorRestartRetriesThem() {
        RunTable t = table(new AtomicLong(1000));
        List<String> names = runs(t, 2);
        String run = names.get(0);
        for (int k = 1; k <= RunEntry.MAX_ATTEMPTS; k++) {
            assertEquals(Optional.of(run), t.claimNext(List.of(run), "a", "m", 5000), "attempt " + k);
            assertTrue(t.attemptFailed(run, "a", "exit 1", false));
            assertEquals(k, t.snapshot(names).get(run).attempts());
        }
        assertEquals(RunEntry.Status.FAILED, t.snapshot(names).get(run).status());
        assertEquals("exit 1", t.snapshot(names).get(run).error());
        assertEquals(Optional.empty(), t.claimNext(List.of(run), "a", "m", 5000));
        assertTrue(t.retryFailed(run));
        assertEquals(RunEntry.pending().status(), t.snapshot(names).get(run).status());
        assertEquals(0, t.snapshot(names).get(run).attempts());

        String other = names.get(1);
        t.claimNext(List.of(other), "a", "m", 5000);
        t.attemptFailed(other, "a", "exit 2: unknown key 'x'", true);
        assertEquals(RunEntry.Status.FAILED, t.snapshot(names).get(other).status(), "a user error fails the run at once");
    }

    @Test
    void seedingNeverOverwritesTheClusterState() {
        RunTable t = table(new AtomicLong(1000));
        List<String> names = runs(t, 1);
        t.claimNext(names, "a", "m", 5000);
        RunEntry kept = t.seed(names.get(0), RunEntry.pending());
        assertEquals(RunEntry.Status.CLAIMED, kept.status());
        assertEquals(RunEntry.Status.CLAIMED, t.snapshot(names).get(names.get(0)).status());
    }

    @Test
    void membersListenOnLoopbackOnly() throws Exception {
        assertEquals("127.0.0.1", hz.getCluster().getLocalMember().getAddress().getHost());
        assertEquals("false", hz.getConfig().getProperty("hazelcast.phone.home.enabled"));
        assertFalse(hz.getConfig().getNetworkConfig().getJoin().getMulticastConfig().isEnabled());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", PORT), 2000); // listening there
        }
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces()))
            for (var a : Collections.list(ni.getInetAddresses())) {
                if (a.isLoopbackAddress() || a.getAddress().length != 4) continue;
                try (Socket s = new Socket()) {
                    assertThrows(java.io.IOException.class, () -> s.connect(new InetSocketAddress(a, PORT), 2000),
                            "nothing listens on " + a.getHostAddress() + ":" + PORT);
                }
            }
    }

    @Test
    void aWorkerWithTheWrongClusterNameOrAnotherCommitIsRefusedBeforeHoldingAnything(@TempDir Path tmp) throws InterruptedException {
        hz.<String, CampaignEntry>getMap(CampaignEntry.MAP).put(CampaignEntry.KEY, new CampaignEntry("waypoint", tmp.toString(),
                List.of(new CampaignEntry.Planned("ppo/i0-s1", "ppo", List.of("train", "waypoint"))), "aaa", 5000, false));
        RunTable t = RunTable.of(hz);
        t.seed("ppo/i0-s1", RunEntry.pending());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ClusterAddress at = new ClusterAddress(MemberConfig.LOOPBACK, PORT);

        IllegalArgumentException wrongName = assertThrows(IllegalArgumentException.class,
                () -> Worker.run(new Worker.Options(at, NAME + "-wrong", MemberConfig.LOOPBACK, PORT + 1, 1, "aaa", 1, err)));
        assertTrue(wrongName.getMessage().startsWith("no cluster named " + NAME + "-wrong answered at 127.0.0.1:" + PORT), wrongName.getMessage());

        IllegalArgumentException otherCommit = assertThrows(IllegalArgumentException.class,
                () -> Worker.run(new Worker.Options(at, NAME, MemberConfig.LOOPBACK, PORT + 1, 1, "bbb", 1, err)));
        assertEquals("worker built from bbb, the campaign from aaa", otherCommit.getMessage());

        assertEquals(RunEntry.pending(), t.snapshot(List.of("ppo/i0-s1")).get("ppo/i0-s1"), "neither received the run");
        for (int i = 0; i < 100 && hz.getCluster().getMembers().size() > 1; i++) Thread.sleep(50);
        assertEquals(1, hz.getCluster().getMembers().size(), "the refused worker left");
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "a refused worker says nothing but its error");
    }
}

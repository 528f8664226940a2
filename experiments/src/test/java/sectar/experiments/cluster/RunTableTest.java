package sectar.experiments.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The claim and lease rules on one embedded member, with a hand-moved clock: a run goes to exactly one
 * claimant however many race, each claim under a new epoch; a lease is taken over only once it ran out,
 * which counts as an attempt, and then the old holder can neither renew nor settle it; failed attempts
 * end in FAILED; a claim seeded after a coordinator restart is adopted only under its epoch; and values
 * that are not run entries (lost, garbage, or a Java object the cluster refuses to build) are seeded over.
 */
class RunTableTest {
    @RegisterExtension static final TestMember member = new TestMember("runtable-test", 5861);
    private static int maps;

    private static IMap<String, String> map() { return member.hz().getMap(MemberConfig.MAPS + "test-" + (maps++)); }

    private static List<String> runs(RunTable t, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("ppo/i0-s" + i);
            t.seed(names.get(i), RunEntry.pending(0));
        }
        return names;
    }

    private static RunEntry entry(RunTable t, String run) { return t.snapshot(List.of(run)).get(run); }

    private static boolean renew(RunTable t, String run, String worker, long epoch) throws Exception {
        return t.renew(run, worker, "m", epoch, 5000).toCompletableFuture().get() == RunTable.Renewal.RENEWED;
    }

    @Test
    void racingClaimantsGetEachRunExactlyOnceInPlanOrder() throws Exception {
        RunTable t = new RunTable(map(), new AtomicLong(1000)::get);
        List<String> names = runs(t, 40);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<RunTable.Claimed>>> got = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String slot = "w" + w;
            got.add(pool.submit(() -> {
                List<RunTable.Claimed> mine = new ArrayList<>();
                for (Optional<RunTable.Claimed> c; (c = t.claimNext(names, slot, "m", 60_000)).isPresent(); ) mine.add(c.get());
                return mine;
            }));
        }
        List<String> all = new ArrayList<>();
        Map<String, String> holder = new HashMap<>();
        for (int w = 0; w < 8; w++)
            for (RunTable.Claimed c : got.get(w).get()) {
                all.add(c.name());
                holder.put(c.name(), "w" + w);
                assertEquals(1, c.epoch(), "a first claim is epoch 1");
            }
        pool.shutdown();
        Collections.sort(all);
        List<String> expected = new ArrayList<>(names);
        Collections.sort(expected);
        assertEquals(expected, all, "every run claimed once, none twice");
        for (Map.Entry<String, RunEntry> e : t.snapshot(names).entrySet()) assertTrue(e.getValue().heldBy(holder.get(e.getKey()), 1), e.toString());

        RunTable u = new RunTable(map(), new AtomicLong(1000)::get);
        List<String> order = runs(u, 3);
        assertEquals(order.get(0), u.claimNext(order, "a", "m", 1000).orElseThrow().name(), "the plan's first pending run first");
        assertEquals(order.get(1), u.claimNext(order, "b", "m", 1000).orElseThrow().name());
    }

    @Test
    void anExpiredLeaseIsTakenOverAsAnAttemptAndTheOldHolderCanNoLongerTouchTheRun() throws Exception {
        AtomicLong clock = new AtomicLong(1000);
        RunTable t = new RunTable(map(), clock::get);
        List<String> names = runs(t, 1);
        String run = names.get(0);
        assertEquals(1, t.claimNext(names, "a", "m1", 5000).orElseThrow().epoch());
        clock.set(3000);
        assertTrue(renew(t, run, "a", 1), "the holder renews: lease until 8000");
        assertFalse(renew(t, run, "b", 1), "only the holder renews");
        assertFalse(renew(t, run, "a", 7), "and only under its epoch");
        clock.set(8000);
        assertEquals(Optional.empty(), t.claimNext(names, "b", "m2", 5000), "not before the lease ran out");
        clock.set(8001);
        RunTable.Claimed b = t.claimNext(names, "b", "m2", 5000).orElseThrow();
        assertEquals(2, b.epoch(), "a takeover raises the epoch");
        assertFalse(renew(t, run, "a", 1), "the old holder lost it");
        assertFalse(t.finish(run, "a", 1));
        assertFalse(t.attemptFailed(run, "a", 1, "exit 1", false));
        assertFalse(t.release(run, "a", 1));
        RunEntry e = entry(t, run);
        assertEquals(RunEntry.Status.CLAIMED, e.status());
        assertEquals("b", e.worker());
        assertEquals(1, e.attempts(), "an expired lease is an attempt");
        assertTrue(e.error().contains("the lease of a on m ran out"), e.error()); // the renewal recorded its address
        assertEquals(RunTable.Renewal.NO_ENTRY, t.renew("ppo/none", "a", "m", 1, 5000).toCompletableFuture().get(), "a run not seeded yet");

        clock.set(20_000);
        assertEquals(3, t.claimNext(names, "c", "m3", 5000).orElseThrow().epoch());
        clock.set(30_000);
        assertEquals(Optional.empty(), t.claimNext(names, "d", "m4", 5000), "the third expired lease fails the run");
        e = entry(t, run);
        assertEquals(RunEntry.Status.FAILED, e.status());
        assertEquals(RunEntry.MAX_ATTEMPTS, e.attempts());
        assertEquals(3, e.epoch(), "the failed claim's epoch, whose folder the coordinator checks");
    }

    @Test
    void finishingReleasingAndFailing() {
        RunTable t = new RunTable(map(), new AtomicLong(1000)::get);
        List<String> names = runs(t, 3);
        String run = names.get(0);
        for (int k = 1; k <= RunEntry.MAX_ATTEMPTS; k++) {
            long epoch = t.claimNext(List.of(run), "a", "m", 5000).orElseThrow().epoch();
            assertTrue(t.attemptFailed(run, "a", epoch, "exit 1", false));
            assertEquals(k, entry(t, run).attempts());
        }
        assertEquals(RunEntry.Status.FAILED, entry(t, run).status());
        assertEquals("exit 1", entry(t, run).error());
        assertEquals(Optional.empty(), t.claimNext(List.of(run), "a", "m", 5000));
        assertTrue(t.retryFailed(run));
        assertEquals(RunEntry.Status.PENDING, entry(t, run).status());
        assertEquals(0, entry(t, run).attempts());

        String other = names.get(1);
        long e1 = t.claimNext(List.of(other), "a", "m", 5000).orElseThrow().epoch();
        assertTrue(t.release(other, "a", e1));
        assertEquals(RunEntry.Status.PENDING, entry(t, other).status());
        assertEquals(0, entry(t, other).attempts(), "a release is not an attempt");
        long e2 = t.claimNext(List.of(other), "a", "m", 5000).orElseThrow().epoch();
        assertEquals(e1 + 1, e2);
        assertTrue(t.advance(other, "a", e2, 9), "the holder moves past its folder's epoch");
        assertFalse(t.advance(other, "b", 9, 12), "nobody else does");
        assertTrue(t.attemptFailed(other, "a", 9, "exit 2: unknown key 'x'", true));
        assertEquals(RunEntry.Status.FAILED, entry(t, other).status(), "a user error fails the run at once");

        String third = names.get(2);
        long e3 = t.claimNext(List.of(third), "a", "m", 5000).orElseThrow().epoch();
        assertTrue(t.finish(third, "a", e3));
        assertEquals(RunEntry.Status.FINISHED, entry(t, third).status());
        assertEquals(Optional.empty(), t.claimNext(List.of(third), "c", "m3", 5000), "a finished run is never claimed");
        assertTrue(t.reopen(third, RunEntry.Status.FINISHED), "a finished run its folder does not confirm is reopened");
        assertEquals(RunEntry.Status.PENDING, entry(t, third).status());
    }

    @Test
    void aClaimSeededAfterARestartIsAdoptedOnlyUnderItsEpochAndItsExpiryIsNoAttempt() throws Exception {
        AtomicLong clock = new AtomicLong(1000);
        RunTable t = new RunTable(map(), clock::get);
        String run = "ppo/i0-s1";
        t.seed(run, RunEntry.heldUntil(4, 6000));
        assertEquals(Optional.empty(), t.claimNext(List.of(run), "b", "m2", 5000), "held for one lease");
        assertFalse(renew(t, run, "a", 3), "a renewal under an older epoch does not adopt it");
        assertTrue(renew(t, run, "a", 4), "the worker that holds the folder's epoch adopts it");
        assertEquals("a", entry(t, run).worker());

        String other = "ppo/i0-s2";
        t.seed(other, RunEntry.heldUntil(2, 6000));
        clock.set(6001);
        assertEquals(3, t.claimNext(List.of(other), "b", "m2", 5000).orElseThrow().epoch());
        assertEquals(0, entry(t, other).attempts(), "nobody's lease ran out, so no attempt was used");
    }

    /** What a stranger could put in the run map: a class this JVM knows, but the cluster must refuse to build. */
    record Gadget(String payload) implements Serializable {}

    @Test
    void valuesThatAreNotRunEntriesAreSeededOverAndJavaObjectsAreNeverBuilt() throws Exception {
        IMap<String, String> m = map();
        RunTable t = new RunTable(m, new AtomicLong(1000)::get);
        List<String> names = runs(t, 3);
        m.put(names.get(0), "{\"status\":\"FINISHED\",\"oops\":1}");
        HazelcastInstance stranger = HazelcastClient.newHazelcastClient(MemberConfig.client(member.name, member.address()));
        try {
            stranger.<String, Object>getMap(m.getName()).put(names.get(1), new Gadget("rm -rf"));
        } finally {
            stranger.shutdown();
        }
        HazelcastSerializationException refused = assertThrows(HazelcastSerializationException.class, () -> m.get(names.get(1)));
        assertTrue(String.valueOf(refused.getCause()).contains("is not allowed"), refused.toString());
        Map<String, RunEntry> seen = t.snapshot(names);
        assertEquals(List.of(names.get(2)), List.copyOf(seen.keySet()), "only the run entry is read");
        assertFalse(t.claimNext(names.subList(0, 2), "a", "m", 5000).isPresent(), "nothing unreadable is claimed");
        assertTrue(t.reseed(names.get(0), RunEntry.pending(3)));
        assertTrue(t.reseed(names.get(1), RunEntry.pending(3)));
        assertFalse(t.reseed(names.get(2), RunEntry.pending(3)), "a readable entry is kept");
        assertEquals(3, t.snapshot(names).size());
        assertEquals(3, t.snapshot(names).get(names.get(1)).epoch());
    }

    @Test
    void theCoordinatorListensOnLoopbackOnly() throws Exception {
        assertEquals("127.0.0.1", member.hz().getCluster().getLocalMember().getAddress().getHost());
        assertEquals("false", member.hz().getConfig().getProperty("hazelcast.phone.home.enabled"));
        assertFalse(member.hz().getConfig().getNetworkConfig().getJoin().getMulticastConfig().isEnabled());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", member.port), 2000); // listening there
        }
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces()))
            for (var a : Collections.list(ni.getInetAddresses())) {
                if (a.isLoopbackAddress() || a.getAddress().length != 4) continue;
                try (Socket s = new Socket()) {
                    assertThrows(java.io.IOException.class, () -> s.connect(new InetSocketAddress(a, member.port), 2000),
                            "nothing listens on " + a.getHostAddress() + ":" + member.port);
                }
            }
    }
}

package sectar.experiments.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.run.RunFence;

/**
 * The coordinator's repairs while it lives: entries lost or removed come back from their folders at the
 * next look (a run a worker may still hold is held for one lease under its folder's epoch), and a run
 * reported finished or failed by someone who never touched its folder goes back to pending.
 */
class ReconcilerTest {
    @RegisterExtension static final TestMember member = new TestMember("reconciler-test", 5881);
    private static final long LEASE = 60_000;

    @Test
    void lostEntriesComeBackFromTheirFoldersAndUnconfirmedResultsAreReopened(@TempDir Path root) {
        String done = "ppo/i0-s1", running = "ppo/i0-s2", fresh = "ppo/i0-s3";
        List<String> names = List.of(done, running, fresh);
        RunFence.claim(root.resolve(done), 1, "w/1");
        try (RunDirectory run = RunDirectory.builder("waypoint", "ppo", 1).out(root.resolve(done)).force(true).fence(RunFence.of(root.resolve(done), 1))
                .start(Map.of("seed", 1))) {
            run.complete();
        }
        RunFence.claim(root.resolve(running), 3, "w/1");
        long now = System.currentTimeMillis();
        RunTable table = RunTable.of(member.hz());
        for (String n : names) table.seed(n, RunFolders.seed(root.resolve(n), now, LEASE));
        List<String> events = new ArrayList<>();
        Reconciler r = new Reconciler(root, names, table, LEASE, System::currentTimeMillis, events::add);
        Map<String, RunEntry> seen = r.poll();
        assertEquals(RunEntry.Status.FINISHED, seen.get(done).status());
        assertTrue(r.settled(done, seen.get(done)), "its folder says completed");
        assertEquals(RunEntry.heldUntil(3, 0).status(), seen.get(running).status(), "a claimed run is held for one lease");
        assertNull(seen.get(running).worker());
        assertEquals(3, seen.get(running).epoch(), "under its folder's epoch");
        assertEquals(RunEntry.Status.PENDING, seen.get(fresh).status());
        assertEquals(List.of(), events);

        // someone who knows the name: removes two entries, marks the fresh run finished, then failed
        HazelcastInstance stranger = HazelcastClient.newHazelcastClient(MemberConfig.client(member.name, member.address()));
        try {
            IMap<String, String> runs = stranger.getMap(RunTable.MAP);
            runs.delete(running);
            runs.delete(done);
            seen = r.poll();
            assertEquals(3, seen.get(running).epoch(), "seeded again from its folder at the next look");
            assertEquals(RunEntry.Status.CLAIMED, seen.get(running).status());
            assertEquals(RunEntry.Status.FINISHED, seen.get(done).status());
            assertEquals(2, events.size(), events.toString());
            assertTrue(events.get(0).contains("seeded again from its folder"), events.toString());

            RunTable theirs = RunTable.of(stranger);
            RunTable.Claimed c = theirs.claimNext(List.of(fresh), "stranger/1", "x", LEASE).orElseThrow();
            assertTrue(theirs.finish(fresh, "stranger/1", c.epoch()));
            seen = r.poll();
            assertEquals(RunEntry.Status.PENDING, seen.get(fresh).status(), "finished only when its folder says so");
            assertTrue(events.get(2).contains("reported finished, but its folder is not"), events.toString());

            c = theirs.claimNext(List.of(fresh), "stranger/1", "x", LEASE).orElseThrow();
            assertTrue(theirs.attemptFailed(fresh, "stranger/1", c.epoch(), "exit 2", true));
            seen = r.poll();
            assertEquals(RunEntry.Status.PENDING, seen.get(fresh).status(), "a failure whose claim never reached the folder is not taken");
            assertFalse(r.settled(fresh, seen.get(fresh)));
        } finally {
            stranger.shutdown();
        }

        // a real failed attempt: its claim fenced the folder
        RunTable.Claimed c = table.claimNext(List.of(fresh), "w/1", "m", LEASE).orElseThrow();
        RunFence.claim(root.resolve(fresh), c.epoch(), "w/1");
        assertTrue(table.attemptFailed(fresh, "w/1", c.epoch(), "exit 2: bad --set", true));
        seen = r.poll();
        assertEquals(RunEntry.Status.FAILED, seen.get(fresh).status());
        assertTrue(r.settled(fresh, seen.get(fresh)));
    }
}

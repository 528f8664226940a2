package sectar.experiments.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker against a cluster this test holds (one embedded member standing for the coordinator): it runs
 * only the campaign its folder's key signed, so a process that joins with the right name and rewrites a
 * run's arguments cannot make it run them; it is refused, holding nothing, for a wrong cluster name,
 * another commit or another folder; and its idle slots share one look at the run map per poll interval.
 */
class WorkerTest {
    @RegisterExtension static final TestMember member = new TestMember("worker-test", 5871);
    private static final String COMMIT = "aaa";

    @TempDir Path root;
    private CampaignKey key;
    private CampaignEntry campaign;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** A signed campaign of two runs in a fresh folder, both runs pending. */
    @BeforeEach
    void campaign() {
        key = CampaignKey.createOrLoad(root);
        List<CampaignEntry.Planned> runs = List.of(new CampaignEntry.Planned("ppo/i0-s1", "ppo", List.of("train", "waypoint", "--algo", "ppo", "--seed", "1")),
                new CampaignEntry.Planned("ppo/i0-s2", "ppo", List.of("train", "waypoint", "--algo", "ppo", "--seed", "2")));
        campaign = new CampaignEntry("waypoint", root.toString(), runs, COMMIT, 60_000, null).signedWith(key);
        member.hz().getMap(CampaignEntry.MAP).clear();
        member.hz().getMap(RunTable.MAP).clear();
        member.hz().<String, String>getMap(CampaignEntry.MAP).put(CampaignEntry.KEY, campaign.json());
        for (CampaignEntry.Planned p : runs) RunTable.of(member.hz()).seed(p.name(), RunEntry.pending(0));
        ClusterFiles.writeCluster(root, new ClusterFiles.Cluster(member.name, member.address()));
    }

    private Worker.Options options(String name, String commit, int slots) {
        return new Worker.Options(root, null, name, slots, commit, 1, err);
    }

    private void assertNothingClaimed() {
        for (RunEntry e : RunTable.of(member.hz()).snapshot(List.of("ppo/i0-s1", "ppo/i0-s2")).values()) assertEquals(RunEntry.Status.PENDING, e.status(), e.toString());
        assertFalse(Files.exists(root.resolve("ppo")), "no run folder");
        assertFalse(Files.exists(root.resolve("logs")), "no run started");
    }

    @Test
    void aRunWhoseArgumentsSomeoneRewroteInTheMapIsNeverRun() throws Exception {
        HazelcastInstance stranger = HazelcastClient.newHazelcastClient(MemberConfig.client(member.name, member.address()));
        try {
            IMap<String, String> campaigns = stranger.getMap(CampaignEntry.MAP);
            CampaignEntry had = CampaignEntry.parse(campaigns.get(CampaignEntry.KEY));
            List<CampaignEntry.Planned> forged = new ArrayList<>(had.runs());
            forged.set(0, new CampaignEntry.Planned("ppo/i0-s1", "ppo", List.of("train", "waypoint", "--algo", "ppo", "--seed", "1",
                    "--instances-file", "/tmp/not-the-campaigns.json", "--set", "ppo.learningRate=1e9")));
            // the old signature on new arguments, then a signature with a key of the stranger's own
            campaigns.put(CampaignEntry.KEY, new CampaignEntry(had.task(), had.root(), forged, had.commit(), had.leaseMillis(), had.signature()).json());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Worker.run(options(null, COMMIT, 1)));
            assertTrue(e.getMessage().contains("is not signed with this campaign folder's cluster.key"), e.getMessage());
            Path elsewhere = Files.createTempDirectory("stranger");
            CampaignKey theirs = CampaignKey.createOrLoad(elsewhere);
            campaigns.put(CampaignEntry.KEY, new CampaignEntry(had.task(), had.root(), forged, had.commit(), had.leaseMillis(), null).signedWith(theirs).json());
            e = assertThrows(IllegalArgumentException.class, () -> Worker.run(options(null, COMMIT, 1)));
            assertTrue(e.getMessage().contains("refusing to run its arguments"), e.getMessage());
        } finally {
            stranger.shutdown();
        }
        assertNothingClaimed();
    }

    @Test
    void aWorkerWithTheWrongNameAnotherCommitOrAnotherFolderIsRefusedHoldingNothing() throws Exception {
        long t0 = System.nanoTime();
        IllegalArgumentException wrongName = assertThrows(IllegalArgumentException.class, () -> Worker.run(options(member.name + "-wrong", COMMIT, 1)));
        assertTrue(wrongName.getMessage().startsWith("no cluster named " + member.name + "-wrong answered at 127.0.0.1:" + member.port), wrongName.getMessage());
        System.out.printf("a wrong cluster name was refused after %.1f s%n", (System.nanoTime() - t0) / 1e9);

        IllegalArgumentException otherCommit = assertThrows(IllegalArgumentException.class, () -> Worker.run(options(null, "bbb", 1)));
        assertEquals("worker built from bbb, the campaign from aaa", otherCommit.getMessage());

        Path other = Files.createTempDirectory("other-campaign");
        Files.copy(root.resolve(CampaignKey.FILE), other.resolve(CampaignKey.FILE));
        Files.setPosixFilePermissions(other.resolve(CampaignKey.FILE), PosixFilePermissions.fromString("rw-------"));
        ClusterFiles.writeCluster(other, new ClusterFiles.Cluster(member.name, member.address()));
        IllegalArgumentException otherFolder = assertThrows(IllegalArgumentException.class,
                () -> Worker.run(new Worker.Options(other, null, null, 1, COMMIT, 1, err)));
        assertTrue(otherFolder.getMessage().contains("holds the campaign in " + root + ", not in --campaign " + other), otherFolder.getMessage());

        Files.setPosixFilePermissions(root.resolve(CampaignKey.FILE), PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException shared = assertThrows(IllegalArgumentException.class, () -> Worker.run(options(null, COMMIT, 1)));
        assertTrue(shared.getMessage().contains("readable by its owner only"), shared.getMessage());

        assertNothingClaimed();
        for (int i = 0; i < 100 && !member.hz().getClientService().getConnectedClients().isEmpty(); i++) Thread.sleep(50);
        assertTrue(member.hz().getClientService().getConnectedClients().isEmpty(), "the refused workers left");
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "a refused worker says nothing but its error");
    }

    @Test
    void theClusterFileAndTheKeyAreReadableByTheirOwnerOnly() throws Exception {
        for (String f : List.of(ClusterFiles.CLUSTER, CampaignKey.FILE))
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(f))), f);
        ClusterFiles.writeCluster(root, new ClusterFiles.Cluster(member.name, member.address())); // rewritten over an existing one
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(ClusterFiles.CLUSTER))));
        assertEquals(member.name, ClusterFiles.readCluster(root).clusterName());
    }

    @Test
    void idleSlotsShareOneLookAtTheRunMapPerPollIntervalAndLeaveAtTheDoneMark() throws Exception {
        RunTable table = RunTable.of(member.hz());
        List<String> names = List.of("ppo/i0-s1", "ppo/i0-s2");
        for (int i = 0; i < 2; i++) assertTrue(table.claimNext(names, "elsewhere/1", "m", 600_000).isPresent());
        CompletableFuture<Integer> worker = CompletableFuture.supplyAsync(() -> Worker.run(options(null, COMMIT, 4)));
        for (int i = 0; i < 200 && !bytes.toString(StandardCharsets.UTF_8).contains("joined"); i++) Thread.sleep(50);
        Thread.sleep(4000); // the lease is 60 s, so the poll interval is 10 s: one look, whatever the slots
        member.hz().<String, String>getMap(CampaignEntry.MAP).put(CampaignEntry.DONE, campaign.doneMark(key));
        assertEquals(0, worker.get(20, TimeUnit.SECONDS), bytes.toString(StandardCharsets.UTF_8));
        String said = bytes.toString(StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("looked at the run map (\\d+) times").matcher(said);
        assertTrue(m.find(), said);
        int looks = Integer.parseInt(m.group(1));
        assertTrue(looks >= 1 && looks <= 2, "4 idle slots over 4 s looked " + looks + " times (one look a second each would be 16):\n" + said);
        assertNothingClaimedButByElsewhere(table, names);
    }

    private void assertNothingClaimedButByElsewhere(RunTable table, List<String> names) {
        for (RunEntry e : table.snapshot(names).values()) assertEquals("elsewhere/1", e.worker());
    }
}

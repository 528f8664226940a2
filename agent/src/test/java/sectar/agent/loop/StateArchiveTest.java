package sectar.agent.loop;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;
import sectar.agent.io.Checkpoint;
import sectar.sim.Env;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** The Go-Explore archive: cells on the rewarded points, starts favouring rare cells, an exact checkpoint. */
class StateArchiveTest {
    private final TaskSpec waypoint = Tasks.spec("waypoint", 0);

    private static List<double[]> near(double x, double y, int n, SplittableRandom rng) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new double[] {x + 0.01 * rng.nextDouble(), y + 0.01 * rng.nextDouble()});
        return out;
    }

    @Test
    void startsFavourRareCells() {
        StateArchive a = new StateArchive(waypoint, 10);
        SplittableRandom rng = new SplittableRandom(1);
        a.addAll(near(0, 0, 1000, rng)); // the common cell
        a.addAll(near(3, 3, 1, rng)); // a rare one
        assertEquals(2, a.size());
        int rare = 0;
        for (double[] s : a.pick(4000, rng)) if (s[0] > 2) rare++;
        // weights 1/sqrt(2) against 1/sqrt(1001): 96% of starts from the cell holding 0.1% of the states
        assertTrue(rare > 0.9 * 4000, "starts from the rare cell: " + rare + " of 4000");
    }

    @Test
    void blockCellsFollowTheObjectsNotTheFist() {
        TaskSpec block = Tasks.spec("block", 0);
        StateArchive a = new StateArchive(block, 10);
        double[] s = block.start();
        List<double[]> fistMoves = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double[] t = s.clone();
            t[0] = -2 + 0.2 * i; // the fist wanders, the objects stay
            fistMoves.add(t);
        }
        a.addAll(fistMoves);
        assertEquals(1, a.size(), "the reward reads the objects' positions only");
        double[] moved = s.clone();
        moved[2] += 1.5; // object 0 carried away
        a.addAll(List.of(moved));
        assertEquals(2, a.size());
    }

    @Test
    void aRestoredArchivePicksExactlyAsTheOriginal() {
        StateArchive a = new StateArchive(waypoint, 10);
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 30; i++) a.addAll(near(-4 + 0.3 * i, 0.2 * i - 3, 1 + i % 4, rng));
        Checkpoint.Builder b = Checkpoint.builder();
        a.save(b, "archive/");
        Checkpoint c = Checkpoint.fromBytes(b.build().toBytes(), "test");
        StateArchive restored = new StateArchive(waypoint, 10);
        restored.load(c, "archive/");
        assertEquals(a.size(), restored.size());
        List<double[]> p = a.pick(50, new SplittableRandom(3)), q = restored.pick(50, new SplittableRandom(3));
        for (int i = 0; i < 50; i++) assertArrayEquals(p.get(i), q.get(i));
    }

    @Test
    void theExplorerRunsArchiveStartsInPlaceOfVisitedOnes() {
        Env env = Tasks.entry("waypoint").env().apply(waypoint);
        ExplorerConfig cfg = new ExplorerConfig(4, 1, new int[] {8}, 0, 0, 0, 1).withArchive(0.5, 10);
        assertEquals(2, cfg.archiveStartCount());
        Explorer e = new Explorer(cfg, Fixtures.ppo(), waypoint, false, new SplittableRandom(1));
        double[] far = {4.0, -4.0};
        Explorer.Rollouts r = e.collect(env, List.of(new double[] {0, 0}), List.of(far, far), new SplittableRandom(2));
        assertEquals(4, r.states().size());
        assertArrayEquals(new double[] {0, 0}, r.states().get(0).get(0));
        assertArrayEquals(far, r.states().get(3).get(0));
    }

    @Test
    void settingsAreValidatedByName() {
        ExplorerConfig cfg = new ExplorerConfig(4, 1, new int[] {8}, 0, 0, 0, 1);
        var share = assertThrows(IllegalArgumentException.class, () -> cfg.withArchive(1.2, 10));
        assertTrue(share.getMessage().contains("explorer.archiveStarts") && share.getMessage().contains("1.2"), share.getMessage());
        var grid = assertThrows(IllegalArgumentException.class, () -> cfg.withArchive(0.5, 0));
        assertTrue(grid.getMessage().contains("explorer.archiveGrid") && grid.getMessage().contains("0"), grid.getMessage());
        var fine = assertThrows(IllegalArgumentException.class, () -> new StateArchive(Tasks.spec("block", 0), 200_000));
        assertTrue(fine.getMessage().contains("explorer.archiveGrid 200000"), fine.getMessage());
    }
}

package sectar.sim.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jbox2d.collision.AABB;
import org.jbox2d.common.Vec2;
import org.junit.jupiter.api.Test;

class SmallBroadPhaseTest {
    private static AABB box(float x, float y, float h) {
        return new AABB(new Vec2(x - h, y - h), new Vec2(x + h, y + h));
    }

    @Test
    void idsRestartAtZeroAfterEverythingIsDestroyed() {
        SmallBroadPhase bp = new SmallBroadPhase();
        for (int i = 0; i < 6; i++) assertEquals(i, bp.createProxy(box(i, 0, 0.1f), "p" + i));
        bp.destroyProxy(2);
        assertEquals(2, bp.createProxy(box(9, 9, 0.1f), "again")); // lowest free id first
        for (int id : new int[] {4, 0, 5, 2, 1, 3}) bp.destroyProxy(id);
        assertEquals(0, bp.proxyCount());
        for (int i = 0; i < 3; i++) assertEquals(i, bp.createProxy(box(i, 0, 0.1f), "q" + i));
    }

    @Test
    void movesRefattenOnlyWhenLeavingTheFatBoxAndQueriesFindOverlaps() {
        SmallBroadPhase bp = new SmallBroadPhase();
        int a = bp.createProxy(box(0, 0, 0.1f), "a");
        int b = bp.createProxy(box(1, 0, 0.1f), "b");
        assertFalse(bp.moveProxy(a, box(0.05f, 0, 0.1f), new Vec2(0.05f, 0)), "still inside the 0.1 margin");
        assertTrue(bp.moveProxy(a, box(0.5f, 0, 0.1f), new Vec2(0.45f, 0)));
        // fat box now reaches 0.6 + 0.1 + 2 * 0.45 = 1.6 on the right: overlaps b
        List<Integer> hits = new ArrayList<>();
        bp.query(id -> hits.add(id), bp.getFatAABB(a));
        assertEquals(List.of(a, b), hits);
    }
}

package sectar.sim.physics;

import java.util.Arrays;

import org.jbox2d.callbacks.DebugDraw;
import org.jbox2d.callbacks.TreeCallback;
import org.jbox2d.callbacks.TreeRayCastCallback;
import org.jbox2d.collision.AABB;
import org.jbox2d.collision.RayCastInput;
import org.jbox2d.collision.broadphase.BroadPhaseStrategy;
import org.jbox2d.common.Color3f;
import org.jbox2d.common.Settings;
import org.jbox2d.common.Vec2;

/**
 * A brute-force broad phase for the task scenes (a handful of fixtures): fat AABBs in a flat array,
 * every query a linear scan.
 *
 * <p>Why not JBox2D's {@code DynamicTree}: (1) its node ids depend on the tree's history, so a world
 * whose bodies were destroyed and rebuilt would number its proxies differently from a fresh world,
 * which reorders new contacts and breaks bitwise-exact resets; here a new proxy always takes the
 * lowest free id, so after every proxy is destroyed the ids restart at 0 exactly as in a fresh
 * world. (2) JBox2D 2.2.1.1's containment test in {@code moveProxy} is inverted, so every moving
 * proxy is removed and re-inserted on every step; here a proxy is re-fattened only when its
 * AABB leaves the fat AABB (Box2D's rule). (3) For ten proxies a scan beats tree upkeep.
 * Fat AABBs follow Box2D: margin {@link Settings#aabbExtension}, predicted displacement times
 * {@link Settings#aabbMultiplier}.
 */
final class SmallBroadPhase implements BroadPhaseStrategy {
    private AABB[] fat = new AABB[16];
    private Object[] userData = new Object[16];
    private boolean[] live = new boolean[16];
    /** One past the highest id ever live since the last time all were destroyed. */
    private int end;
    private int liveCount;
    private int insertions;
    private final RayCastInput subInput = new RayCastInput();
    private final AABB segmentBox = new AABB();

    @Override public int createProxy(AABB aabb, Object data) {
        int id = 0;
        while (id < end && live[id]) id++;
        if (id == fat.length) grow();
        if (fat[id] == null) fat[id] = new AABB();
        AABB f = fat[id];
        f.lowerBound.set(aabb.lowerBound.x - Settings.aabbExtension, aabb.lowerBound.y - Settings.aabbExtension);
        f.upperBound.set(aabb.upperBound.x + Settings.aabbExtension, aabb.upperBound.y + Settings.aabbExtension);
        userData[id] = data;
        live[id] = true;
        if (id == end) end++;
        liveCount++;
        insertions++;
        return id;
    }

    private void grow() {
        int n = fat.length * 2;
        fat = Arrays.copyOf(fat, n);
        userData = Arrays.copyOf(userData, n);
        live = Arrays.copyOf(live, n);
    }

    @Override public void destroyProxy(int id) {
        checkLive(id);
        live[id] = false;
        userData[id] = null;
        liveCount--;
        while (end > 0 && !live[end - 1]) end--;
    }

    @Override public boolean moveProxy(int id, AABB aabb, Vec2 displacement) {
        checkLive(id);
        AABB f = fat[id];
        if (f.lowerBound.x <= aabb.lowerBound.x && f.lowerBound.y <= aabb.lowerBound.y
                && aabb.upperBound.x <= f.upperBound.x && aabb.upperBound.y <= f.upperBound.y)
            return false;
        float lx = aabb.lowerBound.x - Settings.aabbExtension, ly = aabb.lowerBound.y - Settings.aabbExtension;
        float ux = aabb.upperBound.x + Settings.aabbExtension, uy = aabb.upperBound.y + Settings.aabbExtension;
        float dx = displacement.x * Settings.aabbMultiplier, dy = displacement.y * Settings.aabbMultiplier;
        if (dx < 0) lx += dx; else ux += dx;
        if (dy < 0) ly += dy; else uy += dy;
        f.lowerBound.set(lx, ly);
        f.upperBound.set(ux, uy);
        insertions++;
        return true;
    }

    private void checkLive(int id) {
        if (id < 0 || id >= end || !live[id]) throw new IllegalArgumentException("no live proxy " + id);
    }

    @Override public Object getUserData(int id) { return userData[id]; }

    @Override public AABB getFatAABB(int id) { return fat[id]; }

    @Override public void query(TreeCallback callback, AABB aabb) {
        for (int i = 0; i < end; i++)
            if (live[i] && AABB.testOverlap(fat[i], aabb) && !callback.treeCallback(i)) return;
    }

    /** Visits every proxy whose fat AABB meets the (shrinking) segment box, like the tree's ray cast. */
    @Override public void raycast(TreeRayCastCallback callback, RayCastInput input) {
        Vec2 p1 = input.p1, p2 = input.p2;
        float maxFraction = input.maxFraction;
        for (int i = 0; i < end; i++) {
            if (!live[i]) continue;
            float tx = p1.x + maxFraction * (p2.x - p1.x), ty = p1.y + maxFraction * (p2.y - p1.y);
            segmentBox.lowerBound.set(Math.min(p1.x, tx), Math.min(p1.y, ty));
            segmentBox.upperBound.set(Math.max(p1.x, tx), Math.max(p1.y, ty));
            if (!AABB.testOverlap(fat[i], segmentBox)) continue;
            subInput.p1.set(p1);
            subInput.p2.set(p2);
            subInput.maxFraction = maxFraction;
            float value = callback.raycastCallback(subInput, i);
            if (value == 0) return;
            if (value > 0) maxFraction = value;
        }
    }

    /** A flat list has no tree: height 0. */
    @Override public int computeHeight() { return 0; }

    @Override public int getHeight() { return 0; }

    @Override public int getMaxBalance() { return 0; }

    /** Sum of fat-AABB perimeters over the perimeter of their union (the tree's quality measure). */
    @Override public float getAreaRatio() {
        AABB all = null;
        float sum = 0;
        for (int i = 0; i < end; i++) {
            if (!live[i]) continue;
            sum += fat[i].getPerimeter();
            if (all == null) all = new AABB(fat[i]);
            else all.combine(fat[i]);
        }
        return all == null ? 0 : sum / all.getPerimeter();
    }

    @Override public int getInsertionCount() { return insertions; }

    @Override public void drawTree(DebugDraw draw) {
        Color3f color = new Color3f(0.9f, 0.6f, 0.6f);
        Vec2[] corners = {new Vec2(), new Vec2(), new Vec2(), new Vec2()};
        for (int i = 0; i < end; i++) {
            if (!live[i]) continue;
            fat[i].getVertices(corners);
            draw.drawPolygon(corners, 4, color);
        }
    }

    /** Live proxies (for tests). */
    int proxyCount() { return liveCount; }
}

package sectar.sim.physics;

import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.World;
import org.jbox2d.pooling.normal.DefaultWorldPool;

/**
 * The zero-gravity world a {@link Box2dTask} reuses across resets, with the one hook reuse needs:
 * flushing the broad phase's move buffer. Public so benchmarks can run raw scenes on the same world. JBox2D empties that buffer only inside {@code step}, and
 * removing a proxy scans it, so resets without steps in between would grow it without bound.
 */
public final class TaskWorld extends World {
    public TaskWorld() {
        super(new Vec2(0, 0), new DefaultWorldPool(WORLD_POOL_SIZE, WORLD_POOL_CONTAINER_SIZE), new SmallBroadPhase());
    }

    /** Pairs up moved proxies now (as the next step would) so the move buffer is empty. */
    void flushMoveBuffer() {
        m_contactManager.findNewContacts();
    }
}

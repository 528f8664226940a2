package sectar.sim.physics;

import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Settings;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;

/** Static walls around a square arena, shared by every task. */
public final class Arena {
    /** Wall thickness (half-width of each wall box); thick enough that nothing tunnels through. */
    static final float WALL_HALF_THICKNESS = 0.5f;

    private Arena() {}

    /**
     * Where to put the walls' inner faces so that a body reaching {@code halfExtent} from its centre
     * towards a wall keeps its centre within +-{@code limit}. JBox2D's time-of-impact solver stops a
     * moving body with its shape a little inside the wall's skin (measured: a 0.05 circle against walls
     * at 2.85 stops at 2.805), and a circle gets {@code linearSlop} closer than a box, so the faces move
     * in by {@code linearSlop} plus 0.001 of headroom. A resting body then sits about 0.011 inside the limit.
     */
    public static double wallFor(double limit, double halfExtent) {
        return limit + halfExtent - Settings.linearSlop - 0.001;
    }

    /**
     * Adds four static walls whose inner faces sit at +-{@code inner} on both axes.
     *
     * @return the static body holding the four wall fixtures
     */
    public static Body addWalls(World world, double inner) {
        BodyDef def = new BodyDef();
        def.type = BodyType.STATIC;
        Body walls = world.createBody(def);
        float a = (float) inner, t = WALL_HALF_THICKNESS, len = a + 2 * t;
        wall(walls, 0, a + t, len, t);
        wall(walls, 0, -a - t, len, t);
        wall(walls, a + t, 0, t, len);
        wall(walls, -a - t, 0, t, len);
        return walls;
    }

    private static void wall(Body body, float cx, float cy, float hx, float hy) {
        PolygonShape box = new PolygonShape();
        box.setAsBox(hx, hy, new Vec2(cx, cy), 0);
        FixtureDef f = new FixtureDef();
        f.shape = box;
        f.friction = 0.0f;
        body.createFixture(f);
    }
}

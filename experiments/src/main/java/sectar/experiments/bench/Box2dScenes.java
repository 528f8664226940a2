package sectar.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.jbox2d.collision.shapes.CircleShape;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.collision.shapes.Shape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;
import org.jbox2d.dynamics.joints.RevoluteJoint;
import org.jbox2d.dynamics.joints.RevoluteJointDef;
import org.jbox2d.dynamics.joints.WeldJointDef;

/**
 * Four top-down scenes, built body for body like their Box2D C++ twins ({@code bench/peers/scenes_box2d.cpp}):
 * same shapes, densities, friction, damping, joints, time steps, 8/3 iterations, no sleeping, and
 * the same scripted control (including its LCG), so steps per second compare directly with C++.
 */
public final class Box2dScenes {
    private Box2dScenes() {}

    /** A built scene: its world, time step, Box2D steps per env step, and the per-step control. */
    public record Scene(World world, float dt, int substeps, LongConsumer control) {
        /** Runs {@code n} Box2D steps, calling the control before each (as the C++ loop does). */
        public void run(long from, long n) {
            for (long t = from; t < from + n; t++) {
                control.accept(t);
                world.step(dt, 8, 3);
            }
        }
    }

    public static final List<String> NAMES = List.of("pointmass", "block", "wheeled", "swimmer");

    /** Scene {@code name} in a world from {@code worlds} (JBox2D's default, or the tasks' world). */
    public static Scene build(String name, Supplier<World> worlds) {
        World w = worlds.get();
        w.setAllowSleep(false);
        return switch (name) {
            case "pointmass" -> pointmass(w);
            case "block" -> block(w);
            case "wheeled" -> wheeled(w);
            case "swimmer" -> swimmer(w);
            default -> throw new IllegalArgumentException("unknown scene '" + name + "'; expected one of " + NAMES);
        };
    }

    private static final Vec2[] DIRS = {new Vec2(1, 0), new Vec2(-1, 0), new Vec2(0, 1), new Vec2(0, -1)};

    /** The reference's LCG (uint32 arithmetic, top 24 bits). */
    private static final class Lcg {
        int s;
        Lcg(int seed) { s = seed; }
        int next() {
            s = s * 1664525 + 1013904223;
            return s >>> 8;
        }
    }

    private static void walls(World w, float l) {
        Body g = w.createBody(new BodyDef());
        float h = 0.1f;
        box(g, l + 2 * h, h, 0, l + h);
        box(g, l + 2 * h, h, 0, -l - h);
        box(g, h, l + 2 * h, l + h, 0);
        box(g, h, l + 2 * h, -l - h, 0);
    }

    private static void box(Body g, float hx, float hy, float cx, float cy) {
        PolygonShape s = new PolygonShape();
        s.setAsBox(hx, hy, new Vec2(cx, cy), 0);
        g.createFixture(s, 0);
    }

    private static Body dyn(World w, float x, float y, Shape s, float linDamp, float angDamp) {
        BodyDef bd = new BodyDef();
        bd.type = BodyType.DYNAMIC;
        bd.position.set(x, y);
        bd.linearDamping = linDamp;
        bd.angularDamping = angDamp;
        Body b = w.createBody(bd);
        FixtureDef fd = new FixtureDef();
        fd.shape = s;
        fd.density = 1;
        fd.friction = 0.3f;
        b.createFixture(fd);
        return b;
    }

    private static CircleShape circle(float r) {
        CircleShape c = new CircleShape();
        c.m_radius = r;
        return c;
    }

    private static PolygonShape rect(float hx, float hy) {
        PolygonShape p = new PolygonShape();
        p.setAsBox(hx, hy);
        return p;
    }

    private static Scene pointmass(World w) {
        walls(w, 2.8f);
        Body p = dyn(w, 0, 0, circle(0.1f), 0, 0);
        Lcg lcg = new Lcg(1);
        int[] action = {0};
        Vec2 v = new Vec2();
        return new Scene(w, 1f / 60f, 1, t -> {
            if (t % 30 == 0) action[0] = lcg.next() & 3;
            v.set(DIRS[action[0]]).mulLocal(2f);
            p.setLinearVelocity(v);
        });
    }

    private static Scene block(World w) {
        walls(w, 2.8f);
        Body fist = dyn(w, 0, 0, circle(0.1f), 0, 0);
        List<Body> boxes = new ArrayList<>();
        float[][] at = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
        for (float[] p : at) boxes.add(dyn(w, p[0], p[1], rect(0.15f, 0.15f), 5f, 5f));
        Vec2 d = new Vec2();
        return new Scene(w, 1f / 60f, 1, t -> {
            d.set(boxes.get((int) ((t / 300) % 4)).getPosition()).subLocal(fist.getPosition());
            d.normalize();
            fist.setLinearVelocity(d.mulLocal(1.5f));
        });
    }

    private static final float[][] THRUST = {{1, 1}, {-1, -1}, {-1, 1}, {1, -1}};

    private static Scene wheeled(World w) {
        walls(w, 2.0f);
        Body chassis = dyn(w, 0, 0, rect(0.15f, 0.1f), 0, 0);
        Body[] wheels = new Body[2];
        float[] ys = {0.12f, -0.12f};
        for (int k = 0; k < 2; k++) {
            wheels[k] = dyn(w, 0, ys[k], rect(0.05f, 0.02f), 0, 0);
            WeldJointDef jd = new WeldJointDef();
            jd.initialize(chassis, wheels[k], wheels[k].getPosition());
            w.createJoint(jd);
        }
        Lcg lcg = new Lcg(7);
        int[] action = {0};
        Vec2 right = new Vec2(), fwd = new Vec2(), tmp = new Vec2();
        Vec2 ex = new Vec2(1, 0), ey = new Vec2(0, 1);
        return new Scene(w, 1f / 60f, 1, t -> {
            if (t % 30 == 0) action[0] = lcg.next() & 3;
            for (int k = 0; k < 2; k++) {
                Body wh = wheels[k];
                wh.getWorldVectorToOut(ey, right);
                wh.getWorldVectorToOut(ex, fwd);
                Vec2 v = wh.getLinearVelocity();
                tmp.set(right).mulLocal(-wh.getMass() * Vec2.dot(right, v));
                wh.applyLinearImpulse(tmp, wh.getWorldCenter());
                wh.applyAngularImpulse(-0.1f * wh.getInertia() * wh.getAngularVelocity());
                float drive = 0.05f * THRUST[action[0]][k] - 0.02f * Vec2.dot(fwd, v);
                tmp.set(fwd).mulLocal(drive);
                wh.applyForce(tmp, wh.getWorldCenter());
            }
        });
    }

    private static Scene swimmer(World w) {
        walls(w, 2.5f);
        Body[] links = new Body[3];
        for (int i = 0; i < 3; i++) links[i] = dyn(w, i - 1f, 0, rect(0.5f, 0.1f), 0, 0);
        RevoluteJoint[] joints = new RevoluteJoint[2];
        for (int k = 0; k < 2; k++) {
            RevoluteJointDef jd = new RevoluteJointDef();
            jd.initialize(links[k], links[k + 1], new Vec2(-0.5f + k, 0));
            jd.enableMotor = true;
            jd.maxMotorTorque = 5f;
            jd.enableLimit = true;
            jd.lowerAngle = -1.745f;
            jd.upperAngle = 1.745f;
            joints[k] = (RevoluteJoint) w.createJoint(jd);
        }
        float kT = 0.1f, kN = 2f, kR = 0.05f;
        Vec2 tan = new Vec2(), nrm = new Vec2(), f = new Vec2(), tmp = new Vec2();
        Vec2 ex = new Vec2(1, 0), ey = new Vec2(0, 1);
        return new Scene(w, 0.001f, 200, t -> {
            if (t % 200 == 0) {
                float ph = 6.2832f * 0.001f * t;
                joints[0].setMotorSpeed(3f * (float) Math.sin(ph));
                joints[1].setMotorSpeed(3f * (float) Math.sin(ph + 1.5708f));
            }
            for (Body b : links) {
                b.getWorldVectorToOut(ex, tan);
                b.getWorldVectorToOut(ey, nrm);
                Vec2 v = b.getLinearVelocity();
                f.set(tan).mulLocal(-kT * Vec2.dot(v, tan));
                tmp.set(nrm).mulLocal(-kN * Vec2.dot(v, nrm));
                b.applyForceToCenter(f.addLocal(tmp));
                b.applyTorque(-kR * b.getAngularVelocity());
            }
        });
    }
}

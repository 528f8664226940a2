package sectar.sim.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jbox2d.collision.AABB;
import org.jbox2d.collision.shapes.ChainShape;
import org.jbox2d.collision.shapes.CircleShape;
import org.jbox2d.collision.shapes.EdgeShape;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.collision.shapes.Shape;
import org.jbox2d.common.Transform;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.Fixture;
import org.jbox2d.dynamics.World;

import sectar.sim.OrderedGoals;

/**
 * Draws one frame of any JBox2D task with Java2D, generically: every fixture of every body (circles,
 * polygons, edges, chains) at its body's transform, the numbered goals of the task's reward (the
 * current one highlighted, finished ones dimmed), the trail of the reward-checked point, and the step
 * and return. The view is the box around the static bodies and the goals, so it stays fixed over an
 * episode. Works headless ({@code java.awt.headless=true}).
 */
public final class FrameRenderer {
    private static final Color BACKGROUND = new Color(250, 250, 247);
    private static final Color STATIC_FILL = new Color(90, 90, 96);
    private static final Color BODY_FILL = new Color(66, 133, 244);
    private static final Color BODY_EDGE = new Color(20, 60, 140);
    private static final Color GOAL_CURRENT = new Color(230, 81, 0);
    private static final Color GOAL_AHEAD = new Color(120, 144, 156);
    private static final Color GOAL_DONE = new Color(200, 205, 210);
    private static final Color TRAIL = new Color(233, 30, 99, 170);
    private static final Color PREDICTED = new Color(0, 150, 136);
    private static final double MARGIN = 0.05;

    private final int size;

    /** @param size image width and height in pixels */
    public FrameRenderer(int size) {
        if (size < 32 || size > 4096) throw new IllegalArgumentException("frame size must be in [32, 4096] px, got " + size);
        this.size = size;
    }

    public int size() { return size; }

    /** A new {@code size x size} RGB image of {@code frame}. */
    public BufferedImage draw(Frame frame) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, size, size);
            View view = View.of(frame, size);
            drawGoals(g, view, frame.spec().reward(), frame.stage());
            drawPredicted(g, view, frame.predicted());
            drawSkills(g, view, frame.skills());
            drawTrail(g, view, frame.trail());
            drawBodies(g, view, frame.world());
            drawText(g, frame);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** World-to-pixel mapping: a square around the static bodies and goals, y up. */
    private record View(double cx, double cy, double scale, int size) {
        static View of(Frame frame, int size) {
            double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            AABB aabb = new AABB();
            boolean anyStatic = false;
            for (Body b = frame.world().getBodyList(); b != null; b = b.getNext())
                anyStatic |= b.getType() == BodyType.STATIC;
            for (Body b = frame.world().getBodyList(); b != null; b = b.getNext()) {
                if (anyStatic && b.getType() != BodyType.STATIC) continue;
                for (Fixture f = b.getFixtureList(); f != null; f = f.getNext())
                    for (int c = 0; c < f.getShape().getChildCount(); c++) {
                        f.getShape().computeAABB(aabb, b.getTransform(), c);
                        grow(box, aabb.lowerBound.x, aabb.lowerBound.y);
                        grow(box, aabb.upperBound.x, aabb.upperBound.y);
                    }
            }
            OrderedGoals goals = frame.spec().reward();
            for (int i = 0; i < goals.numGoals(); i++) {
                double[] p = goals.goal(i);
                grow(box, p[0] - goals.radius(), p[1] - goals.radius());
                grow(box, p[0] + goals.radius(), p[1] + goals.radius());
            }
            double span = Math.max(box[2] - box[0], box[3] - box[1]) * (1 + 2 * MARGIN);
            return new View((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, size / span, size);
        }

        private static void grow(double[] box, double x, double y) {
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.max(box[2], x);
            box[3] = Math.max(box[3], y);
        }

        double px(double x) { return size / 2.0 + (x - cx) * scale; }

        double py(double y) { return size / 2.0 - (y - cy) * scale; }
    }

    private static void drawGoals(Graphics2D g, View v, OrderedGoals goals, int stage) {
        double r = goals.radius() * v.scale();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, (int) (r * 0.8))));
        for (int i = goals.numGoals() - 1; i >= 0; i--) { // current goal drawn last, on top
            double[] p = goals.goal(i);
            Color c = i < stage ? GOAL_DONE : i == stage ? GOAL_CURRENT : GOAL_AHEAD;
            Ellipse2D disc = new Ellipse2D.Double(v.px(p[0]) - r, v.py(p[1]) - r, 2 * r, 2 * r);
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), i == stage ? 90 : 40));
            g.fill(disc);
            g.setColor(c);
            g.setStroke(new BasicStroke(i == stage ? 3f : 1f));
            g.draw(disc);
            String label = Integer.toString(i);
            int w = g.getFontMetrics().stringWidth(label);
            g.drawString(label, (float) (v.px(p[0]) - w / 2.0), (float) (v.py(p[1]) + g.getFontMetrics().getAscent() / 2.5));
        }
    }

    /** Each predicted segment as a dashed path, older ones fainter, so prediction and execution compare. */
    private static void drawPredicted(Graphics2D g, View v, List<List<double[]>> segments) {
        float[] dash = {6f, 4f};
        for (int k = 0; k < segments.size(); k++) {
            List<double[]> seg = segments.get(k);
            if (seg.size() < 2) continue;
            Path2D.Double path = new Path2D.Double();
            path.moveTo(v.px(seg.get(0)[0]), v.py(seg.get(0)[1]));
            for (int i = 1; i < seg.size(); i++) path.lineTo(v.px(seg.get(i)[0]), v.py(seg.get(i)[1]));
            int alpha = k == segments.size() - 1 ? 230 : 110;
            g.setColor(new Color(PREDICTED.getRed(), PREDICTED.getGreen(), PREDICTED.getBlue(), alpha));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            g.draw(path);
        }
    }

    /** Each skill's predicted path dashed and its executed path solid, in a colour of its own. */
    private static void drawSkills(Graphics2D g, View v, List<Frame.SkillPath> skills) {
        float[] dash = {5f, 3f};
        for (int k = 0; k < skills.size(); k++) {
            Color c = Color.getHSBColor((float) k / skills.size(), 0.85f, 0.75f);
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 200));
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            g.draw(polyline(v, skills.get(k).predicted()));
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(polyline(v, skills.get(k).executed()));
        }
    }

    private static Path2D.Double polyline(View v, List<double[]> points) {
        Path2D.Double path = new Path2D.Double();
        if (points.isEmpty()) return path;
        path.moveTo(v.px(points.get(0)[0]), v.py(points.get(0)[1]));
        for (int i = 1; i < points.size(); i++) path.lineTo(v.px(points.get(i)[0]), v.py(points.get(i)[1]));
        return path;
    }

    private static void drawTrail(Graphics2D g, View v, List<double[]> trail) {
        if (trail.size() < 2) return;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(v.px(trail.get(0)[0]), v.py(trail.get(0)[1]));
        for (int i = 1; i < trail.size(); i++) path.lineTo(v.px(trail.get(i)[0]), v.py(trail.get(i)[1]));
        g.setColor(TRAIL);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    private static void drawBodies(Graphics2D g, View v, World world) {
        g.setStroke(new BasicStroke(1.5f));
        for (Body b = world.getBodyList(); b != null; b = b.getNext()) {
            boolean isStatic = b.getType() == BodyType.STATIC;
            for (Fixture f = b.getFixtureList(); f != null; f = f.getNext()) {
                java.awt.Shape outline = outline(v, f.getShape(), b.getTransform());
                g.setColor(isStatic ? STATIC_FILL : BODY_FILL);
                if (f.getShape() instanceof CircleShape || f.getShape() instanceof PolygonShape) g.fill(outline);
                g.setColor(isStatic ? STATIC_FILL : BODY_EDGE);
                g.draw(outline);
            }
        }
    }

    /** The shape's outline in pixels; a circle gets a radius line so rotation shows. */
    private static java.awt.Shape outline(View v, Shape shape, Transform xf) {
        Path2D.Double path = new Path2D.Double();
        if (shape instanceof CircleShape c) {
            Vec2 p = Transform.mul(xf, c.m_p);
            double r = c.m_radius * v.scale();
            path.append(new Ellipse2D.Double(v.px(p.x) - r, v.py(p.y) - r, 2 * r, 2 * r), false);
            Vec2 rim = Transform.mul(xf, new Vec2(c.m_p.x + c.m_radius, c.m_p.y));
            path.moveTo(v.px(p.x), v.py(p.y));
            path.lineTo(v.px(rim.x), v.py(rim.y));
        } else if (shape instanceof PolygonShape poly) {
            for (int i = 0; i < poly.m_count; i++) {
                Vec2 p = Transform.mul(xf, poly.m_vertices[i]);
                if (i == 0) path.moveTo(v.px(p.x), v.py(p.y)); else path.lineTo(v.px(p.x), v.py(p.y));
            }
            path.closePath();
        } else if (shape instanceof EdgeShape e) {
            segment(path, v, Transform.mul(xf, e.m_vertex1), Transform.mul(xf, e.m_vertex2));
        } else if (shape instanceof ChainShape chain) {
            EdgeShape e = new EdgeShape();
            for (int i = 0; i < chain.getChildCount(); i++) {
                chain.getChildEdge(e, i);
                segment(path, v, Transform.mul(xf, e.m_vertex1), Transform.mul(xf, e.m_vertex2));
            }
        }
        return path;
    }

    private static void segment(Path2D.Double path, View v, Vec2 a, Vec2 b) {
        path.moveTo(v.px(a.x), v.py(a.y));
        path.lineTo(v.px(b.x), v.py(b.y));
    }

    private void drawText(Graphics2D g, Frame frame) {
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, size / 32)));
        String text = String.format("%s #%d  step %d  return %.0f  goal %d/%d", frame.spec().name(), frame.spec().instance(),
                frame.step(), frame.episodeReturn(), Math.min(frame.stage(), frame.spec().numGoals()), frame.spec().numGoals());
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(0, 0, size, g.getFontMetrics().getHeight() + 6);
        g.setColor(Color.BLACK);
        g.drawString(text, 6, g.getFontMetrics().getAscent() + 3);
    }
}

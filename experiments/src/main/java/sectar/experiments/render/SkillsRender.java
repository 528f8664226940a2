package sectar.experiments.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.loop.SkillSamples;
import sectar.experiments.train.SectarTrainer;
import sectar.sim.TaskSpec;
import sectar.sim.physics.Box2dTask;
import sectar.sim.render.Frame;
import sectar.sim.render.FrameRenderer;
import sectar.sim.tasks.Tasks;

/**
 * A picture of a SeCTAR model's skills: one panel per replay start state, each with latents from a
 * prior, every latent's predicted segment dashed and its executed segment solid in one colour, on the
 * task's arena. One row per prior (N(0, I), and the learned prior when the run has one), one column
 * block per checkpoint when several are drawn side by side. It shows at a glance what
 * {@code plan_end_error} (dashed against solid) and {@code reach_mean} (how far the dashed lines go) say.
 */
public final class SkillsRender {
    private static final int LABEL = 22;

    private SkillsRender() {}

    /**
     * One row of panels.
     *
     * @param label  what the row shows, printed above it
     * @param panels one image per start state
     */
    public record Row(String label, List<BufferedImage> panels) {}

    /**
     * The rows of one trained model: the released prior N(0, I), then the learned prior when it is on.
     * The same start states and the same stream {@code rng} serve every row.
     */
    public static List<Row> rows(SectarTrainer trainer, String title, int starts, int latents, int size, long seed) {
        List<Row> rows = new ArrayList<>();
        LatentPrior normal = LatentPrior.standardNormal(trainer.model().latentDim());
        rows.add(row(trainer, normal, title + " · prior N(0, I)", starts, latents, size, seed));
        if (trainer.config().prior().learned())
            rows.add(row(trainer, trainer.planningPrior(), title + " · learned prior", starts, latents, size, seed));
        return rows;
    }

    private static Row row(SectarTrainer trainer, LatentPrior prior, String label, int starts, int latents, int size, long seed) {
        TaskSpec spec = trainer.config().taskSpec();
        Box2dTask env = (Box2dTask) Tasks.entry(spec.name()).env().apply(spec);
        // a fresh stream of the same seed per row: the start states are drawn first, so every row has the same ones
        List<List<SkillSamples.Skill>> skills = SkillSamples.sample(trainer.model(), prior, trainer.replay(), env, starts, latents,
                new SplittableRandom(seed));
        FrameRenderer renderer = new FrameRenderer(size);
        List<BufferedImage> panels = new ArrayList<>();
        for (List<SkillSamples.Skill> fromStart : skills) {
            List<Frame.SkillPath> paths = new ArrayList<>();
            for (SkillSamples.Skill k : fromStart) {
                List<double[]> predicted = new ArrayList<>(List.of(xy(k.executed()[0])));
                for (double[] s : k.predicted()) predicted.add(xy(s));
                List<double[]> executed = new ArrayList<>();
                for (double[] s : k.executed()) executed.add(xy(s));
                paths.add(new Frame.SkillPath(predicted, executed));
            }
            env.resetTo(fromStart.get(0).executed()[0], 0);
            panels.add(renderer.draw(new Frame(env.world(), spec, 0, List.of(), 0, 0, List.of(), paths)));
        }
        return new Row(label, panels);
    }

    /** The agent's position: the first two observation numbers on every task (as {@code reach_mean} measures it). */
    private static double[] xy(double[] s) { return new double[] {s[0], s[1]}; }

    /** The rows stacked into one image, each under its label. */
    public static BufferedImage grid(List<Row> rows) {
        int cols = rows.stream().mapToInt(r -> r.panels().size()).max().orElse(1);
        int size = rows.get(0).panels().get(0).getWidth();
        BufferedImage img = new BufferedImage(cols * size, rows.size() * (size + LABEL), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            for (int r = 0; r < rows.size(); r++) {
                int y = r * (size + LABEL);
                g.setColor(Color.DARK_GRAY);
                g.drawString(rows.get(r).label(), 6, y + LABEL - 6);
                for (int c = 0; c < rows.get(r).panels().size(); c++) g.drawImage(rows.get(r).panels().get(c), c * size, y + LABEL, null);
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}

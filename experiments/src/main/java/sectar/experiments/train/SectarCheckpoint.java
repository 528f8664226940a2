package sectar.experiments.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import sectar.agent.data.Segment;
import sectar.agent.data.SegmentBuffer;
import sectar.agent.io.Checkpoint;

/**
 * Everything a SeCTAR run needs to continue exactly: the model with its Adam, the policy decoder's
 * and the explorer's PPO optimisers, the explorer's weights, both buffers and the counters. Random
 * streams need no saving: each is derived from the run seed and the iteration.
 */
public final class SectarCheckpoint {
    public static final String FILE = TrainingLoop.CHECKPOINT;

    private SectarCheckpoint() {}

    /** Writes the trainer's state atomically to {@code file}. */
    public static void save(SectarTrainer t, Path file, String configJson) {
        Checkpoint.Builder b = Checkpoint.builder().header(configJson);
        save(t, b);
        b.build().write(file);
    }

    /** Adds the trainer's state to {@code b}. */
    static void save(SectarTrainer t, Checkpoint.Builder b) {
        b.putLong("iteration", t.iteration)
                .putLong("env_steps", t.envSteps)
                .putLong("wall_ms", Math.round(t.wallSeconds * 1000))
                .putLong("explorer_resets", t.explorer.resets());
        putAll(b, "model/", t.model.state());
        putAll(b, "pd_ppo/", t.consistency.ppo().optimizer().state());
        putAll(b, "explorer/", t.explorer.store().state());
        putAll(b, "explorer_ppo/", t.explorer.ppo().optimizer().state());
        putBuffer(b, "replay", t.replay);
        putBuffer(b, "validation", t.validation);
        if (t.learnedPrior != null) putAll(b, "prior/", t.learnedPrior.state());
    }

    /** Restores a trainer built from the same config to the state saved in {@code file}. */
    public static void restore(SectarTrainer t, Path file) { restore(t, Checkpoint.read(file)); }

    /** Restores a trainer built from the same config to the saved state. */
    static void restore(SectarTrainer t, Checkpoint c) {
        t.model.load(take(c, "model/"));
        t.model.policy().sync();
        t.consistency.ppo().optimizer().load(take(c, "pd_ppo/"));
        t.explorer.store().load(take(c, "explorer/"));
        t.explorer.policy().sync();
        t.explorer.ppo().optimizer().load(take(c, "explorer_ppo/"));
        t.explorer.setResets((int) c.getLong("explorer_resets"));
        takeBuffer(c, "replay", t.replay);
        takeBuffer(c, "validation", t.validation);
        if (t.learnedPrior != null) t.learnedPrior.load(take(c, "prior/"));
        t.iteration = (int) c.getLong("iteration");
        t.envSteps = c.getLong("env_steps");
        t.wallSeconds = c.getLong("wall_ms") / 1000.0;
    }

    /** The iteration a checkpoint file was written after. */
    public static int iterationOf(Path file) { return (int) Checkpoint.read(file).getLong("iteration"); }

    static void putAll(Checkpoint.Builder b, String prefix, Map<String, float[]> state) {
        for (Map.Entry<String, float[]> e : state.entrySet()) b.put(prefix + e.getKey(), e.getValue());
    }

    static Map<String, float[]> take(Checkpoint c, String prefix) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        for (String name : c.names()) if (name.startsWith(prefix)) out.put(name.substring(prefix.length()), c.get(name));
        return out;
    }

    private static void putBuffer(Checkpoint.Builder b, String name, SegmentBuffer buf) {
        List<Segment> segs = buf.contents();
        b.putLong(name + "/size", segs.size());
        if (segs.isEmpty()) return;
        int s = segs.get(0).states().length, a = segs.get(0).actions().length;
        float[] states = new float[segs.size() * s], actions = new float[segs.size() * a];
        for (int i = 0; i < segs.size(); i++) {
            System.arraycopy(segs.get(i).states(), 0, states, i * s, s);
            System.arraycopy(segs.get(i).actions(), 0, actions, i * a, a);
        }
        b.put(name + "/states", new int[] {segs.size(), s}, states);
        b.put(name + "/actions", new int[] {segs.size(), a}, actions);
    }

    private static void takeBuffer(Checkpoint c, String name, SegmentBuffer buf) {
        int n = (int) c.getLong(name + "/size");
        if (n == 0) return;
        int[] ss = c.shape(name + "/states"), as = c.shape(name + "/actions");
        if (ss[0] != n || as[0] != n)
            throw new IllegalArgumentException("checkpoint " + c.source() + ": buffer " + name + " holds " + n
                    + " segments but its arrays have " + ss[0] + " and " + as[0] + " rows");
        float[] states = c.get(name + "/states"), actions = c.get(name + "/actions");
        for (int i = 0; i < n; i++) {
            float[] st = new float[ss[1]], ac = new float[as[1]];
            System.arraycopy(states, i * ss[1], st, 0, ss[1]);
            System.arraycopy(actions, i * as[1], ac, 0, as[1]);
            buf.add(new Segment(st, ac));
        }
    }
}

package sectar.agent.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sectar.agent.io.Checkpoint;

/**
 * A FIFO buffer of segments with a capacity: when full, the oldest segment makes room (the released
 * replay buffer). Minibatches are drawn as shuffled index lists from the caller's stream.
 */
public final class SegmentBuffer {
    private final int capacity;
    private final Segment[] slots;
    private int next;
    private int size;

    public SegmentBuffer(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("buffer capacity must be >= 1, got " + capacity);
        this.capacity = capacity;
        this.slots = new Segment[capacity];
    }

    public int capacity() { return capacity; }

    public int size() { return size; }

    public void add(Segment s) {
        slots[next] = s;
        next = (next + 1) % capacity;
        if (size < capacity) size++;
    }

    /** Segment {@code i} in insertion order among those held (0 = oldest). */
    public Segment get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("segment " + i + " of " + size);
        int first = size < capacity ? 0 : next;
        return slots[(first + i) % capacity];
    }

    /**
     * Shuffled minibatches of {@code batch} indices covering the buffer once; the last partial batch is
     * dropped (the released loader's drop_last), and at most {@code maxBatches} are returned.
     */
    public List<int[]> epoch(int batch, int maxBatches, SplittableRandom rng) {
        int[] order = Permutations.of(size, rng);
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from + batch <= size && out.size() < maxBatches; from += batch) {
            int[] b = new int[batch];
            System.arraycopy(order, from, b, 0, batch);
            out.add(b);
        }
        return out;
    }

    /** {@code count} indices drawn uniformly with replacement. */
    public int[] sample(int count, SplittableRandom rng) {
        if (size == 0) throw new IllegalStateException("cannot sample from an empty buffer");
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) idx[i] = rng.nextInt(size);
        return idx;
    }

    /** All held segments, oldest first (for checkpoints). */
    public List<Segment> contents() {
        List<Segment> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(get(i));
        return out;
    }

    /** Adds the held segments, oldest first, to {@code b} as {@code name/size}, {@code name/states} and {@code name/actions}. */
    public void save(Checkpoint.Builder b, String name) {
        List<Segment> segs = contents();
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

    /** Adds the segments {@link #save} wrote as {@code name}, oldest first. */
    public void load(Checkpoint c, String name) {
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
            add(new Segment(st, ac));
        }
    }
}

package sectar.agent.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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
}

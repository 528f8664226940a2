package sectar.agent.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SegmentBufferTest {
    private static Segment seg(float tag) { return new Segment(new float[] {tag, tag}, new float[] {1, 0}); }

    @Test
    void dropsTheOldestWhenFull() {
        SegmentBuffer b = new SegmentBuffer(3);
        for (int i = 0; i < 5; i++) b.add(seg(i));
        assertEquals(3, b.size());
        assertEquals(2f, b.get(0).states()[0]);
        assertEquals(4f, b.get(2).states()[0]);
    }

    @Test
    void anEpochCoversDistinctSegmentsAndDropsTheLastPartialBatch() {
        SegmentBuffer b = new SegmentBuffer(100);
        for (int i = 0; i < 10; i++) b.add(seg(i));
        List<int[]> batches = b.epoch(3, 30, new SplittableRandom(1));
        assertEquals(3, batches.size());
        Set<Integer> seen = new HashSet<>();
        for (int[] batch : batches) for (int i : batch) assertTrue(seen.add(i));
        assertEquals(2, b.epoch(3, 2, new SplittableRandom(1)).size());
    }

    @Test
    void noveltyBonusSitsOnEachSegmentsBoundaryAction() {
        // T = 2, K = 3: L = 8 actions; bonus indices 2, 5 and L-1 = 7.
        double[] r = NoveltyRewards.place(new double[] {1, 2, 3}, 2);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 2, 0, 3}, r);
        assertEquals(99, NoveltyRewards.rolloutLength(19, 5));
    }
}

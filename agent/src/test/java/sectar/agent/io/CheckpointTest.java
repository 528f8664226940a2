package sectar.agent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir Path dir;

    private static Checkpoint sample() {
        float[] w = new float[2 * 3];
        for (int i = 0; i < w.length; i++) w[i] = i * 0.5f - 1f;
        return Checkpoint.builder()
                .header("{\"task\":\"waypoint\",\"ünïcode\":true}")
                .putLong("iteration", 42)
                .putLong("rng/vae", -7308931405227318713L)
                .put("policy/w0", new int[] {2, 3}, w)
                .put("policy/b0", new float[] {Float.NaN, Float.NEGATIVE_INFINITY, -0f})
                .put("scalar", new int[] {}, new float[] {3.25f})
                .build();
    }

    private Path written() {
        Path f = dir.resolve("model.ckpt");
        sample().write(f);
        return f;
    }

    @Test
    void roundTripKeepsEverythingBitForBit() {
        Checkpoint back = Checkpoint.read(written());
        Checkpoint orig = sample();
        assertEquals(orig.header(), back.header());
        assertEquals(orig.longs(), back.longs());
        assertEquals(List.copyOf(orig.names()), List.copyOf(back.names()));
        for (String n : orig.names()) {
            assertArrayEquals(orig.shape(n), back.shape(n), n);
            float[] a = orig.get(n), b = back.get(n);
            for (int i = 0; i < a.length; i++)
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]), n + "[" + i + "]");
        }
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, back.expect("policy/w0", 2, 3));
        assertEquals(-7308931405227318713L, back.getLong("rng/vae"));
        assertTrue(Files.exists(dir.resolve("model.ckpt")));
        assertEquals(1, dir.toFile().list().length, "no temp file left behind");
    }

    @Test
    void doubleArraysRoundTripBitForBitInVersion2AndFilesWithoutThemStayVersion1() throws IOException {
        double[] d = {Math.PI, 1e-300, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff0000000000123L), 1.0 / 3};
        Path f = dir.resolve("doubles.ckpt");
        Checkpoint.builder().putLong("iteration", 1).putDoubles("trpo/policy", d).build().write(f);
        assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(f)).getInt(Checkpoint.MAGIC.length));
        double[] back = Checkpoint.read(f).getDoubles("trpo/policy");
        assertEquals(d.length, back.length);
        for (int i = 0; i < d.length; i++)
            assertEquals(Double.doubleToRawLongBits(d[i]), Double.doubleToRawLongBits(back[i]), "[" + i + "]");
        assertEquals(1, ByteBuffer.wrap(Files.readAllBytes(written())).getInt(Checkpoint.MAGIC.length),
                "a checkpoint without doubles is written as version 1, as before");
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(f).getDoubles("nope"));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("trpo/policy"), e.getMessage());
    }

    @Test
    void expectNamesEntryAndBothShapes() {
        Checkpoint c = Checkpoint.read(written());
        var e = assertThrows(IllegalArgumentException.class, () -> c.expect("policy/w0", 3, 2));
        assertTrue(e.getMessage().contains("policy/w0") && e.getMessage().contains("[2, 3]")
                && e.getMessage().contains("[3, 2]"), e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> c.expect("critic/w0", 2));
        assertTrue(missing.getMessage().contains("critic/w0"), missing.getMessage());
    }

    @Test
    void everyCorruptedPayloadByteIsDetected() throws IOException {
        Path f = written();
        byte[] good = Files.readAllBytes(f);
        for (int i = Checkpoint.PREFIX_BYTES; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            Files.write(f, bad);
            var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(f), "byte " + i);
            assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("CRC32"), e.getMessage());
        }
    }

    @Test
    void truncatedFileIsRejectedAtEveryLength() throws IOException {
        Path f = written();
        byte[] good = Files.readAllBytes(f);
        for (int len = 0; len < good.length; len++) {
            Files.write(f, Arrays.copyOf(good, len));
            var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(f), "length " + len);
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
            if (len >= Checkpoint.PREFIX_BYTES) assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void wrongVersionAndWrongMagicAreNamed() throws IOException {
        Path f = written();
        byte[] bytes = Files.readAllBytes(f);
        ByteBuffer.wrap(bytes).putInt(Checkpoint.MAGIC.length, 3);
        Files.write(f, bytes);
        var v = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(f));
        assertTrue(v.getMessage().contains("version 3") && v.getMessage().contains(f.toString()), v.getMessage());

        bytes[0] = 'X';
        Files.write(f, bytes);
        var m = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(f));
        assertTrue(m.getMessage().contains("magic") && m.getMessage().contains(f.toString()), m.getMessage());
    }

    @Test
    void builderRejectsBadInput() {
        var b = Checkpoint.builder().put("a", new float[2]);
        assertThrows(IllegalArgumentException.class, () -> b.put("a", new float[1]));
        var e = assertThrows(IllegalArgumentException.class, () -> b.put("m", new int[] {2, 2}, new float[3]));
        assertTrue(e.getMessage().contains("[2, 2]") && e.getMessage().contains("3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.put("n", new int[] {-1}, new float[0]));
    }
}

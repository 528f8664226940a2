package sectar.agent.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/** The payload encoding of {@link Checkpoint}: big-endian ints, longs, floats and length-prefixed UTF-8. */
final class CheckpointCodec {
    private CheckpointCodec() {}

    static byte[] encodePayload(String header, Map<String, Long> longs, Collection<String> names,
                                Function<String, int[]> shapeOf, Function<String, float[]> dataOf,
                                Map<String, double[]> doubles) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, header);
            out.writeInt(longs.size());
            for (Map.Entry<String, Long> e : longs.entrySet()) {
                writeString(out, e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(names.size());
            for (String name : names) {
                writeString(out, name);
                int[] shape = shapeOf.apply(name);
                out.writeInt(shape.length);
                for (int d : shape) out.writeInt(d);
                float[] data = dataOf.apply(name);
                ByteBuffer buf = ByteBuffer.allocate(data.length * Float.BYTES);
                buf.asFloatBuffer().put(data);
                out.write(buf.array());
            }
            if (!doubles.isEmpty()) { // format version 2 only: a version-1 file ends after the float entries
                out.writeInt(doubles.size());
                for (Map.Entry<String, double[]> e : doubles.entrySet()) {
                    writeString(out, e.getKey());
                    out.writeInt(e.getValue().length);
                    for (double v : e.getValue()) out.writeLong(Double.doubleToRawLongBits(v)); // bit-exact
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode checkpoint", e); // in-memory stream: does not happen
        }
        return bytes.toByteArray();
    }

    static String readString(ByteBuffer in) {
        int n = count(in, "string length");
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * A non-negative count; every counted item takes at least one byte, so a count above the bytes left
     * is corrupt (this also guards against huge allocations).
     */
    static int count(ByteBuffer in, String what) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining())
            throw new IllegalArgumentException(what + " " + n + " is impossible with " + in.remaining() + " bytes left");
        return n;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}

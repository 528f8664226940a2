package sectar.agent.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import sectar.sim.io.AtomicFiles;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A saved training state: named float arrays with shapes, named double arrays (weights trained in
 * double, such as TRPO's), named longs (counters, seeds) and a free text header (typically the run's
 * config JSON), in one versioned, checksummed binary file.
 *
 * <p>Layout, big-endian: magic {@code "SECTARCK"} (8 bytes), format version (int), payload length
 * (long), payload, CRC32 of the payload (int). The payload holds the header (int length + UTF-8), the
 * long count and each (name, value), then the entry count and each entry as name, rank, dims and
 * float data; version 2 adds the double-array count and each as name, length and double data.
 * Version 1 is written whenever there are no double arrays, so files of older runs and of runs without
 * doubles stay byte-identical. Names are an int length plus UTF-8. Reading checks, in order, the
 * magic, the version, the length and the CRC, and names the file and the mismatch, so a torn or
 * foreign file is never loaded as weights.
 */
public final class Checkpoint {
    /** The newest version this code writes and reads (it reads 1 and 2). */
    public static final int FORMAT_VERSION = 2;
    static final byte[] MAGIC = "SECTARCK".getBytes(StandardCharsets.US_ASCII);
    static final int PREFIX_BYTES = MAGIC.length + Integer.BYTES + Long.BYTES;

    /** One stored array: its shape and row-major data. */
    private record Entry(int[] shape, float[] data) {}

    private final String source;
    private final String header;
    private final Map<String, Long> longs;
    private final Map<String, Entry> entries;
    private final Map<String, double[]> doubles;

    private Checkpoint(String source, String header, Map<String, Long> longs, Map<String, Entry> entries,
                       Map<String, double[]> doubles) {
        this.source = source;
        this.header = header;
        this.longs = longs;
        this.entries = entries;
        this.doubles = doubles;
    }

    public static Builder builder() { return new Builder(); }

    /** Where this checkpoint came from (a file path, or "in-memory checkpoint"); used in error messages. */
    public String source() { return source; }

    public String header() { return header; }

    /** Array entry names, in insertion order. */
    public Set<String> names() { return Collections.unmodifiableSet(entries.keySet()); }

    /** Named longs, in insertion order. */
    public Map<String, Long> longs() { return Collections.unmodifiableMap(longs); }

    public boolean has(String name) { return entries.containsKey(name); }

    /** Double-array names, in insertion order. */
    public Set<String> doubleNames() { return Collections.unmodifiableSet(doubles.keySet()); }

    /** A copy of the double array {@code name}; fails naming the checkpoint and the missing name. */
    public double[] getDoubles(String name) {
        double[] d = doubles.get(name);
        if (d == null) throw new IllegalArgumentException(source + " has no double array '" + name + "' (double arrays: "
                + doubles.keySet() + ")");
        return d.clone();
    }

    /** The named long; fails naming the checkpoint and the missing key. */
    public long getLong(String name) {
        Long v = longs.get(name);
        if (v == null) throw new IllegalArgumentException(source + " has no long '" + name + "' (longs: " + longs.keySet() + ")");
        return v;
    }

    /** Every entry whose name starts with {@code prefix}, keyed by the rest of its name (what {@link Builder#putAll} wrote). */
    public Map<String, float[]> take(String prefix) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet())
            if (e.getKey().startsWith(prefix)) out.put(e.getKey().substring(prefix.length()), e.getValue().data().clone());
        return out;
    }

    /** A copy of the shape of entry {@code name}. */
    public int[] shape(String name) { return entry(name).shape().clone(); }

    /** A copy of the data of entry {@code name}, row-major. */
    public float[] get(String name) { return entry(name).data().clone(); }

    /**
     * The data of entry {@code name}, after checking that its shape is {@code shape}; fails naming the
     * checkpoint, the entry and both shapes.
     */
    public float[] expect(String name, int... shape) {
        Entry e = entry(name);
        if (!Arrays.equals(e.shape(), shape))
            throw new IllegalArgumentException(source + ": entry '" + name + "' has shape " + Arrays.toString(e.shape())
                    + ", expected " + Arrays.toString(shape));
        return e.data().clone();
    }

    private Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) throw new IllegalArgumentException(source + " has no entry '" + name + "' (entries: " + entries.keySet() + ")");
        return e;
    }

    /** Writes this checkpoint to {@code file} atomically. */
    public void write(Path file) { AtomicFiles.write(file, toBytes()); }

    /** Reads and verifies {@code file}; any mismatch is an IllegalArgumentException naming the file. */
    public static Checkpoint read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
        return fromBytes(bytes, file.toString());
    }

    /** The encoded file content. */
    public byte[] toBytes() {
        byte[] payload = CheckpointCodec.encodePayload(header, longs, entries.keySet(),
                n -> entries.get(n).shape(), n -> entries.get(n).data(), doubles);
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer out = ByteBuffer.allocate(PREFIX_BYTES + payload.length + Integer.BYTES);
        out.put(MAGIC).putInt(doubles.isEmpty() ? 1 : FORMAT_VERSION).putLong(payload.length).put(payload).putInt((int) crc.getValue());
        return out.array();
    }

    /** Decodes bytes read from {@code source} (named in every error). */
    public static Checkpoint fromBytes(byte[] bytes, String source) {
        if (bytes.length < PREFIX_BYTES)
            throw new IllegalArgumentException("checkpoint " + source + " is truncated: " + bytes.length
                    + " bytes, the fixed prefix alone needs " + PREFIX_BYTES);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC))
            throw new IllegalArgumentException("checkpoint " + source + " has wrong magic bytes: expected "
                    + Arrays.toString(MAGIC) + " (\"SECTARCK\"), found " + Arrays.toString(magic));
        int version = in.getInt();
        if (version < 1 || version > FORMAT_VERSION)
            throw new IllegalArgumentException("checkpoint " + source + " has unknown format version " + version
                    + ", this reader knows versions 1 to " + FORMAT_VERSION);
        long payloadLength = in.getLong();
        long expectedSize = PREFIX_BYTES + payloadLength + Integer.BYTES;
        if (payloadLength < 0 || expectedSize != bytes.length)
            throw new IllegalArgumentException("checkpoint " + source + " is truncated or has trailing bytes: payload length "
                    + payloadLength + " means " + expectedSize + " bytes, the file has " + bytes.length);
        byte[] payload = new byte[(int) payloadLength];
        in.get(payload);
        int stored = in.getInt();
        CRC32 crc = new CRC32();
        crc.update(payload);
        if ((int) crc.getValue() != stored)
            throw new IllegalArgumentException("checkpoint " + source + " fails its CRC32 check: stored "
                    + Integer.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue()));
        return decodePayload(payload, version, source);
    }

    private static Checkpoint decodePayload(byte[] payload, int version, String source) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            String header = CheckpointCodec.readString(in);
            Builder b = builder().header(header);
            int nLongs = CheckpointCodec.count(in, "long count");
            for (int i = 0; i < nLongs; i++) b.putLong(CheckpointCodec.readString(in), in.getLong());
            int nEntries = CheckpointCodec.count(in, "entry count");
            for (int i = 0; i < nEntries; i++) {
                String name = CheckpointCodec.readString(in);
                int[] shape = new int[CheckpointCodec.count(in, "rank of '" + name + "'")];
                for (int d = 0; d < shape.length; d++) shape[d] = in.getInt();
                float[] data = new float[Math.toIntExact(Builder.size(name, shape))];
                in.asFloatBuffer().get(data);
                in.position(in.position() + data.length * Float.BYTES);
                b.entries.put(name, new Entry(shape, data));
            }
            int nDoubles = version >= 2 ? CheckpointCodec.count(in, "double-array count") : 0;
            for (int i = 0; i < nDoubles; i++) {
                String name = CheckpointCodec.readString(in);
                double[] data = new double[CheckpointCodec.count(in, "length of '" + name + "'")];
                in.asDoubleBuffer().get(data);
                in.position(in.position() + data.length * Double.BYTES);
                b.doubles.put(name, data);
            }
            if (in.hasRemaining())
                throw new IllegalArgumentException(in.remaining() + " unread payload bytes");
            return new Checkpoint(source, b.header, b.longs, b.entries, b.doubles);
        } catch (BufferUnderflowException | IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("checkpoint " + source + " has a malformed payload: " + e, e);
        }
    }

    /** Collects entries; arrays are copied on {@code put}, so callers may reuse their buffers. */
    public static final class Builder {
        private String header = "";
        private final Map<String, Long> longs = new LinkedHashMap<>();
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private final Map<String, double[]> doubles = new LinkedHashMap<>();

        private Builder() {}

        public Builder header(String text) {
            if (text == null) throw new IllegalArgumentException("header must not be null");
            header = text;
            return this;
        }

        public Builder putLong(String name, long value) {
            checkName(name, longs.containsKey(name));
            longs.put(name, value);
            return this;
        }

        /** Adds a 1-D entry of shape {@code [data.length]}. */
        public Builder put(String name, float[] data) { return put(name, new int[] {data.length}, data); }

        /** Adds an entry; {@code data} is row-major and must hold exactly the product of {@code shape}. */
        public Builder put(String name, int[] shape, float[] data) {
            checkName(name, entries.containsKey(name));
            long size = size(name, shape);
            if (size != data.length)
                throw new IllegalArgumentException("entry '" + name + "' has shape " + Arrays.toString(shape) + " (" + size
                        + " values) but " + data.length + " values were given");
            entries.put(name, new Entry(shape.clone(), data.clone()));
            return this;
        }

        /** Adds a double array (saved bit-exactly, unlike a float entry). */
        /** Each array of {@code state} (a parameter store's or an optimiser's) as entry {@code prefix + name}. */
        public Builder putAll(String prefix, Map<String, float[]> state) {
            for (Map.Entry<String, float[]> e : state.entrySet()) put(prefix + e.getKey(), e.getValue());
            return this;
        }

        public Builder putDoubles(String name, double[] data) {
            checkName(name, doubles.containsKey(name));
            doubles.put(name, data.clone());
            return this;
        }

        public Checkpoint build() {
            return new Checkpoint("in-memory checkpoint", header, new LinkedHashMap<>(longs), new LinkedHashMap<>(entries),
                    new LinkedHashMap<>(doubles));
        }

        static long size(String name, int[] shape) {
            long size = 1;
            for (int d : shape) {
                if (d < 0) throw new IllegalArgumentException("entry '" + name + "' has a negative dimension in " + Arrays.toString(shape));
                size *= d;
                if (size > Integer.MAX_VALUE - 8)
                    throw new IllegalArgumentException("entry '" + name + "' of shape " + Arrays.toString(shape) + " is too large");
            }
            return size;
        }

        private static void checkName(String name, boolean duplicate) {
            if (name == null || name.isEmpty()) throw new IllegalArgumentException("checkpoint names must be non-empty, got '" + name + "'");
            if (duplicate) throw new IllegalArgumentException("duplicate checkpoint name '" + name + "'");
        }
    }
}

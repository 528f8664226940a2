package sectar.experiments.tensorboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * TFRecord framing, the container of TensorBoard event files: each record is its length (uint64),
 * the masked CRC-32C of those 8 bytes, the data, and the masked CRC-32C of the data, all little-endian.
 */
final class TfRecords {
    /** Bytes around a record's data: length, its CRC, and the data's CRC. */
    static final int OVERHEAD = 8 + 4 + 4;

    private TfRecords() {}

    /** One framed record holding {@code data}. */
    static byte[] frame(byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(OVERHEAD + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(data.length);
        b.putInt(MaskedCrc32c.masked(b.array(), 0, 8));
        b.put(data);
        b.putInt(MaskedCrc32c.masked(data, 0, data.length));
        return b.array();
    }

    /**
     * The records of a file's bytes.
     *
     * @param records  every complete record's data, in file order
     * @param tornTail whether the file ends inside a record (a writer killed mid-write, or still writing)
     */
    record Parsed(List<byte[]> records, boolean tornTail) {}

    /**
     * Splits {@code bytes} into records, checking both CRCs of each; {@code name} is the file named in
     * the error a mismatch throws. An incomplete last record is reported, not an error: TensorBoard
     * also reads it as not yet written.
     */
    static Parsed parse(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> records = new ArrayList<>();
        while (b.remaining() > 0) {
            int at = b.position();
            if (b.remaining() < 12) return new Parsed(records, true);
            long length = b.getLong();
            check(b.getInt(), MaskedCrc32c.masked(bytes, at, 8), name, at, "length");
            if (length > b.remaining() - 4L) return new Parsed(records, true);
            byte[] data = new byte[(int) length];
            b.get(data);
            check(b.getInt(), MaskedCrc32c.masked(data, 0, data.length), name, at, "data");
            records.add(data);
        }
        return new Parsed(records, false);
    }

    private static void check(int stored, int computed, String name, int at, String what) {
        if (stored != computed)
            throw new IllegalArgumentException(String.format("corrupt event file %s: the %s CRC of the record at byte %d is 0x%08x, "
                    + "the bytes give 0x%08x", name, what, at, stored, computed));
    }
}

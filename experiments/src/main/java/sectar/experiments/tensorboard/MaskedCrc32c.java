package sectar.experiments.tensorboard;

import java.util.zip.CRC32C;

/**
 * The checksum of TFRecord framing: CRC-32C (Castagnoli) of the bytes, then masked (rotated right by
 * 15 bits plus a constant, as LevelDB does) because a CRC over data that itself holds CRCs is weak.
 */
final class MaskedCrc32c {
    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc32c() {}

    /** The plain CRC-32C of {@code len} bytes from {@code off}. */
    static int crc32c(byte[] bytes, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, off, len);
        return (int) crc.getValue();
    }

    /** The masked CRC-32C stored in a TFRecord. */
    static int masked(byte[] bytes, int off, int len) {
        return mask(crc32c(bytes, off, len));
    }

    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }
}

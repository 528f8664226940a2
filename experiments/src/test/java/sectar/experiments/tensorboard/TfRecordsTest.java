package sectar.experiments.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framing and the reader against published vectors, and what a damaged or torn file reads as. */
class TfRecordsTest {
    @TempDir Path tmp;

    private static int crc(byte[] b) { return MaskedCrc32c.crc32c(b, 0, b.length); }

    @Test
    void crc32cMatchesRfc3720AndTheMaskMatchesARealTensorFlowRecord() {
        // RFC 3720 (iSCSI) section B.4, and the usual check value of "123456789"
        byte[] ascending = new byte[32], descending = new byte[32], ones = new byte[32];
        for (int i = 0; i < 32; i++) {
            ascending[i] = (byte) i;
            descending[i] = (byte) (31 - i);
        }
        Arrays.fill(ones, (byte) 0xff);
        assertEquals(0x8a9136aa, crc(new byte[32]));
        assertEquals(0x62a8ab43, crc(ones));
        assertEquals(0x46dd794e, crc(ascending));
        assertEquals(0x113fdb5c, crc(descending));
        assertEquals(0xe3069283, crc("123456789".getBytes(StandardCharsets.US_ASCII)));
        // a record of an event file TensorFlow wrote: Event(file_version="CRC test, one two"), data CRC 0x5794d08a
        byte[] data = new Event(0, 0, "CRC test, one two", false, Map.of()).encode();
        assertArrayEquals("\u001a\u0011CRC test, one two".getBytes(StandardCharsets.US_ASCII), data, "the proto bytes");
        assertEquals(0x5794d08a, MaskedCrc32c.masked(data, 0, data.length));
    }

    @Test
    void eachKindOfEventReadsBackAsWritten() throws Exception {
        Map<String, Float> values = new LinkedHashMap<>();
        values.put("episode/return", 0.25f);
        values.put("vae/vae_kl", Float.POSITIVE_INFINITY);
        values.put("progress/env_steps", 3040f);
        List<Event> events = List.of(Event.version(1.7e9), Event.sessionStart(3040, 1.7e9 + 2.5), Event.scalars(3040, 1.7e9 + 2.5, values),
                Event.scalars(1L << 40, 1.7e9 + 9, Map.of("time/wall_s", -1.5f)));
        Path file = write(events);
        EventFiles.Contents c = EventFiles.read(file);
        assertFalse(c.tornTail());
        assertEquals(events, c.events());
        assertEquals(List.copyOf(values.keySet()), List.copyOf(c.events().get(2).scalars().keySet()), "tags keep their order");
    }

    @Test
    void aChangedByteIsAnErrorNamingTheFileTheRecordAndWhichCrc() throws Exception {
        Path file = write(List.of(Event.version(1e9), Event.scalars(5, 1e9 + 1, Map.of("episode/return", 1f))));
        byte[] good = Files.readAllBytes(file);
        int second = TfRecords.OVERHEAD + Event.version(1e9).encode().length;

        byte[] data = good.clone();
        data[second + 12 + 3] ^= 0x10;
        Files.write(file, data);
        var e = assertThrows(IllegalArgumentException.class, () -> EventFiles.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("data CRC")
                && e.getMessage().contains("at byte " + second), e.getMessage());

        byte[] length = good.clone();
        length[second + 1] ^= 0x01;
        Files.write(file, length);
        e = assertThrows(IllegalArgumentException.class, () -> EventFiles.read(file));
        assertTrue(e.getMessage().contains("length CRC"), e.getMessage());
    }

    @Test
    void aFileCutInsideARecordKeepsTheCompleteOnesAndSaysItIsTorn() throws Exception {
        Path file = write(List.of(Event.version(1e9), Event.scalars(5, 1e9 + 1, Map.of("episode/return", 1f))));
        byte[] good = Files.readAllBytes(file);
        for (int cut : new int[] {good.length - 1, good.length - 9, TfRecords.OVERHEAD + Event.version(1e9).encode().length + 5}) {
            Files.write(file, Arrays.copyOf(good, cut));
            EventFiles.Contents c = EventFiles.read(file);
            assertTrue(c.tornTail(), "cut at " + cut);
            assertEquals(List.of(Event.version(1e9)), c.events(), "cut at " + cut);
        }
    }

    @Test
    void newFilesSortAfterEveryEarlierOne() throws Exception {
        Path first = EventFiles.next(tmp, 1_700_000_000.9, "host a/b");
        assertEquals("events.out.tfevents.1700000000.host_a_b", first.getFileName().toString());
        Files.createFile(first);
        Path sameSecond = EventFiles.next(tmp, 1_700_000_000.2, "other");
        assertEquals("events.out.tfevents.1700000001.other", sameSecond.getFileName().toString());
        Files.createFile(sameSecond);
        Files.createFile(tmp.resolve(".events.out.tfevents.1800000000.x.1.tmp")); // a temporary file is not an event file
        assertEquals(List.of(first, sameSecond), EventFiles.list(tmp));
        assertEquals("events.out.tfevents.1900000000.h", EventFiles.next(tmp, 1.9e9, "h").getFileName().toString());
    }

    private Path write(List<Event> events) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Event e : events) out.writeBytes(TfRecords.frame(e.encode()));
        Path file = tmp.resolve("events.out.tfevents.1.test");
        Files.write(file, out.toByteArray());
        return file;
    }
}

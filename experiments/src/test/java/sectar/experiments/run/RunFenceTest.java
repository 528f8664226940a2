package sectar.experiments.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.tensorboard.EventFiles;

/**
 * The fence: a run whose epoch is no longer its folder's writes nothing (no row, no event, no checkpoint,
 * no metadata), now or later; a claim never goes back to an older epoch; and the lock keeps a claim and a
 * write of another process from interleaving, so nothing lands after a newer claim returned.
 */
class RunFenceTest {
    private static Map<String, Object> row(int iteration) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("iteration", iteration);
        r.put("return", 0.5);
        return r;
    }

    @Test
    void aSupersededRunWritesNothingMoreAndTheRecordsShowOneWriterAtATime(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("ppo/i0-s1");
        assertEquals(0, RunFence.claim(dir, 1, "w1/1"), "a fresh folder had no epoch");
        assertEquals(1, RunFence.epoch(dir));
        RunDirectory run = RunDirectory.builder("waypoint", "ppo", 1).out(dir).force(true).fence(RunFence.of(dir, 1)).start(Map.of("seed", 1));
        run.metrics().append(row(1));
        run.write(RunDirectory.CHECKPOINT, f -> Files.writeString(f, "checkpoint 1"));

        assertEquals(1, RunFence.claim(dir, 2, "w2/1"), "a newer claim takes the folder");
        String metrics = Files.readString(dir.resolve(RunDirectory.METRICS));
        String metadata = Files.readString(dir.resolve(RunDirectory.METADATA));
        List<Path> events = EventFiles.list(dir);
        assertEquals(1, events.size(), "the row's TensorBoard events");
        byte[] eventBytes = Files.readAllBytes(events.get(0));
        RunFence.Superseded s = assertThrows(RunFence.Superseded.class, () -> run.metrics().append(row(2)));
        assertTrue(s.getMessage().contains("now belongs to epoch 2 (this run held epoch 1)"), s.getMessage());
        assertThrows(RunFence.Superseded.class, () -> run.write(RunDirectory.CHECKPOINT, f -> Files.writeString(f, "checkpoint 2")));
        assertThrows(RunFence.Superseded.class, run::complete, "a completion that was not written is not reported as one");
        run.close();
        assertEquals(metrics, Files.readString(dir.resolve(RunDirectory.METRICS)), "no row after the takeover");
        assertEquals(metadata, Files.readString(dir.resolve(RunDirectory.METADATA)), "metadata.json untouched");
        assertEquals(events, EventFiles.list(dir));
        assertArrayEquals(eventBytes, Files.readAllBytes(events.get(0)), "no event after the takeover");
        assertEquals("checkpoint 1", Files.readString(dir.resolve(RunDirectory.CHECKPOINT)));

        assertTrue(RunFence.claim(dir, 2, "w3/1") < 0, "a claim of the current epoch is stale");
        assertTrue(RunFence.claim(dir, 1, "w3/1") < 0, "and so is an older one");
        assertEquals(2, RunFence.epoch(dir));

        try (RunDirectory next = RunDirectory.builder("waypoint", "ppo", 1).out(dir).resume(true).fence(RunFence.of(dir, 2)).start(Map.of("seed", 1))) {
            next.metrics().append(row(2));
            next.complete();
        }
        List<WriterRecords.Line> lines = WriterRecords.read(dir);
        assertNull(WriterRecords.twoWriters(lines), lines.toString());
        assertEquals(List.of(1L, 2L), lines.stream().filter(WriterRecords.Line::claim).map(WriterRecords.Line::epoch).toList());
        assertTrue(lines.stream().anyMatch(l -> l.epoch() == 2 && l.file().equals(RunDirectory.METRICS)));
        assertTrue(lines.stream().anyMatch(l -> l.epoch() == 1 && l.file().equals(RunDirectory.EVENT_FILES)), "event files go through the fence");
    }

    @Test
    void theRecordsCheckFindsAnOldWriterAfterANewOne() {
        List<WriterRecords.Line> ok = List.of(new WriterRecords.Line(1, "w", 0, RunFence.FILE), new WriterRecords.Line(1, "a", 1, "metrics.csv"),
                new WriterRecords.Line(2, "w", 2, RunFence.FILE), new WriterRecords.Line(2, "b", 3, "metrics.csv"));
        assertNull(WriterRecords.twoWriters(ok));
        List<WriterRecords.Line> late = List.of(ok.get(0), ok.get(1), ok.get(2), new WriterRecords.Line(1, "a", 3, "metrics.csv"));
        assertTrue(WriterRecords.twoWriters(late).contains("under epoch 1 after epoch 2 had begun"));
        List<WriterRecords.Line> twins = List.of(ok.get(0), ok.get(1), new WriterRecords.Line(1, "c", 2, "checkpoint.bin"));
        assertTrue(WriterRecords.twoWriters(twins).contains("written by both a and c"));
    }

    @Test
    void withoutAnEpochARunIsNotFenced(@TempDir Path tmp) throws Exception {
        assertFalse(RunFence.fromEnvironment(tmp).active(), "this JVM has no " + RunFence.ENV);
        try (RunDirectory run = RunDirectory.builder("waypoint", "ppo", 1).out(tmp.resolve("r")).start(Map.of("seed", 1))) {
            run.metrics().append(row(1));
            run.complete();
        }
        assertFalse(Files.exists(tmp.resolve("r").resolve(RunFence.WRITERS)));
        assertFalse(Files.exists(tmp.resolve("r").resolve(RunFence.FILE)));
        assertThrows(IllegalArgumentException.class, () -> RunFence.of(tmp, 0));
    }

    /** Appends rows under epoch 1 as fast as it can until its fence stops it. */
    public static final class Appender {
        public static void main(String[] args) {
            MetricsCsv m = new MetricsCsv(Path.of(args[0]).resolve(RunDirectory.METRICS), RunFence.of(Path.of(args[0]), 1), MetricsCsv.Mirror.NONE);
            System.out.println("appending");
            System.out.flush();
            try {
                for (int i = 1; ; i++) m.append(row(i));
            } catch (RunFence.Superseded s) {
                System.exit(RunFence.EXIT_SUPERSEDED);
            }
        }
    }

    @Test
    void nothingAnotherProcessWritesLandsAfterANewerClaimReturned(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        RunFence.claim(dir, 1, "w1/1");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Appender.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
        try {
            assertEquals('a', p.getInputStream().read(), "the appender started");
            Path metrics = dir.resolve(RunDirectory.METRICS);
            while (!Files.exists(metrics) || Files.readAllLines(metrics).size() < 50) Thread.sleep(5);
            RunFence.claim(dir, 2, "w2/1");
            String atClaim = Files.readString(metrics);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the appender did not stop");
            assertEquals(RunFence.EXIT_SUPERSEDED, p.exitValue());
            assertEquals(atClaim, Files.readString(metrics), "a row landed after the newer claim returned");
            List<WriterRecords.Line> lines = WriterRecords.read(dir);
            assertNull(WriterRecords.twoWriters(lines));
            assertTrue(lines.get(lines.size() - 1).claim(), "the claim is the last record");
        } finally {
            p.destroyForcibly();
        }
    }
}

package sectar.experiments.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.run.RunDirectory;

/** Event files as a run directory writes them: per row, across a kill and resume, and in a reused folder. */
class RunEventsTest {
    record Config(long seed) {}

    @TempDir Path tmp;
    private static final Instant START = Instant.parse("2026-05-01T14:22:33.250Z");
    private static final double T0 = START.getEpochSecond() + 0.25;
    private final Config config = new Config(3);

    private static RunDirectory.Builder run(Path dir, Instant now) {
        return RunDirectory.builder("waypoint", "sectar", 3).out(dir).gitDir(dir).clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A SeCTAR-like row: iteration k at 1000 k env steps, 2 s each, the VAE loss absent in the first. */
    private static LinkedHashMap<String, Object> row(int k, double scale) {
        LinkedHashMap<String, Object> r = new LinkedHashMap<>();
        r.put("iteration", k);
        r.put("env_steps", 1000L * k);
        r.put("wall_s", 2.0 * k);
        r.put("return", scale * k);
        r.put("vae_kl", k == 1 ? Double.NaN : scale / k);
        r.put("time_mpc_s", 0.5f);
        r.put("note", "text");
        return r;
    }

    @Test
    void everyNumericCellIsAScalarAtEnvStepsAndStartPlusWallSeconds() {
        Path dir = tmp.resolve("run");
        try (RunDirectory r = run(dir, START).start(config)) {
            for (int k = 1; k <= 3; k++) r.metrics().append(row(k, 1));
            r.complete();
        }
        RunScalars s = RunScalars.load(dir);
        assertEquals(T0, s.startTime());
        assertEquals(List.of("progress/iteration", "progress/env_steps", "time/wall_s", "episode/return", "time/time_mpc_s", "vae/vae_kl"),
                List.copyOf(s.tags().keySet()), "the text column writes nothing, nor the NaN cell (so vae_kl comes last)");
        assertEquals(List.of(new RunScalars.Point(1000, T0 + 2, 1f), new RunScalars.Point(2000, T0 + 4, 2f), new RunScalars.Point(3000, T0 + 6, 3f)),
                s.tags().get("episode/return"));
        assertEquals(List.of(2000L, 3000L), s.tags().get("vae/vae_kl").stream().map(RunScalars.Point::step).toList());
        assertEquals((float) (1.0 / 3), s.tags().get("vae/vae_kl").get(1).value());
        assertEquals(1, EventFiles.list(dir).size());
    }

    @Test
    void aResumedRunMarksItsFirstStepSoWhatTheKilledProcessWrotePastTheCheckpointIsDropped() {
        Path dir = tmp.resolve("run");
        RunDirectory killed = run(dir, START).start(config); // never closed: the process "died"
        for (int k = 1; k <= 5; k++) killed.metrics().append(row(k, 1));
        Path first = EventFiles.list(dir).get(0);

        // the checkpoint covers 3 iterations; the resumed process writes 4..6 with other values, an hour later
        try (RunDirectory r = run(dir, START.plusSeconds(3600)).resume(true).start(config)) {
            r.metrics().truncateAfter(3);
            for (int k = 4; k <= 6; k++) r.metrics().append(row(k, 10));
            r.complete();
        }
        List<Path> files = EventFiles.list(dir);
        assertEquals(2, files.size());
        assertEquals(first, files.get(0), "the killed process's file is left as it was");
        List<Event> second = EventFiles.read(files.get(1)).events();
        assertEquals(Event.version(T0), second.get(0), "every file carries the run's start");
        assertEquals(Event.sessionStart(4000, T0 + 8), second.get(1), "the marker at the first step the resumed process writes");

        RunScalars s = RunScalars.load(dir);
        assertEquals(List.of(new RunScalars.Point(1000, T0 + 2, 1f), new RunScalars.Point(2000, T0 + 4, 2f),
                        new RunScalars.Point(3000, T0 + 6, 3f), new RunScalars.Point(4000, T0 + 8, 40f),
                        new RunScalars.Point(5000, T0 + 10, 50f), new RunScalars.Point(6000, T0 + 12, 60f)),
                s.tags().get("episode/return"), "each step once, the resumed process's values past the checkpoint");
    }

    @Test
    void aResumedRunWithoutEventFilesFirstGetsTheRowsItHasThenItsOwn() throws Exception {
        Path dir = tmp.resolve("old");
        RunDirectory killed = run(dir, START).start(config);
        for (int k = 1; k <= 4; k++) killed.metrics().append(row(k, 1));
        for (Path f : EventFiles.list(dir)) Files.delete(f); // as a build without event files leaves it

        try (RunDirectory r = run(dir, START.plusSeconds(60)).resume(true).start(config)) {
            r.metrics().truncateAfter(2);
            for (int k = 3; k <= 5; k++) r.metrics().append(row(k, 10));
            r.complete();
        }
        RunScalars s = RunScalars.load(dir);
        assertEquals(List.of(1f, 2f, 30f, 40f, 50f), s.tags().get("episode/return").stream().map(RunScalars.Point::value).toList());
        assertEquals(T0 + 10, s.tags().get("episode/return").get(4).wallTime(), "the start metadata.json held before the resume");
        assertEquals(2, EventFiles.list(dir).size());
    }

    @Test
    void aDamagedEventFileDoesNotStopAResume() throws Exception {
        Path dir = tmp.resolve("damaged");
        RunDirectory killed = run(dir, START).start(config);
        for (int k = 1; k <= 2; k++) killed.metrics().append(row(k, 1));
        Path file = EventFiles.list(dir).get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[20] ^= 1;
        Files.write(file, bytes);
        try (RunDirectory r = run(dir, START.plusSeconds(60)).resume(true).start(config)) {
            r.metrics().append(row(3, 1));
            r.complete();
        }
        List<Event> resumed = EventFiles.read(EventFiles.list(dir).get(1)).events();
        assertEquals(Event.version(T0), resumed.get(0), "the start metadata.json held");
        assertEquals(3f, resumed.get(2).scalars().get("episode/return"));
    }

    @Test
    void aReusedFolderLosesTheEarlierRunsEvents() {
        Path dir = tmp.resolve("reused");
        try (RunDirectory r = run(dir, START).start(config)) {
            for (int k = 1; k <= 3; k++) r.metrics().append(row(k, 1));
            r.complete();
        }
        try (RunDirectory r = run(dir, START.plusSeconds(5)).force(true).start(config)) {
            r.metrics().append(row(1, 7));
            r.complete();
        }
        RunScalars s = RunScalars.load(dir);
        assertEquals(List.of(new RunScalars.Point(1000, T0 + 5 + 2, 7f)), s.tags().get("episode/return"));
        assertEquals(1, EventFiles.list(dir).size());
    }

    @Test
    void exportWritesWhatTheLiveRunWrote() {
        Path dir = tmp.resolve("live");
        try (RunDirectory r = run(dir, START).start(config)) {
            for (int k = 1; k <= 3; k++) r.metrics().append(row(k, 1));
            r.complete();
        }
        Path copy = tmp.resolve("copy");
        RunEvents.export(copy, START, "h", RunDirectory.rows(sectar.experiments.run.MetricsCsv.read(dir.resolve(RunDirectory.METRICS))));
        assertEquals(RunScalars.load(dir), RunScalars.load(copy));
        assertFalse(EventFiles.read(EventFiles.list(copy).get(0)).tornTail());
    }

    @Test
    void tagsGroupColumnsByOneFixedMapping() {
        Map<String, String> expected = Map.of("plan_end_error", "plan/plan_end_error", "vae_kl", "vae/vae_kl", "val_mse", "vae/val_mse",
                "time_mpc_s", "time/time_mpc_s", "explorer_entropy", "explorer/explorer_entropy", "reach_p90", "prior/reach_p90",
                "clip_fraction", "policy/clip_fraction", "predictor_loss", "rnd/predictor_loss", "vae/recon", "vae/recon",
                "something_new", "other/something_new");
        expected.forEach((column, tag) -> assertEquals(tag, TagGroups.tag(column), column));
        assertTrue(TagGroups.tag("return").startsWith("episode/"));
        assertEquals("vae/decoder_fit_nll", TagGroups.tag("decoder_fit_nll"), "the decoder fit's NLL beside the VAE's");
    }
}

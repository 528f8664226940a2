package sectar.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    record Vae(int latentDim, double klWeight) {}
    record Config(long seed, String task, Vae vae, double[] widths) {}

    @TempDir Path tmp;
    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T14:22:33Z"), ZoneOffset.UTC);
    private final Config config = new Config(3, "waypoint", new Vae(8, 0.5), new double[] {64, 64});

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void defaultFolderHoldsConfigAndMetadata() throws IOException {
        Path dir;
        try (RunDirectory run = RunDirectory.builder("waypoint", "ppo", 3).root(tmp.resolve("runs")).clock(clock)
                .command("train", "waypoint", "--seed", "3", "--note", "two words").nd4j("1.0.0-M2.1 nd4j-native").start(config)) {
            dir = run.dir();
            assertEquals(tmp.resolve("runs/waypoint__ppo__seed3__20260501-142233"), dir);
            RunMetadata md = RunMetadata.read(dir.resolve(RunDirectory.METADATA));
            assertEquals("running", md.status());
            assertNull(md.finished());
            LinkedHashMap<String, Object> row = new LinkedHashMap<>();
            row.put("iteration", 1);
            row.put("return", 0.5);
            run.metrics().append(row);
            run.complete();
        }
        JsonNode cfg = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
        assertEquals(8, cfg.at("/vae/latentDim").asInt());
        assertEquals(0.5, cfg.at("/vae/klWeight").asDouble());
        assertEquals(64, cfg.at("/widths/1").asInt());
        assertTrue(Files.readString(dir.resolve("config.json")).contains("\n  \"seed\""), "pretty-printed");

        JsonNode md = new ObjectMapper().readTree(dir.resolve("metadata.json").toFile());
        assertEquals("completed", md.get("status").asText());
        assertEquals(3, md.get("seed").asLong());
        assertEquals("train waypoint --seed 3 --note 'two words'", md.get("command").asText());
        assertEquals("1.0.0-M2.1 nd4j-native", md.get("nd4j").asText());
        assertEquals(System.getProperty("java.version"), md.get("java").asText());
        assertEquals("2026-05-01T14:22:33Z", md.get("started").asText());
        assertEquals("2026-05-01T14:22:33Z", md.get("finished").asText());
        assertTrue(md.get("wall_s").asDouble() >= 0);
        assertTrue(md.get("cores").asInt() >= 1);
        assertNotNull(md.get("git_commit").asText());
        assertTrue(List.of("true", "false", "unknown").contains(md.get("git_dirty").asText()));
        List<String> files = listing(dir);
        String events = "events.out.tfevents." + clock.instant().getEpochSecond() + ".";
        assertEquals(5, files.size(), files.toString());
        assertEquals(List.of("", "config.json"), files.subList(0, 2));
        assertTrue(files.get(2).startsWith(events), files + ": the row's TensorBoard events, named by the start second and host");
        assertEquals(List.of("metadata.json", "metrics.csv"), files.subList(3, 5));
    }

    @Test
    void sameSecondGetsASecondFolderAndCloseWithoutCompleteIsFailed() {
        var b = RunDirectory.builder("waypoint", "ppo", 3).root(tmp).clock(clock);
        try (RunDirectory a = b.start(config); RunDirectory c = b.start(config)) {
            assertEquals("waypoint__ppo__seed3__20260501-142233-2", c.dir().getFileName().toString());
            a.fail(new IllegalStateException("diverged"));
            assertEquals(RunDirectory.Status.FAILED, a.status());
            assertTrue(a.metadata().error().contains("diverged"));
        }
        RunMetadata second = RunMetadata.read(tmp.resolve("waypoint__ppo__seed3__20260501-142233-2/metadata.json"));
        assertEquals("failed", second.status());
    }

    @Test
    void refusesNonEmptyOutWithoutForceAndWritesNothing() throws IOException {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "keep me");
        List<String> before = listing(tmp);
        var e = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.builder("waypoint", "ppo", 1).out(out).start(config));
        assertTrue(e.getMessage().contains(out.toAbsolutePath().toString()), e.getMessage());
        assertEquals(before, listing(tmp));

        Path file = tmp.resolve("afile");
        Files.writeString(file, "x");
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.builder("waypoint", "ppo", 1).out(file).force(true).start(config));
        assertEquals("x", Files.readString(file));

        try (RunDirectory run = RunDirectory.builder("waypoint", "ppo", 1).out(out).force(true).start(config)) {
            run.complete();
        }
        assertEquals("keep me", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.exists(out.resolve("config.json")));
    }

    @Test
    void emptyOrMissingOutIsUsedAsIs() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        try (RunDirectory run = RunDirectory.builder("block", "sectar", 2).out(empty).start(config)) {
            assertEquals(empty, run.dir());
            run.complete();
        }
        try (RunDirectory run = RunDirectory.builder("block", "sectar", 2).out(tmp.resolve("new/deep")).start(config)) {
            assertTrue(Files.isRegularFile(run.dir().resolve("metadata.json")));
            run.complete();
        }
    }

    @Test
    void badNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.builder("way point", "ppo", 1));
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.builder("waypoint", "../x", 1));
    }

    @Test
    void resumeKeepsMetricsAndRequiresTheSameConfig() throws IOException {
        Path out = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.builder("waypoint", "ppo", 3).out(out).start(config)) {
            for (int it = 1; it <= 3; it++) {
                LinkedHashMap<String, Object> row = new LinkedHashMap<>();
                row.put("iteration", it);
                row.put("return", it * 1.0);
                run.metrics().append(row);
            }
        } // closed without complete(): failed
        assertEquals("failed", RunMetadata.read(out.resolve("metadata.json")).status());
        Config other = new Config(3, "waypoint", new Vae(8, 0.25), new double[] {64, 64});
        var e = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.builder("waypoint", "ppo", 3).out(out).resume(true).start(other));
        assertTrue(e.getMessage().contains("differs"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.builder("waypoint", "ppo", 3).out(tmp.resolve("nothing")).resume(true).start(config));
        try (RunDirectory run = RunDirectory.builder("waypoint", "ppo", 3).out(out).resume(true).start(config)) {
            assertEquals("running", run.metadata().status());
            assertEquals(3, run.metrics().lastIteration());
            run.metrics().truncateAfter(2);
            LinkedHashMap<String, Object> row = new LinkedHashMap<>();
            row.put("iteration", 3);
            row.put("return", 30.0);
            run.metrics().append(row);
            run.complete();
        }
        assertEquals(List.of("iteration,return", "1,1.0", "2,2.0", "3,30.0"), Files.readAllLines(out.resolve("metrics.csv")));
        assertEquals("completed", RunMetadata.read(out.resolve("metadata.json")).status());
    }

    @Test
    void aResumedRunKeepsTheCommitsThatRanItBefore() throws IOException {
        Path out = tmp.resolve("run");
        Path noRepo = tmp.resolve("no-repo"); // git finds no repository here: commit "unknown"
        Files.createDirectories(noRepo);
        try (RunDirectory run = RunDirectory.builder("waypoint", "ppo", 3).out(out).gitDir(noRepo).start(config)) {
            assertEquals(List.of(), run.metadata().earlierCommits());
            assertEquals(List.of("unknown"), run.metadata().commits());
        } // closed without complete(): failed, to be resumed
        // as if another build had run it, recorded before metadata.json listed earlier commits
        RunMetadata first = RunMetadata.read(out.resolve("metadata.json"));
        new RunMetadata(first.task(), first.algo(), first.seed(), "0123456789abcdef0123456789abcdef01234567", "true", first.command(),
                first.java(), first.nd4j(), first.cores(), first.hostname(), first.cpu(), first.started(), first.finished(),
                first.wallS(), first.status(), first.error(), null).write(out.resolve("metadata.json"));
        try (RunDirectory run = RunDirectory.builder("waypoint", "ppo", 3).out(out).gitDir(noRepo).resume(true).start(config)) {
            assertEquals(List.of("0123456789abcdef0123456789abcdef01234567+dirty"), run.metadata().earlierCommits());
        }
        try (RunDirectory run = RunDirectory.builder("waypoint", "ppo", 3).out(out).gitDir(noRepo).resume(true).start(config)) {
            run.complete();
        }
        RunMetadata last = RunMetadata.read(out.resolve("metadata.json"));
        assertEquals("unknown", last.gitCommit());
        assertEquals(List.of("0123456789abcdef0123456789abcdef01234567+dirty", "unknown"), last.earlierCommits(),
                "a second resume by the same build adds no repeat");
        assertEquals(List.of("0123456789abcdef0123456789abcdef01234567+dirty", "unknown"), last.commits());
    }
}

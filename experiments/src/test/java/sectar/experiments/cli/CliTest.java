package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Runs the CLI in-process with captured output, as a user would call it. */
class CliTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A user error: exit 2, one {@code error:} line that mentions {@code mentions}, no stack trace. */
    static void assertUserError(Result r, String mentions) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(mentions), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    private static void assertOneErrorLine(Result r) {
        assertEquals(2, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("error: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void tasksListsWaypoint() {
        Result r = run("tasks");
        assertEquals(0, r.code());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("waypoint ") && l.contains("Discrete(4)") && l.contains("380")), r.out());
    }

    @Test
    void checkEnvPassesOnWaypointInstance0() {
        Result r = run("check-env", "waypoint", "--instance", "0", "--episodes", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("waypoint instance 0: ok"), r.out());
    }

    @Test
    void userErrorsAreOneLineAndExit2() {
        Result unknown = run("check-env", "nosuchtask");
        assertOneErrorLine(unknown);
        assertTrue(unknown.err().contains("nosuchtask"), unknown.err());
        assertOneErrorLine(run("check-env", "waypoint", "--instance", "7"));
        assertOneErrorLine(run("render", "waypoint", "--policy", "clever", "--out", "x.gif"));
        assertOneErrorLine(run("render", "waypoint", "--policy", "expert", "--out", "/dev/null/x.gif")); // below a file
        assertOneErrorLine(run("bench", "env", "--repeats", "2"));
        assertOneErrorLine(run("bench", "env", "--scene-only", "--no-scene"));
        assertOneErrorLine(run("no-such-command"));
    }

    @Test
    void renderWritesAnimatedGifAndPng(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("x.gif");
        Result r = run("render", "waypoint", "--policy", "expert", "--size", "160", "--max-frames", "40", "--out", gif.toString());
        assertEquals(0, r.code(), r.err());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertTrue(reader.getNumImages(true) > 1);
            assertEquals(160, reader.read(0).getWidth());
        }
        Path png = dir.resolve("x.png");
        assertEquals(0, run("render", "waypoint", "--policy", "random", "--size", "200", "--out", png.toString()).code());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(200, img.getWidth());
        assertEquals(200, img.getHeight());
    }

    @Test
    void benchEnvSceneOnlyPrintsTheTasksSceneInBothWorlds() {
        Result r = run("bench", "env", "--scene-only", "--task", "waypoint", "--scene-steps", "1000");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].startsWith("{\"bench\":\"box2d_scene\",\"scene\":\"pointmass\",\"broadphase\":\"jbox2d_tree\",\"bodies\":2,"), lines[0]);
        assertTrue(lines[1].contains("\"broadphase\":\"sectar_small\""), lines[1]);
        assertFalse(r.out().contains("env_steps\""), r.out()); // no env-step lines
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"tasks", "--help"}, {"check-env", "--help"}, {"render", "--help"},
                {"bench", "--help"}, {"bench", "env", "--help"}}) {
            Result r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage:"), r.out());
        }
    }
}

package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.Step;
import sectar.sim.tasks.Tasks;

/** {@code sectar trace}: one line per step that replays to the same lines, and one-line errors for bad actions. */
class TraceCliTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** {@code n} random actions of {@code task} as a header-less CSV. */
    private Path randomActions(String task, int n, long seed) throws IOException {
        Env env = Tasks.make(task, 0);
        SplittableRandom rng = Seeds.rng(seed, "trace-test");
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < n; t++) {
            double[] a = env.actionSpace().sample(rng);
            List<String> cells = new ArrayList<>();
            for (double v : a) cells.add(env.actionSpace().dim() == 1 && task.equals("waypoint") ? Integer.toString((int) v)
                    : Double.toString(v));
            b.append(String.join(",", cells)).append('\n');
        }
        return write(task + "-actions.csv", b.toString());
    }

    private static void assertOneErrorLine(CliTest.Result r, String... fragments) {
        assertEquals(2, r.code(), r.out() + r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("error: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        for (String f : fragments) assertTrue(lines[0].contains(f), "'" + lines[0] + "' lacks '" + f + "'");
    }

    @Test void traceLinesAreTheEnvsStepsAndReplayToTheSameLines() throws IOException {
        for (String task : List.of("waypoint", "wheeled")) {
            Path actions = randomActions(task, 60, 4);
            CliTest.Result first = CliTest.run("trace", task, "--instance", "2", "--actions", actions.toString());
            assertEquals(0, first.code(), first.err());
            List<String> lines = first.out().lines().toList();
            assertEquals(62, lines.size(), "header, reset line, one line per action");
            int obsDim = Tasks.spec(task, 2).obsDim(), actDim = Tasks.spec(task, 2).actionSpace().dim();
            String header = lines.get(0);
            assertTrue(header.startsWith("step,action") && header.endsWith(",reward,stage,terminated,truncated"), header);
            assertEquals(1 + actDim + obsDim + 4, header.split(",").length, header);

            Env env = Tasks.make(task, 2);
            double[] obs = env.reset(0);
            assertEquals(Double.toString(obs[0]), lines.get(1).split(",", -1)[1 + actDim], "the reset line holds the start");
            List<String> actionLines = Files.readAllLines(actions);
            for (int t = 1; t <= 60; t++) {
                String[] cells = actionLines.get(t - 1).split(",");
                double[] a = new double[cells.length];
                for (int i = 0; i < a.length; i++) a[i] = Double.parseDouble(cells[i]);
                Step s = env.step(a);
                String[] row = lines.get(t + 1).split(",", -1);
                assertEquals(Integer.toString(t), row[0]);
                for (int i = 0; i < obsDim; i++)
                    assertEquals(s.observation()[i], Double.parseDouble(row[1 + actDim + i]), 0.0, task + " step " + t + " obs" + i);
                assertEquals(s.reward(), Double.parseDouble(row[1 + actDim + obsDim]));
                assertEquals(s.stage(), Integer.parseInt(row[2 + actDim + obsDim]));
            }

            Path replay = write(task + "-trace.csv", first.out());
            CliTest.Result second = CliTest.run("trace", task, "--instance", "2", "--actions", replay.toString());
            assertEquals(0, second.code(), second.err());
            assertEquals(first.out(), second.out(), task + ": replaying a trace's actions gives the same lines");
        }
    }

    @Test void aBundledInstanceFromAFileTracesLikeTheBundledOne() throws IOException {
        for (String task : List.of("waypoint", "block")) {
            Path copy = dir.resolve(task + ".json");
            try (InputStream in = Tasks.class.getResourceAsStream("/sectar/tasks/" + task + ".json")) {
                Files.copy(in, copy);
            }
            Path actions = write(task + "-a.csv", "0\n1\n1\n2\n3\n3\n0\n0\n".repeat(20));
            CliTest.Result bundled = CliTest.run("trace", task, "--instance", "3", "--actions", actions.toString());
            CliTest.Result file = CliTest.run("trace", task, "--instances-file", copy.toString(), "--instance", "3",
                    "--actions", actions.toString());
            assertEquals(0, file.code(), file.err());
            assertEquals(bundled.out(), file.out());
        }
    }

    @Test void theTraceStopsWhereTheEpisodeEnds() throws IOException {
        Path actions = write("long.csv", "0\n2\n".repeat(200));
        CliTest.Result r = CliTest.run("trace", "waypoint", "--actions", actions.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1 + 1 + 380, lines.size());
        assertTrue(lines.get(381).endsWith(",false,true"), lines.get(381));
        assertTrue(r.err().contains("ended at step 380") && r.err().contains("20 actions"), r.err());
    }

    @Test void badActionsAreOneLineNamingTheStepAndTheValue() throws IOException {
        assertOneErrorLine(CliTest.run("trace", "waypoint", "--actions", write("a.csv", "0\n1\n4\n").toString()),
                "line 3 (step 3)", "4.0", "out of range", "[0, 4)");
        assertOneErrorLine(CliTest.run("trace", "waypoint", "--actions", write("b.csv", "0\n1.5\n").toString()),
                "step 2", "1.5");
        assertOneErrorLine(CliTest.run("trace", "waypoint", "--actions", write("c.csv", "action\n0\nup\n").toString()),
                "line 3 (step 2)", "'up' is not a number");
        assertOneErrorLine(CliTest.run("trace", "wheeled", "--actions", write("d.csv", "1,2\n1,2,3\n").toString()),
                "line 2 (step 2)", "3 values", "expected 2");
        assertOneErrorLine(CliTest.run("trace", "wheeled", "--actions", write("e.csv", "1,2\n-25,2\n").toString()),
                "step 2", "action0 = -25.0", "[-20.0, 20.0]");
        assertOneErrorLine(CliTest.run("trace", "wheeled", "--actions", write("f.csv", "left,right\n1,2\n").toString()),
                "no column 'action0'");
        assertOneErrorLine(CliTest.run("trace", "waypoint", "--actions", write("g.csv", "\n").toString()), "no actions");
        assertOneErrorLine(CliTest.run("trace", "waypoint", "--actions", dir.resolve("none.csv").toString()),
                "none.csv", "cannot read");
    }

    @Test void badInstancesFilesAndInstancesAreOneLine() throws IOException {
        Path actions = write("a.csv", "0\n");
        Path broken = write("broken.json", "{\"task\": \"waypoint\", \"instances\": [{\"start\": [0, 0], \"goals\": [[0, 9]]}]}");
        assertOneErrorLine(CliTest.run("trace", "waypoint", "--instances-file", broken.toString(), "--actions",
                actions.toString()), "instances[0].goals[0]", "[0,9]", "arena");
        Path notJson = write("n.json", "goals: [0, 1]");
        assertOneErrorLine(CliTest.run("trace", "waypoint", "--instances-file", notJson.toString(), "--actions",
                actions.toString()), "n.json is not JSON");
        assertOneErrorLine(CliTest.run("trace", "waypoint", "--instance", "7", "--actions", actions.toString()),
                "got 7", "[0, 4]");
    }
}

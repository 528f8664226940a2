package sectar.sim.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sectar.sim.Env;
import sectar.sim.Episode;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.Step;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;

/** Instances as data: user files in the bundled format load to the same tasks, and bad files are refused. */
class InstanceFileTest {
    @TempDir Path dir;

    static List<String> names() { return Tasks.names(); }

    /** Every step of one episode: observation, reward, stage and flags. */
    static List<double[]> trace(TaskSpec spec, Policy policy, long seed) {
        Env env = Tasks.make(spec);
        SplittableRandom rng = Seeds.rng(seed, "trace");
        List<double[]> rows = new ArrayList<>();
        double[] obs = env.reset(seed);
        rows.add(obs);
        while (true) {
            Step s = env.step(policy.act(obs, env.stage(), rng));
            obs = s.observation();
            double[] row = Arrays.copyOf(obs, obs.length + 4);
            row[obs.length] = s.reward();
            row[obs.length + 1] = s.stage();
            row[obs.length + 2] = s.terminated() ? 1 : 0;
            row[obs.length + 3] = s.truncated() ? 1 : 0;
            rows.add(row);
            if (s.done()) return rows;
        }
    }

    private Path copyOfBundled(String name) throws IOException {
        Path f = dir.resolve(name + "-copy.json");
        try (InputStream in = getClass().getResourceAsStream("/sectar/tasks/" + name + ".json")) {
            Files.copy(in, f);
        }
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void eachBundledInstanceReadFromAFileRunsTheSameTrace(String name) throws IOException {
        List<TaskInstance> fromFile = Tasks.instances(name, copyOfBundled(name));
        assertEquals(Tasks.NUM_INSTANCES, fromFile.size());
        for (int k = 0; k < Tasks.NUM_INSTANCES; k++) {
            TaskInstance bundled = Tasks.instance(name, k), user = fromFile.get(k);
            assertEquals(bundled, user, name + " instance " + k); // same source text: the bundled file's description
            TaskSpec a = Tasks.spec(bundled), b = Tasks.spec(user);
            for (boolean expert : new boolean[] {true, false}) {
                List<double[]> ta = trace(a, expert ? Tasks.expert(a) : Policy.random(a.actionSpace()), 3);
                List<double[]> tb = trace(b, expert ? Tasks.expert(b) : Policy.random(b.actionSpace()), 3);
                assertEquals(ta.size(), tb.size(), name + " instance " + k + ": episode lengths");
                for (int t = 0; t < ta.size(); t++) assertArrayEquals(ta.get(t), tb.get(t), name + " " + k + " step " + t);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void anInstanceRoundTripsThroughItsJson(String name) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (int k = 0; k < Tasks.NUM_INSTANCES; k++) {
            TaskInstance inst = Tasks.instance(name, k);
            String text = json.writeValueAsString(TaskFile.toJson(inst));
            assertEquals(inst, TaskFile.embedded(json.readTree(text)), name + " " + k);
            Path f = dir.resolve(name + k + ".json");
            Files.writeString(f, text);
            assertEquals(inst.withIndex(0), Tasks.instances(name, f).get(0), "a written instance is an instances file");
        }
    }

    @Test void aUserLayoutWithItsOwnParametersPassesTheChecker() throws IOException {
        Path f = dir.resolve("mine.json");
        Files.writeString(f, """
                {"task": "waypoint", "parameters": {"success_radius": 0.3, "episode_segments": 10},
                 "instances": [{"start": [0, 0], "goals": [[1, 0], [1, 1], [-2.8, 2.8], [0, -2], [2, 2], [2.8, -2.8]]}]}
                """);
        TaskInstance inst = Tasks.instance("waypoint", f, 0);
        TaskSpec spec = Tasks.spec(inst);
        assertEquals(f.toString(), inst.source());
        assertEquals(0.3, spec.reward().radius());
        assertEquals(190, spec.episodeSteps());
        assertEquals(2, spec.maxReturn());
        assertEquals(0.2, inst.parameter("step_size"), "a parameter the file leaves out keeps the task's default");
        assertEquals(List.of(), EnvChecker.check(() -> Tasks.make(spec), Tasks.expert(spec), 5));
        Episode e = Episode.run(Tasks.make(spec), Tasks.expert(spec), 1, new SplittableRandom(1));
        assertEquals(2, e.totalReward(), "the expert reaches all six goals, corners included");
    }

    @Test void aBlockLayoutOfItsOwn() throws IOException {
        Path f = dir.resolve("block.json");
        Files.writeString(f, """
                {"task": "block", "instances": [{"fist": [0, 0],
                  "objects": [[1, 1], [-1, 1], [-1, -1], [1, -1]],
                  "goals": [[2, 2], [-2, 2], [-2, -2], [2, -2]]}]}
                """);
        TaskSpec spec = Tasks.spec(Tasks.instance("block", f, 0));
        assertEquals(List.of(), EnvChecker.check(() -> Tasks.make(spec), Tasks.expert(spec), 5));
        assertEquals(4, Episode.run(Tasks.make(spec), Tasks.expert(spec), 1, new SplittableRandom(1)).totalReward());
    }

    private void assertRefused(String task, String text, String... fragments) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, text);
        BadInputTest.assertRejected(() -> Tasks.instances(task, f), fragments);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Tasks.instances(task, f));
        assertTrue(e.getMessage().startsWith(f.toString()), "the message names the file: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }

    @Test void brokenFilesAreRefusedNamingTheFieldAndTheValue() throws IOException {
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"instances\": [{\"goals\": [[0, 0]]}]}",
                "instances[0].start", "missing");
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"instances\": [{\"start\": [0, 0]}]}",
                "instances[0].goals", "missing");
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"instances\": [{\"start\": [0, 0], \"goals\": [[0, 0], [3.1, 0.2]]}]}",
                "instances[0].goals[1]", "[3.1,0.2]", "arena [-2.8, 2.8]");
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"instances\": [{\"start\": [0, \"a\"], \"goals\": [[0, 0]]}]}",
                "instances[0].start[1]", "\"a\"", "a number");
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"instances\": [{\"start\": [0, 0, 0], \"goals\": [[0, 0]]}]}",
                "instances[0].start", "[0,0,0]", "[x, y]");
        assertRefused("block", "{\"task\": \"block\", \"instances\": [{\"fist\": [0, 0], \"objects\": [[1, 1], [1, 2], [2, 1]],"
                + " \"goals\": [[0, 1], [1, 0], [2, 2]]}]}", "instances[0].objects", "4 objects, got 3");
        assertRefused("block", "{\"task\": \"block\", \"instances\": [{\"fist\": [0, 0], \"objects\": [[1, 1], [1, 2], [2, 1], [0, 2]],"
                + " \"goals\": [[0, 1]]}]}", "instances[0].goals", "4 goals");
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"instances\": [{\"start\": [0, 0], \"goals\": [[0, 0]],]}",
                "is not JSON", "line 1");
        assertRefused("waypoint", "", "empty");
        assertRefused("waypoint", "{\"task\": \"block\", \"instances\": []}", "task", "\"block\"", "\"waypoint\"");
        assertRefused("waypoint", "{\"instances\": []}", "task", "missing");
        assertRefused("waypoint", "{\"task\": \"waypoint\"}", "instances", "missing");
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"instances\": []}", "instances", "non-empty", "[]");
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"instance\": []}", "instance", "not a known field", "instances");
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"parameters\": {\"step\": 0.1}, \"instances\": []}",
                "parameters.step", "0.1", "step_size");
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"parameters\": {\"segment_len\": 2.5}, \"instances\": []}",
                "parameters.segment_len", "2.5", "whole number");
        assertRefused("waypoint", "{\"task\": \"waypoint\", \"parameters\": {\"success_radius\": -1}, \"instances\": []}",
                "parameters.success_radius", "-1", "> 0");
        assertRefused("swimmer", "{\"task\": \"swimmer\", \"parameters\": {\"arena_half_width\": 1}, \"instances\": []}",
                "parameters.arena_half_width", "1", "> 1.6");
        assertRefused("wheeled", "{\"task\": \"wheeled\", \"instances\": [{\"start\": [0, 0], \"goals\": [[0, 1]]}]}",
                "instances[0].start", "not a known field", "goals");
        BadInputTest.assertRejected(() -> Tasks.instances("waypoint", dir.resolve("none.json")), "none.json", "cannot read");
    }

    @Test void anInstanceOutsideTheFileIsNamedWithTheRange() throws IOException {
        Path f = copyOfBundled("wheeled");
        BadInputTest.assertRejected(() -> Tasks.instance("wheeled", f, 5), "got 5", "[0, 4]", f.toString());
    }
}

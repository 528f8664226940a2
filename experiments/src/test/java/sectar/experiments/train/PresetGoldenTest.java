package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sectar.planner.SearchConfig;
import sectar.sim.tasks.Tasks;

/**
 * Every preset number, pinned: the config of every algorithm x preset x task (instance 0, seed 1, the
 * train command's default budgets) is held against a golden file under
 * {@code src/test/resources/sectar/experiments/train/golden/}, so a change that moves where the numbers
 * are written cannot change one of them unseen. The embedded task instance is left out: it is the
 * bundled instance file's, not the preset's.
 *
 * <p>A deliberate preset change regenerates the files (then the diff shows every number it changed):
 * <pre>
 * mvn -B -ntp -pl experiments -am -Dtest=PresetGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.regenerate=true verify
 * </pre>
 */
class PresetGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 1;
    private static final int ITERATIONS = 20;
    private static final long ENV_STEPS = 20_000;

    /** The golden folder in the module's sources (surefire runs in the module folder and names it basedir). */
    private static Path goldenDir() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/sectar/experiments/train/golden");
    }

    private static String fileName(Algorithm algo, Preset preset, String task) {
        return algo.word() + "-" + preset + "-" + task + ".json";
    }

    /**
     * The config as the golden files hold it: config.json's tree without the embedded instance, with the
     * fields renamed since the golden files were written mapped back ({@link #asGolden}).
     */
    private static ObjectNode built(Algorithm algo, Preset preset, String task) throws IOException {
        Record config = Presets.build(algo, preset, task, 0, SEED, ITERATIONS, ENV_STEPS);
        ObjectNode tree = (ObjectNode) JSON.readTree(ConfigJson.write(config));
        tree.remove("taskInstance");
        asGolden(algo, preset, task, tree);
        return tree;
    }

    /**
     * The renames, each mapped explicitly. The typed search: the golden files write the method as a word
     * ({@code "search": "shooting"}) with CEM's settings beside it ({@code cemIterations},
     * {@code cemElites}, {@code warmStart}); the presets now keep those settings where
     * {@code --set mpc.search=cem} takes them from, so they are read there.
     */
    private static void asGolden(Algorithm algo, Preset preset, String task, ObjectNode tree) {
        if (!(tree.get("mpc") instanceof ObjectNode mpc)) return;
        SectarRunConfig withCem = (SectarRunConfig) Presets.build(algo, preset, Tasks.instance(task, 0), SEED, ITERATIONS, ENV_STEPS,
                List.of("mpc.search=cem"));
        SearchConfig.Cem cem = (SearchConfig.Cem) withCem.mpc().search();
        mpc.put("search", mpc.get("search").get("method").asText());
        mpc.put("cemIterations", cem.iterations());
        mpc.put("cemElites", cem.elites());
        mpc.put("warmStart", cem.warmStart());
    }

    @Test
    void everyPresetBuildsTheGoldenConfig() throws IOException {
        boolean regenerate = Boolean.getBoolean("golden.regenerate");
        Path dir = goldenDir();
        if (regenerate) Files.createDirectories(dir);
        Set<String> expected = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (Algorithm algo : Algorithm.values())
            for (Preset preset : Preset.values())
                for (String task : Tasks.names()) {
                    String name = fileName(algo, preset, task);
                    expected.add(name);
                    ObjectNode now = built(algo, preset, task);
                    Path file = dir.resolve(name);
                    if (regenerate) {
                        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(now) + "\n");
                        continue;
                    }
                    if (!Files.isRegularFile(file)) {
                        failures.add(name + ": no golden file (regenerate, see this class's comment)");
                        continue;
                    }
                    List<String> diff = new ArrayList<>();
                    differences("", JSON.readTree(file.toFile()), now, diff);
                    for (String d : diff) failures.add(name + ": " + d);
                }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!expected.contains(name)) {
                    if (regenerate) Files.delete(f);
                    else failures.add(name + ": a golden file no algorithm x preset x task builds");
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Lists every path where {@code now} differs from {@code golden}, with both values. */
    static void differences(String path, JsonNode golden, JsonNode now, List<String> out) {
        if (golden.isObject() && now.isObject()) {
            Set<String> names = new TreeSet<>();
            golden.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String p = path.isEmpty() ? n : path + "." + n;
                if (!golden.has(n)) out.add(p + ": new field = " + now.get(n));
                else if (!now.has(n)) out.add(p + ": gone (golden " + golden.get(n) + ")");
                else differences(p, golden.get(n), now.get(n), out);
            }
        } else if (!sameValue(golden, now)) {
            out.add(path + ": golden " + golden + ", now " + now);
        }
    }

    /** Equal trees, numbers compared by value (an int field read back as a long is the same number). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return a.isIntegralNumber() == b.isIntegralNumber()
                && (a.isIntegralNumber() ? a.longValue() == b.longValue() : a.doubleValue() == b.doubleValue());
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) return false;
            Iterator<JsonNode> i = a.elements(), j = b.elements();
            while (i.hasNext()) if (!sameValue(i.next(), j.next())) return false;
            return true;
        }
        return a.equals(b);
    }

    @Test
    void theDifferenceListNamesEveryChangedPath() throws IOException {
        JsonNode golden = JSON.readTree("{\"a\": 1, \"m\": {\"h\": [64, 64], \"x\": 0.5}, \"old\": true}");
        JsonNode now = JSON.readTree("{\"a\": 1, \"m\": {\"h\": [64, 32], \"x\": 0.5}, \"new\": 2}");
        List<String> diff = new ArrayList<>();
        differences("", golden, now, diff);
        assertEquals(List.of("m.h: golden [64,64], now [64,32]", "new: new field = 2", "old: gone (golden true)"), diff);
    }
}

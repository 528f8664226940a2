package sectar.experiments.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.TaskFile;
import sectar.sim.tasks.Tasks;

/**
 * The run presets as data: every number of the {@code paper} and {@code cpu} presets is written in one
 * preset file per config record, {@code presets/<file>.json} in this module's resources
 * ({@link Algorithm#presetFile()}). A file holds the whole {@code paper} tree, then overlays written as
 * dotted paths with JSON values: {@code cpu}, per task {@code tasks.<task>.paper} and
 * {@code tasks.<task>.cpu}, and where one file serves several algorithms {@code algos.<algo>.paper}
 * and {@code algos.<algo>.cpu}. A run's config is the paper tree, then for each of the preset's
 * {@link Preset#layers()} its overlay, the task's and the algorithm's; then what follows from the
 * instance (SeCTAR's MPC episode in segments; a length written {@code {"segments": n}} becomes n of
 * the instance's segments in steps); then the run's own arguments; then {@code --set}.
 */
public final class Presets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FILE_KEYS = Set.of("about", "paper", "cpu", "tasks", "algos");
    private static final Set<String> SCOPE_KEYS = Set.of("about", "paper", "cpu");
    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();

    private Presets() {}

    /** The preset's config for bundled instance {@code instance} of {@code task}; {@code iterations} or {@code envSteps} is the budget, whichever the algorithm counts. */
    public static Record build(Algorithm algo, Preset preset, String task, int instance, long seed, int iterations, long envSteps) {
        return build(algo, preset, Tasks.instance(task, instance), seed, iterations, envSteps);
    }

    /** The preset's config for a task instance (bundled or from a file), whose own lengths it fits. */
    public static Record build(Algorithm algo, Preset preset, TaskInstance instance, long seed, int iterations, long envSteps) {
        return build(algo, preset, instance, seed, iterations, envSteps, List.of());
    }

    /** The preset's config for {@code instance}, then {@code sets} ({@code --set key=value}), validated by its record. */
    public static Record build(Algorithm algo, Preset preset, TaskInstance instance, long seed, int iterations, long envSteps,
                               List<String> sets) {
        ObjectNode tree = tree(algo, preset, instance, seed, iterations, envSteps);
        for (String s : sets) ConfigOverrides.set(tree, s);
        return ConfigOverrides.toRecord(tree, algo.configType(), sets);
    }

    /**
     * The preset's config tree for {@code instance} before any {@code --set}: what config.json will hold,
     * and the {@link ConfigOverrides#CHOICES} a {@code --set} of a typed choice reads.
     */
    public static ObjectNode tree(Algorithm algo, Preset preset, TaskInstance instance, long seed, int iterations,
                                  long envSteps) {
        ObjectNode tree = layered(algo, preset, instance.task());
        TaskSpec spec = Tasks.spec(instance);
        inSteps(tree, spec.segmentLength());
        if (tree.get("mpc") instanceof ObjectNode mpc) mpc.put("segments", spec.episodeSteps() / spec.segmentLength());
        ObjectNode out = JSON.createObjectNode();
        out.put("task", instance.task());
        out.put("instance", instance.index());
        if (Arrays.stream(algo.configType().getRecordComponents()).anyMatch(c -> c.getName().equals("algo")))
            out.put("algo", algo.word()); // one record for several algorithms names which
        out.put("preset", preset.name());
        out.put("seed", seed);
        if (algo.countsIterations()) out.put("iterations", iterations);
        else out.put("envSteps", envSteps);
        out.setAll(tree);
        out.set("taskInstance", TaskFile.toJson(instance));
        return out;
    }

    /** The paper tree with the preset's overlays of every layer: its own, the task's, the algorithm's. */
    private static ObjectNode layered(Algorithm algo, Preset preset, String task) {
        String name = algo.presetFile();
        JsonNode file = file(name);
        ObjectNode tree = file.get("paper").deepCopy();
        for (Preset layer : preset.layers()) {
            if (layer != Preset.paper) overlay(tree, file.path(layer.name()), name + " " + layer);
            overlay(tree, file.path("tasks").path(task).path(layer.name()), name + " tasks." + task + "." + layer);
            overlay(tree, file.path("algos").path(algo.word()).path(layer.name()), name + " algos." + algo + "." + layer);
        }
        return tree;
    }

    private static void overlay(ObjectNode tree, JsonNode overlay, String origin) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ConfigOverrides.put(tree, e.getKey(), e.getValue(), origin);
        }
    }

    /** Every length written {@code {"segments": n}} becomes n segments in steps. */
    private static void inSteps(ObjectNode tree, int segmentLength) {
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!(e.getValue() instanceof ObjectNode o)) continue;
            if (o.size() == 1 && o.has("segments")) e.setValue(JSON.getNodeFactory().numberNode(o.get("segments").asInt() * segmentLength));
            else inSteps(o, segmentLength);
        }
    }

    /** The preset file {@code presets/<name>.json}, read and checked once. */
    static JsonNode file(String name) {
        return FILES.computeIfAbsent(name, Presets::read);
    }

    private static JsonNode read(String name) {
        String resource = "/presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the preset file " + resource + " is missing from the build");
            JsonNode file = JSON.readTree(in);
            check(name, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the preset file " + resource + ": " + e.getMessage(), e);
        }
    }

    /** A key the builder would not read is a mistake in the file: refused naming it. */
    private static void check(String name, JsonNode file) {
        keys(name, file, FILE_KEYS);
        if (!file.path("paper").isObject()) throw new IllegalStateException("preset file " + name + " has no 'paper' tree");
        List<String> algos = new ArrayList<>();
        for (Algorithm a : Algorithm.values()) if (a.presetFile().equals(name)) algos.add(a.word());
        scopes(name + " tasks", file.path("tasks"), Tasks.names());
        scopes(name + " algos", file.path("algos"), algos);
    }

    private static void scopes(String where, JsonNode scopes, List<String> known) {
        for (Iterator<Map.Entry<String, JsonNode>> it = scopes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey()))
                throw new IllegalStateException("preset file " + where + " has '" + e.getKey() + "'; expected one of " + known);
            keys(where + "." + e.getKey(), e.getValue(), SCOPE_KEYS);
        }
    }

    private static void keys(String where, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k))
                throw new IllegalStateException("preset file " + where + " has '" + k + "'; expected some of " + allowed);
        }
    }
}

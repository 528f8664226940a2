package sectar.experiments.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups run folders whose config.json are equal once every "seed" field (at any depth) is removed,
 * and names each group by the config fields whose values differ between groups.
 */
final class ConfigGroups {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigGroups() {}

    /** Runs sharing a seedless config, in the order they were first seen. */
    record Group(JsonNode config, List<Path> runs) {}

    static List<Group> group(List<Path> runDirs) {
        Map<JsonNode, List<Path>> groups = new LinkedHashMap<>();
        for (Path dir : runDirs) groups.computeIfAbsent(withoutSeed(readConfig(dir)), k -> new ArrayList<>()).add(dir);
        return groups.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** Above this many differing fields a "path=value" legend is unreadable: runs are named by folder. */
    static final int MAX_LABEL_FIELDS = 3;

    /**
     * One label per group: "path=value" for each leaf that differs between groups (an ablation), or the
     * run folder's name when none differ or too many do (different algorithms).
     */
    static List<String> labels(List<Group> groups) {
        List<Map<String, String>> leaves = groups.stream().map(g -> {
            Map<String, String> m = new LinkedHashMap<>();
            flatten("", g.config(), m);
            return m;
        }).toList();
        Set<String> keys = new LinkedHashSet<>();
        leaves.forEach(m -> keys.addAll(m.keySet()));
        List<String> differing = keys.stream()
                .filter(k -> leaves.stream().map(m -> m.get(k)).distinct().count() > 1).toList();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Map<String, String> m = leaves.get(i);
            String label = differing.stream().map(k -> k + "=" + Objects.requireNonNullElse(m.get(k), "-"))
                    .collect(Collectors.joining(", "));
            boolean named = label.isEmpty() || differing.size() > MAX_LABEL_FIELDS;
            labels.add(named ? runName(groups.get(i).runs().get(0)) : label);
        }
        return labels;
    }

    /** A copy of {@code node} without any field named "seed", at any depth. */
    static JsonNode withoutSeed(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            obj.remove("seed");
            obj.elements().forEachRemaining(ConfigGroups::strip);
        } else if (node instanceof ArrayNode arr) {
            arr.elements().forEachRemaining(ConfigGroups::strip);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) flatten(prefix + "[" + i + "]", node.get(i), out);
        } else {
            out.put(prefix, node.asText());
        }
    }

    /** "waypoint__ppo__seed3__20260501-142233" -> "waypoint__ppo"; a seed folder "setting/s3" -> "setting". */
    private static String runName(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        if (name.matches("s\\d+") && abs.getParent() != null) return abs.getParent().getFileName().toString();
        int cut = name.indexOf("__seed");
        return cut > 0 ? name.substring(0, cut) : name;
    }

    private static JsonNode readConfig(Path dir) {
        Path file = dir.resolve("config.json");
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException("run folder " + dir + " has a metrics.csv but no config.json to group it by");
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }
}

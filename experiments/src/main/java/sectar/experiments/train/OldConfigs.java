package sectar.experiments.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import sectar.sim.tasks.Tasks;

/**
 * A run's config.json as an earlier version wrote it, brought to today's form before it is read, so
 * {@code sectar resume}, {@code render --checkpoint} and {@code sectar skills} read every committed run.
 */
final class OldConfigs {
    private OldConfigs() {}

    /** Upgrades {@code config}, a config.json tree of {@code algo}, in place. */
    static void upgrade(Algorithm algo, ObjectNode config) {
        if (config.get("mpc") instanceof ObjectNode mpc) typedSearch(mpc);
        fillMissing(algo, config);
    }

    /**
     * The search was a word ({@code "search": "cem"}) with CEM's settings beside it in the MPC section
     * ({@code cemIterations}, also CMA-ES's generations; {@code cemElites}; {@code warmStart}, false when
     * absent); it is now one typed section holding just its method's settings.
     */
    static void typedSearch(ObjectNode mpc) {
        JsonNode word = mpc.get("search");
        if (word == null || !word.isTextual()) return;
        JsonNode iterations = mpc.remove("cemIterations"), elites = mpc.remove("cemElites"), warm = mpc.remove("warmStart");
        boolean warmStart = warm != null && warm.asBoolean();
        ObjectNode search = mpc.objectNode().put("method", word.asText());
        switch (word.asText()) {
            case "cem" -> {
                search.set("iterations", iterations);
                search.set("elites", elites);
                search.put("warmStart", warmStart);
            }
            case "cmaes" -> {
                search.set("generations", iterations);
                search.put("warmStart", warmStart);
            }
            default -> { } // shooting has no settings; an unknown word fails when the config is read, naming it
        }
        mpc.set("search", search);
    }

    /**
     * Every field {@code config} lacks, taken from the paper preset of its task: a field added after the
     * config was written reads as the released value, the behaviour the run had before the field existed.
     */
    static void fillMissing(Algorithm algo, ObjectNode config) {
        String task = config.path("task").asText();
        if (!Tasks.names().contains(task)) return; // reading the config names the unknown task
        ObjectNode paper = Presets.tree(algo, Preset.paper, Tasks.instance(task, 0), 0, 1, 1);
        paper.remove("taskInstance"); // an old config without one names its bundled instance
        paper.remove(ConfigOverrides.CHOICES);
        fill(config, paper);
    }

    private static void fill(ObjectNode into, JsonNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode have = into.get(e.getKey());
            if (have == null) into.set(e.getKey(), e.getValue().deepCopy());
            else if (have instanceof ObjectNode o && e.getValue().isObject()) fill(o, e.getValue());
        }
    }
}

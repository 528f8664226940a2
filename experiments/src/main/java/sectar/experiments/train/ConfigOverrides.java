package sectar.experiments.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dotted-path language of run configs: a path such as {@code mpc.horizon} or
 * {@code model.policyHidden} names one field of a config's JSON tree. The preset files' overlays set
 * paths to JSON values ({@link #put}); {@code --set key=value} sets a path to a value parsed as the
 * type already there ({@link #set}): arrays take comma-separated numbers ({@code 64,64}). A typed choice
 * (a section such as {@code mpc.search}, whose {@code method} says which kind it is) takes a method's
 * name: {@code --set mpc.search=cem} puts in the settings the tree's {@value #CHOICES} section holds for
 * that method ({@code choices.search.cem}), whose fields later sets reach ({@code mpc.search.elites}).
 * The tree is then turned into the record ({@link #toRecord}, without its choices), so the record's own
 * checks validate the result. The fields that say which run this is ({@link #IDENTITY}) come from
 * train's own arguments and are refused.
 */
public final class ConfigOverrides {
    /** The top-level section of a preset tree holding, per typed choice, the settings of each method. */
    public static final String CHOICES = "choices";
    /** For trees built whole from a preset: every field present, no null where a number belongs. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /** Top-level fields set by train's arguments, not by {@code --set}, with the argument that sets each. */
    static final Map<String, String> IDENTITY = Map.of("task", "TASK", "instance", "--instance", "seed", "--seed",
            "preset", "--preset", "algo", "--algo");

    private ConfigOverrides() {}

    /** The record {@code tree} (built whole from a preset, then {@code sets}) describes, validated by it. */
    public static <T> T toRecord(ObjectNode tree, Class<T> type, List<String> sets) {
        String origin = sets.isEmpty() ? "the preset" : "--set " + String.join(" --set ", sets);
        ObjectNode config = tree.deepCopy();
        config.remove(CHOICES);
        try {
            return STRICT.treeToValue(config, type);
        } catch (InvalidFormatException e) { // a typed choice given a name it does not have
            String key = e.getPath().stream().map(JsonMappingException.Reference::getFieldName).collect(Collectors.joining("."));
            Class<?> t = e.getTargetType();
            String expected = t != null && t.isEnum() ? "one of " + Arrays.toString(t.getEnumConstants()) : t == null ? "?" : t.getSimpleName();
            throw new IllegalArgumentException("--set " + key + "=" + e.getValue() + ": expected " + expected);
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) cause = cause.getCause();
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().split("\n")[0];
            throw new IllegalArgumentException(origin + ": " + why);
        }
    }

    /** Applies one {@code key=value} to {@code root}: the value is parsed as the type of what is there. */
    public static void set(ObjectNode root, String set) {
        int eq = set.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("--set expects key=value, got '" + set + "'");
        String key = set.substring(0, eq).trim(), value = set.substring(eq + 1).trim();
        String[] path = key.split("\\.");
        if (IDENTITY.containsKey(path[0]) && path.length == 1)
            throw new IllegalArgumentException("--set " + key + ": the " + key + " is given by train's " + IDENTITY.get(path[0])
                    + ", not by --set");
        ObjectNode parent = parent(root, key, "--set");
        String leaf = path[path.length - 1];
        JsonNode old = parent.get(leaf);
        JsonNode methods = root.path(CHOICES).path(leaf);
        if (old != null && old.isObject() && methods.isObject()) {
            JsonNode chosen = methods.get(value);
            if (chosen == null) {
                List<String> names = new ArrayList<>();
                methods.fieldNames().forEachRemaining(names::add);
                throw new IllegalArgumentException("--set " + key + "=" + value + ": expected one of " + names);
            }
            parent.set(leaf, chosen.deepCopy());
            return;
        }
        if (old == null || old.isObject())
            throw new IllegalArgumentException("--set " + key + ": no field '" + leaf + "'; expected one of " + fields(parent, false));
        parent.set(leaf, parse(key, old, value));
    }

    /**
     * Replaces the value at {@code key} (a dotted path that must name a field already in {@code root})
     * by {@code value}; {@code origin} says in errors where the path was written.
     */
    public static void put(ObjectNode root, String key, JsonNode value, String origin) {
        ObjectNode parent = parent(root, key, origin);
        String leaf = key.substring(key.lastIndexOf('.') + 1);
        if (!parent.has(leaf))
            throw new IllegalArgumentException(origin + " " + key + ": no field '" + leaf + "'; expected one of "
                    + fields(parent, false) + " or a section of " + fields(parent, true));
        parent.set(leaf, value.deepCopy());
    }

    /** The object holding the last part of {@code key}; every part before it must be a section. */
    private static ObjectNode parent(ObjectNode root, String key, String origin) {
        String[] path = key.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = parent.get(path[i]);
            if (child == null || !child.isObject())
                throw new IllegalArgumentException(origin + " " + key + ": no section '" + path[i] + "'; expected one of "
                        + fields(parent, true));
            parent = (ObjectNode) child;
        }
        return parent;
    }

    private static JsonNode parse(String key, JsonNode old, String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            if (old.isBoolean()) {
                if (!value.equals("true") && !value.equals("false")) throw new NumberFormatException();
                return f.booleanNode(Boolean.parseBoolean(value));
            }
            if (old.isIntegralNumber()) return f.numberNode(Long.parseLong(value));
            if (old.isNumber()) return f.numberNode(Double.parseDouble(value));
            if (old.isArray()) {
                ArrayNode a = f.arrayNode();
                for (String part : value.split(",")) {
                    JsonNode like = old.size() > 0 ? old.get(0) : f.numberNode(0);
                    a.add(parse(key, like, part.trim()));
                }
                return a;
            }
            return f.textNode(value);
        } catch (NumberFormatException e) {
            String type = old.isBoolean() ? "true or false" : old.isIntegralNumber() ? "an integer"
                    : old.isArray() ? "comma-separated numbers" : "a number";
            throw new IllegalArgumentException("--set " + key + "=" + value + ": expected " + type);
        }
    }

    private static List<String> fields(ObjectNode node, boolean sections) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (node.get(name).isObject() == sections) out.add(name);
        }
        return out;
    }
}

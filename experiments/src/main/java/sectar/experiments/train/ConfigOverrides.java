package sectar.experiments.train;

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
 * {@code --set key=value} for any field of a run config: the config is turned into its JSON tree, the
 * dotted path (e.g. {@code mpc.horizon}, {@code model.policyHidden}) is replaced by the value parsed as
 * the type already there, and the tree is turned back into the record, so the record's own checks
 * validate the result. Arrays take comma-separated numbers ({@code 64,64}); typed choices (an enum such
 * as {@code mpc.search}) take one of their names. The fields that say which run this is ({@link #IDENTITY})
 * come from train's own arguments and are refused.
 */
public final class ConfigOverrides {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Top-level fields set by train's arguments, not by {@code --set}, with the argument that sets each. */
    static final Map<String, String> IDENTITY = Map.of("task", "TASK", "instance", "--instance", "seed", "--seed",
            "preset", "--preset", "algo", "--algo");

    private ConfigOverrides() {}

    /** {@code config} with every {@code key=value} of {@code sets} applied in order. */
    public static <T> T apply(T config, List<String> sets, Class<? extends T> type) {
        if (sets == null || sets.isEmpty()) return config;
        ObjectNode root = MAPPER.valueToTree(config);
        for (String set : sets) set(root, set);
        try {
            return MAPPER.treeToValue(root, type);
        } catch (InvalidFormatException e) { // a typed choice given a name it does not have
            String key = e.getPath().stream().map(JsonMappingException.Reference::getFieldName).collect(Collectors.joining("."));
            Class<?> t = e.getTargetType();
            String expected = t != null && t.isEnum() ? "one of " + Arrays.toString(t.getEnumConstants()) : t == null ? "?" : t.getSimpleName();
            throw new IllegalArgumentException("--set " + key + "=" + e.getValue() + ": expected " + expected);
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) cause = cause.getCause();
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().split("\n")[0];
            throw new IllegalArgumentException("--set " + String.join(" --set ", sets) + ": " + why);
        }
    }

    private static void set(ObjectNode root, String set) {
        int eq = set.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("--set expects key=value, got '" + set + "'");
        String key = set.substring(0, eq).trim(), value = set.substring(eq + 1).trim();
        String[] path = key.split("\\.");
        if (IDENTITY.containsKey(path[0]) && path.length == 1)
            throw new IllegalArgumentException("--set " + key + ": the " + key + " is given by train's " + IDENTITY.get(path[0])
                    + ", not by --set");
        ObjectNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = parent.get(path[i]);
            if (child == null || !child.isObject())
                throw new IllegalArgumentException("--set " + key + ": no section '" + path[i] + "'; expected one of "
                        + fields(parent, true));
            parent = (ObjectNode) child;
        }
        String leaf = path[path.length - 1];
        JsonNode old = parent.get(leaf);
        if (old == null || old.isObject())
            throw new IllegalArgumentException("--set " + key + ": no field '" + leaf + "'; expected one of " + fields(parent, false));
        parent.set(leaf, parse(key, old, value));
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

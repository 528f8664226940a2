package sectar.sim.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import sectar.sim.InstanceFormat;
import sectar.sim.TaskInstance;

/**
 * Instance files: the bundled {@code /sectar/tasks/<task>.json} (the released code's five instances
 * per task) and user files in the same format, read into {@link TaskInstance} values.
 *
 * <pre>
 * { "task": "waypoint", "source": "...",                   (source: optional, a description)
 *   "parameters": { "success_radius": 0.3 },                (optional: defaults of the task's registration)
 *   "instances": [ { "instance": 0, "start": [x, y], "goals": [[x, y], ...] }, ... ] }
 * </pre>
 *
 * An instance holds {@code goals} and, as the task's {@link InstanceFormat} says, a start point
 * (waypoint {@code start}, block {@code fist}) and {@code objects} (block: four, one goal each). Every
 * point lies within the arena. A file that breaks a rule is refused with one line naming the field and
 * its value ({@link IllegalArgumentException}, which the CLI prints as {@code error: ...}).
 */
public final class TaskFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_FIELDS = Set.of("task", "source", "parameters", "instances");

    private TaskFile() {}

    /** The bundled instances of {@code task}. */
    public static List<TaskInstance> bundled(String task) {
        String path = "/sectar/tasks/" + task + ".json";
        try (InputStream in = TaskFile.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no bundled instance file " + path + " for task '" + task + "'");
            return parse(JSON.readTree(in), task, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled instance file " + path, e);
        }
    }

    /** The instances of {@code task} in a user file; any problem is one line naming the file and the field. */
    public static List<TaskInstance> read(Path file, String task) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read instances file " + file + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        if (root == null || root.isMissingNode()) throw new IllegalArgumentException(file + " is empty, expected a JSON object");
        return parse(root, task, file.toString());
    }

    /** The instance an instance file of one instance holds, under its {@code "instance"} number. */
    public static TaskInstance embedded(JsonNode node) {
        JsonNode task = node.get("task");
        if (task == null || !task.isTextual())
            throw new IllegalArgumentException("embedded instance: \"task\" must be a task name, got " + task);
        List<TaskInstance> all = parse(node, task.asText(), "embedded instance");
        if (all.size() != 1)
            throw new IllegalArgumentException("embedded instance: \"instances\" must hold one instance, got " + all.size());
        JsonNode k = node.get("instances").get(0).get("instance");
        return all.get(0).withIndex(k == null ? 0 : k.asInt());
    }

    /** {@code inst} as a file of one instance, with every parameter written out. */
    public static ObjectNode toJson(TaskInstance inst) {
        InstanceFormat format = Tasks.entry(inst.task()).format();
        ObjectNode root = JSON.createObjectNode();
        root.put("task", inst.task());
        root.put("source", inst.source());
        ObjectNode p = root.putObject("parameters");
        for (Map.Entry<String, Double> e : inst.parameters().entrySet()) {
            if (InstanceFormat.INTEGER_PARAMETERS.contains(e.getKey())) p.put(e.getKey(), e.getValue().intValue());
            else p.put(e.getKey(), e.getValue());
        }
        ObjectNode one = root.putArray("instances").addObject();
        one.put("instance", inst.index());
        if (format.startField() != null) addPoint(one.putArray(format.startField()), inst.start());
        if (format.objects() > 0) addPoints(one.putArray("objects"), inst.objects());
        addPoints(one.putArray("goals"), inst.goals());
        return root;
    }

    private static void addPoints(ArrayNode to, double[][] m) {
        for (double[] row : m) addPoint(to.addArray(), row);
    }

    private static void addPoint(ArrayNode to, double[] v) {
        for (double x : v) to.add(x);
    }

    /** Validates a parsed file against the task's format. */
    static List<TaskInstance> parse(JsonNode root, String task, String source) {
        InstanceFormat format = Tasks.entry(task).format();
        Problem bad = new Problem(source);
        if (!root.isObject()) throw bad.at("the file", root, "a JSON object with \"task\" and \"instances\"");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP_FIELDS.contains(f)) throw bad.unknown(f, root.get(f), TOP_FIELDS);
        }
        JsonNode name = root.get("task");
        if (name == null) throw bad.missing("task", "the task name \"" + task + "\"");
        if (!name.isTextual() || !name.asText().equals(task)) throw bad.at("task", name, "\"" + task + "\"");
        String described = root.hasNonNull("source") ? root.get("source").asText() : source;
        TreeMap<String, Double> parameters = parameters(root.get("parameters"), task, format, bad);
        double arena = parameters.get("arena_half_width");
        if (!(arena > format.minArena()))
            throw bad.at("parameters.arena_half_width", root.path("parameters").get("arena_half_width"),
                    "a half width > " + format.minArena() + " (the " + task + " body must fit inside the walls)");
        JsonNode list = root.get("instances");
        if (list == null) throw bad.missing("instances", "a list of instances");
        if (!list.isArray() || list.isEmpty()) throw bad.at("instances", list, "a non-empty list of instances");
        List<TaskInstance> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++)
            out.add(instance(list.get(i), "instances[" + i + "]", task, i, described, parameters, format, bad));
        return List.copyOf(out);
    }

    private static TreeMap<String, Double> parameters(JsonNode node, String task, InstanceFormat format, Problem bad) {
        TreeMap<String, Double> p = new TreeMap<>(format.defaults());
        if (node == null) return p;
        if (!node.isObject()) throw bad.at("parameters", node, "an object of " + task + " parameters");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode v = node.get(key);
            String field = "parameters." + key;
            if (!format.defaults().containsKey(key)) throw bad.unknown(field, v, format.defaults().keySet());
            boolean whole = InstanceFormat.INTEGER_PARAMETERS.contains(key);
            if (!v.isNumber() || !(v.asDouble() > 0) || !Double.isFinite(v.asDouble())
                    || whole && v.asDouble() != Math.rint(v.asDouble()))
                throw bad.at(field, v, whole ? "a whole number >= 1" : "a number > 0");
            p.put(key, v.asDouble());
        }
        return p;
    }

    private static TaskInstance instance(JsonNode node, String at, String task, int index, String source,
                                         TreeMap<String, Double> parameters, InstanceFormat format, Problem bad) {
        if (!node.isObject()) throw bad.at(at, node, "an object with \"goals\"");
        List<String> fields = new ArrayList<>(List.of("instance", "goals"));
        if (format.startField() != null) fields.add(format.startField());
        if (format.objects() > 0) fields.add("objects");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) throw bad.unknown(at + "." + f, node.get(f), fields);
        }
        JsonNode label = node.get("instance");
        if (label != null && !(label.isIntegralNumber() && label.asInt() >= 0))
            throw bad.at(at + ".instance", label, "a whole number >= 0 (a label; --instance counts positions)");
        double arena = parameters.get("arena_half_width");
        double[] start = new double[0];
        if (format.startField() != null) start = point(node.get(format.startField()), at + "." + format.startField(), arena, bad);
        double[][] objects = new double[0][];
        if (format.objects() > 0) {
            objects = points(node.get("objects"), at + ".objects", arena, bad);
            if (objects.length != format.objects())
                throw bad.at(at + ".objects", node.get("objects"), format.objects() + " objects, got " + objects.length);
        }
        double[][] goals = points(node.get("goals"), at + ".goals", arena, bad);
        if (format.objects() > 0 && goals.length != format.objects())
            throw bad.at(at + ".goals", node.get("goals"), format.objects() + " goals (one per object), got " + goals.length);
        if (goals.length == 0) throw bad.at(at + ".goals", node.get("goals"), "at least one goal");
        return new TaskInstance(task, index, source, parameters, start, objects, goals);
    }

    /** A list of points; {@code list} is null when the field is missing. */
    private static double[][] points(JsonNode list, String at, double arena, Problem bad) {
        if (list == null) throw bad.missing(at, "a list of [x, y] points");
        if (!list.isArray()) throw bad.at(at, list, "a list of [x, y] points");
        double[][] m = new double[list.size()][];
        for (int i = 0; i < m.length; i++) m[i] = point(list.get(i), at + "[" + i + "]", arena, bad);
        return m;
    }

    /** One [x, y] point inside the arena; {@code n} is null when the field is missing. */
    private static double[] point(JsonNode n, String at, double arena, Problem bad) {
        if (n == null) throw bad.missing(at, "an [x, y] point");
        if (!n.isArray() || n.size() != 2) throw bad.at(at, n, "an [x, y] point");
        double[] v = new double[2];
        for (int i = 0; i < 2; i++) {
            JsonNode x = n.get(i);
            if (!x.isNumber() || !Double.isFinite(x.asDouble())) throw bad.at(at + "[" + i + "]", x, "a number");
            v[i] = x.asDouble();
            if (Math.abs(v[i]) > arena)
                throw bad.at(at, n, "a point inside the arena [-" + arena + ", " + arena + "] (parameters.arena_half_width)");
        }
        return v;
    }

    /** Builds the one-line messages: the source, the field, its value and what was expected. */
    private record Problem(String source) {
        IllegalArgumentException at(String field, JsonNode value, String expected) {
            return new IllegalArgumentException(source + ": " + field + " must be " + expected + ", got " + shown(value));
        }

        IllegalArgumentException missing(String field, String expected) {
            return new IllegalArgumentException(source + ": " + field + " is missing (expected " + expected + ")");
        }

        IllegalArgumentException unknown(String field, JsonNode value, java.util.Collection<String> known) {
            return new IllegalArgumentException(source + ": " + field + " (= " + shown(value)
                    + ") is not a known field; expected one of " + new java.util.TreeSet<>(known));
        }

        private static String shown(JsonNode v) {
            if (v == null) return "nothing";
            String s = v.toString();
            return s.length() > 80 ? s.substring(0, 77) + "..." : s;
        }
    }
}

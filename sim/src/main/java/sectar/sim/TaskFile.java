package sectar.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One task's instance file, {@code /sectar/tasks/<task>.json} on the classpath (a copy of the
 * released code's five instances per task; the project never reads {@code ../shared} at run time).
 */
public final class TaskFile {
    private final String task;
    private final JsonNode root;

    private TaskFile(String task, JsonNode root) {
        this.task = task;
        this.root = root;
    }

    /** Loads the bundled file of {@code task}. */
    public static TaskFile load(String task) {
        String path = "/sectar/tasks/" + task + ".json";
        try (InputStream in = TaskFile.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no task file " + path + " for task '" + task + "'");
            return new TaskFile(task, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read task file " + path, e);
        }
    }

    public int numInstances() { return root.get("instances").size(); }

    /** A numeric task parameter, e.g. "success_radius". */
    public double parameter(String name) {
        JsonNode p = root.get("parameters").get(name);
        if (p == null) throw new IllegalStateException("task file " + task + " has no parameter " + name);
        return p.asDouble();
    }

    /** The JSON node of instance {@code k}, with a clear error when k is out of range. */
    public JsonNode instance(int k) {
        int n = numInstances();
        if (k < 0 || k >= n)
            throw new IllegalArgumentException("instance must be in [0, " + (n - 1) + "] for task '" + task + "', got " + k);
        return root.get("instances").get(k);
    }

    /** The goals of instance k as {x, y} rows. */
    public double[][] goals(int k) { return matrix(instance(k).get("goals")); }

    /** A numeric array field of instance k (e.g. "start", "fist"). */
    public double[] vector(int k, String field) { return vector(instance(k).get(field)); }

    /** A matrix field of instance k (e.g. "objects"). */
    public double[][] matrix(int k, String field) { return matrix(instance(k).get(field)); }

    private static double[] vector(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) v[i] = n.get(i).asDouble();
        return v;
    }

    private static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) m[i] = vector(n.get(i));
        return m;
    }
}

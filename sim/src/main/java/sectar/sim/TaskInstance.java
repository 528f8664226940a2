package sectar.sim;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One task instance as a plain value: where the agent starts, the objects, the ordered goals and the
 * task's parameters, read from a bundled or a user instance file and carried by the {@link TaskSpec}, so
 * tasks and experts never go back to a file. Its JSON form lives with the instance files' reader
 * ({@code sectar.sim.tasks.TaskFile}, {@code EmbeddedInstance}).
 *
 * @param task       the task name
 * @param index      the instance's position in its file (0-based)
 * @param source     where it came from: the bundled file's description or the user file's path
 * @param parameters every parameter of the task: the registration's defaults overridden by the file's
 * @param start      the agent's start point (waypoint's {@code start}, block's {@code fist}); empty for
 *                   tasks that start at a fixed pose (wheeled, swimmer)
 * @param objects    object positions in order (block), empty for the other tasks
 * @param goals      goal points in order, each {x, y}
 */
public record TaskInstance(String task, int index, String source, SortedMap<String, Double> parameters,
                           double[] start, double[][] objects, double[][] goals) {
    public TaskInstance {
        if (index < 0) throw new IllegalArgumentException("instance index must be >= 0, got " + index);
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        start = start.clone();
        objects = copy(objects);
        goals = copy(goals);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }

    /** A numeric parameter, e.g. {@code "success_radius"}. */
    public double parameter(String name) {
        Double v = parameters.get(name);
        if (v == null) throw new IllegalStateException(task + " instance has no parameter " + name);
        return v;
    }

    /** An integer parameter ({@code "segment_len"}, {@code "pay_every"}, ...); the file reader checked it is whole. */
    public int intParameter(String name) { return (int) parameter(name); }

    @Override public double[] start() { return start.clone(); }

    @Override public double[][] objects() { return copy(objects); }

    @Override public double[][] goals() { return copy(goals); }

    /** The same instance under another index (an instance embedded in a run keeps its original index). */
    public TaskInstance withIndex(int k) { return new TaskInstance(task, k, source, parameters, start, objects, goals); }

    /** Equal when every field holds the same numbers (records compare arrays by identity). */
    @Override public boolean equals(Object o) {
        return o instanceof TaskInstance t && task.equals(t.task) && index == t.index && source.equals(t.source)
                && parameters.equals(t.parameters) && java.util.Arrays.equals(start, t.start)
                && java.util.Arrays.deepEquals(objects, t.objects) && java.util.Arrays.deepEquals(goals, t.goals);
    }

    @Override public int hashCode() {
        return java.util.Objects.hash(task, index, source, parameters, java.util.Arrays.hashCode(start),
                java.util.Arrays.deepHashCode(objects), java.util.Arrays.deepHashCode(goals));
    }

    @Override public String toString() {
        return task + " instance " + index + " (" + source + ", " + goals.length + " goals)";
    }
}

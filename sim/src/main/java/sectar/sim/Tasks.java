package sectar.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The task registry: {@code Tasks.make("block", 2)} returns instance 2 of block wrapped in its
 * {@link TimeLimit}, and {@link #expert} its scripted controller (Gymnasium's {@code register} and
 * {@code heuristic}, in one place).
 */
public final class Tasks {
    private Tasks() {}

    /**
     * One registered task.
     *
     * @param name    the task name used on the CLI
     * @param summary one line for {@code sectar tasks}
     * @param spec    instance index to its spec
     * @param env     spec to a fresh, unwrapped environment
     * @param expert  spec to the scripted controller
     */
    public record Entry(String name, String summary, IntFunction<TaskSpec> spec,
                        Function<TaskSpec, Env> env, Function<TaskSpec, Policy> expert) {}

    public static final int NUM_INSTANCES = 5;

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        register(new Entry("waypoint", "point agent visits 50 ordered waypoints, +1 on every third",
                WaypointTask::spec, WaypointTask::new, WaypointExpert::new));
        register(new Entry("block", "fist carries 4 objects to their goals in order, +1 per object",
                BlockTask::spec, BlockTask::new, BlockExpert::new));
        register(new Entry("wheeled", "differential-drive car visits 50 ordered waypoints, +1 on every third",
                WheeledTask::spec, WheeledTask::new, WheeledExpert::new));
        register(new Entry("swimmer", "3-link swimmer brings its com to 10 ordered targets, +1 on every third",
                SwimmerTask::spec, SwimmerTask::new, SwimmerExpert::new));
    }

    private static void register(Entry e) { ENTRIES.put(e.name(), e); }

    /** Registered task names, in registration order. */
    public static List<String> names() { return new ArrayList<>(ENTRIES.keySet()); }

    /** The entry of {@code name}, or an error naming the bad name and the known ones. */
    public static Entry entry(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) throw new IllegalArgumentException("unknown task '" + name + "'; expected one of " + names());
        return e;
    }

    /** The spec of instance {@code k} of {@code name}. */
    public static TaskSpec spec(String name, int k) {
        checkInstance(name, k);
        return entry(name).spec().apply(k);
    }

    /** Instance {@code k} of {@code name}, with its time limit. */
    public static Env make(String name, int k) {
        return new TimeLimit(entry(name).env().apply(spec(name, k)));
    }

    /** The scripted expert for instance {@code k} of {@code name}. */
    public static Policy expert(String name, int k) {
        return entry(name).expert().apply(spec(name, k));
    }

    private static void checkInstance(String name, int k) {
        entry(name);
        if (k < 0 || k >= NUM_INSTANCES)
            throw new IllegalArgumentException("instance must be in [0, " + (NUM_INSTANCES - 1) + "] for task '"
                    + name + "', got " + k);
    }
}

package sectar.sim.tasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import sectar.sim.Env;
import sectar.sim.EnvBatch;
import sectar.sim.InstanceFormat;
import sectar.sim.Policy;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.TimeLimit;
import sectar.sim.block.BlockExpert;
import sectar.sim.block.BlockTask;
import sectar.sim.swimmer.SwimmerExpert;
import sectar.sim.swimmer.SwimmerTask;
import sectar.sim.waypoint.WaypointBatch;
import sectar.sim.waypoint.WaypointExpert;
import sectar.sim.waypoint.WaypointTask;
import sectar.sim.wheeled.WheeledExpert;
import sectar.sim.wheeled.WheeledTask;

/**
 * The task registry: {@code Tasks.make("block", 2)} returns bundled instance 2 of block wrapped in its
 * {@link TimeLimit}, and {@link #expert} its scripted controller (Gymnasium's {@code register} and
 * {@code heuristic}, in one place). Instances are data ({@link TaskInstance}): the bundled ones by
 * default, or any read from a user file with {@link #instances(String, Path)}; every task class and
 * expert takes what it needs from the {@link TaskSpec} built from one.
 */
public final class Tasks {
    private Tasks() {}

    /**
     * One registered task.
     *
     * @param name    the task name used on the CLI
     * @param summary one line for {@code sectar tasks}
     * @param format  the fields of its instances and its default parameters
     * @param spec    instance to its spec
     * @param env     spec to a fresh, unwrapped environment
     * @param expert  spec to the scripted controller
     * @param batch   spec and n to the task's own batch of n envs ({@link EnvBatch}), or null: vector
     *                envs then step separate envs
     */
    public record Entry(String name, String summary, InstanceFormat format, Function<TaskInstance, TaskSpec> spec,
                        Function<TaskSpec, Env> env, Function<TaskSpec, Policy> expert,
                        BiFunction<TaskSpec, Integer, EnvBatch> batch) {}

    /** Instances in each bundled file (the released code's five). */
    public static final int NUM_INSTANCES = 5;

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    private static final Map<String, List<TaskInstance>> BUNDLED = new ConcurrentHashMap<>();

    static {
        register(new Entry("waypoint", "point agent visits 50 ordered waypoints, +1 on every third",
                WaypointTask.FORMAT, WaypointTask::spec, WaypointTask::new, WaypointExpert::new, WaypointBatch::new));
        register(new Entry("block", "fist carries 4 objects to their goals in order, +1 per object",
                BlockTask.FORMAT, BlockTask::spec, BlockTask::new, BlockExpert::new, null));
        register(new Entry("wheeled", "differential-drive car visits 50 ordered waypoints, +1 on every third",
                WheeledTask.FORMAT, WheeledTask::spec, WheeledTask::new, WheeledExpert::new, null));
        register(new Entry("swimmer", "3-link swimmer brings its com to 10 ordered targets, +1 on every third",
                SwimmerTask.FORMAT, SwimmerTask::spec, SwimmerTask::new, SwimmerExpert::new, null));
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

    /** The bundled instances of {@code name} (read once). */
    public static List<TaskInstance> bundled(String name) {
        entry(name);
        return BUNDLED.computeIfAbsent(name, TaskFile::bundled);
    }

    /** The instances of {@code name} in a user file (see {@link TaskFile} for the format and its checks). */
    public static List<TaskInstance> instances(String name, Path file) {
        entry(name);
        return TaskFile.read(file, name);
    }

    /** Bundled instance {@code k} of {@code name}. */
    public static TaskInstance instance(String name, int k) {
        return pick(bundled(name), k, "task '" + name + "'");
    }

    /**
     * Instance {@code k} of {@code name}: from {@code file} when it is not null, else the bundled one.
     * An out-of-range k is one line naming it and the range.
     */
    public static TaskInstance instance(String name, Path file, int k) {
        return file == null ? instance(name, k) : pick(instances(name, file), k, file.toString());
    }

    private static TaskInstance pick(List<TaskInstance> all, int k, String where) {
        if (k < 0 || k >= all.size())
            throw new IllegalArgumentException("instance must be in [0, " + (all.size() - 1) + "] for " + where + ", got " + k);
        return all.get(k);
    }

    /** The spec of bundled instance {@code k} of {@code name}. */
    public static TaskSpec spec(String name, int k) { return spec(instance(name, k)); }

    /** The spec of an instance. */
    public static TaskSpec spec(TaskInstance instance) { return entry(instance.task()).spec().apply(instance); }

    /** Bundled instance {@code k} of {@code name}, with its time limit. */
    public static Env make(String name, int k) { return make(spec(name, k)); }

    /** A fresh env of {@code spec}'s task and instance, with its time limit. */
    public static Env make(TaskSpec spec) { return new TimeLimit(entry(spec.name()).env().apply(spec)); }

    /** The task's own batch of {@code n} envs of {@code spec}'s instance, if it registered one (see {@link EnvBatch}). */
    public static Optional<EnvBatch> batch(TaskSpec spec, int n) {
        var batch = entry(spec.name()).batch();
        return batch == null ? Optional.empty() : Optional.of(batch.apply(spec, n));
    }

    /** The scripted expert for bundled instance {@code k} of {@code name}. */
    public static Policy expert(String name, int k) { return expert(spec(name, k)); }

    /** The scripted expert for {@code spec}'s instance. */
    public static Policy expert(TaskSpec spec) { return entry(spec.name()).expert().apply(spec); }
}

package sectar.sim;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A task's half of its instances, held by its registration in {@link sectar.sim.tasks.Tasks}: which fields an instance
 * file must give and the parameters a file may leave out (the released values).
 *
 * @param startField name of the instance field holding the agent's start point ({@code "start"},
 *                   {@code "fist"}), or null when the task starts at a fixed pose
 * @param objects    objects per instance (the {@code "objects"} field); 0 for none. With objects, each
 *                   object has one goal, so the goals must number the same.
 * @param minArena   {@code arena_half_width} must exceed this: the task's body at its fixed start pose
 *                   must fit inside the walls (0 when the start is given by the instance)
 * @param defaults   every parameter of the task with its default value
 */
public record InstanceFormat(String startField, int objects, double minArena, SortedMap<String, Double> defaults) {
    /** Parameters that count something and so must be whole numbers. */
    public static final Set<String> INTEGER_PARAMETERS = Set.of("pay_every", "segment_len", "episode_segments");

    public InstanceFormat {
        if (objects < 0) throw new IllegalArgumentException("objects must be >= 0, got " + objects);
        if (!defaults.containsKey("arena_half_width"))
            throw new IllegalArgumentException("a task's defaults must give arena_half_width");
        defaults = Collections.unmodifiableSortedMap(new TreeMap<>(defaults));
    }

    /** A format from parameter defaults given as a map literal. */
    public static InstanceFormat of(String startField, int objects, double minArena, Map<String, Double> defaults) {
        return new InstanceFormat(startField, objects, minArena, new TreeMap<>(defaults));
    }
}

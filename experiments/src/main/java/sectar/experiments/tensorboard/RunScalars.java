package sectar.experiments.tensorboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scalars TensorBoard shows for one run folder, read with this package's own reader: the files
 * in name order, and at a START marker the points read so far at steps {@code >= } its step dropped
 * (what TensorBoard's EventAccumulator does to what a killed process wrote past its checkpoint).
 *
 * @param startTime the first event's wall time (NaN for a folder without events)
 * @param tags      tag to its points in step order, tags in order of first appearance
 */
public record RunScalars(double startTime, Map<String, List<Point>> tags) {
    /** One scalar point. */
    public record Point(long step, double wallTime, float value) {}

    /** Loads every event file of {@code dir}. */
    public static RunScalars load(Path dir) {
        double start = Double.NaN;
        Map<String, List<Point>> tags = new LinkedHashMap<>();
        for (Path file : EventFiles.list(dir))
            for (Event e : EventFiles.read(file).events()) {
                if (Double.isNaN(start)) start = e.wallTime();
                if (e.sessionStart()) for (List<Point> points : tags.values()) points.removeIf(p -> p.step() >= e.step());
                e.scalars().forEach((tag, v) -> tags.computeIfAbsent(tag, t -> new ArrayList<>()).add(new Point(e.step(), e.wallTime(), v)));
            }
        Map<String, List<Point>> frozen = new LinkedHashMap<>();
        tags.forEach((t, p) -> frozen.put(t, List.copyOf(p)));
        return new RunScalars(start, Collections.unmodifiableMap(frozen));
    }
}

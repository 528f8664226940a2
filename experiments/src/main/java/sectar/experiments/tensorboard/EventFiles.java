package sectar.experiments.tensorboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The event files of a run folder: how they are named, the order TensorBoard reads them in (by name,
 * so a later process's file must sort after an earlier one's), and reading one back with every CRC checked.
 */
public final class EventFiles {
    /** What every event file's name starts with; the rest is {@code <seconds>.<host>}. */
    public static final String PREFIX = "events.out.tfevents.";

    private EventFiles() {}

    /** The event files in {@code dir}, in TensorBoard's reading order; none for a missing folder. */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * The name for a new event file in {@code dir}: {@code events.out.tfevents.<seconds>.<host>} with the
     * seconds of {@code wallTime}, or one past the latest existing file's if that is not later (a resume
     * within the same second, or on a machine whose clock is behind), so it is read last.
     */
    static Path next(Path dir, double wallTime, String host) {
        long seconds = (long) Math.floor(wallTime);
        for (Path p : list(dir)) seconds = Math.max(seconds, secondsOf(p) + 1);
        return dir.resolve(PREFIX + String.format(Locale.ROOT, "%010d", seconds) + "." + safeHost(host));
    }

    /**
     * The contents of one file.
     *
     * @param events   its complete events, in order
     * @param tornTail whether it ends inside a record (its writer was killed mid-write, or is writing)
     */
    public record Contents(List<Event> events, boolean tornTail) {}

    /** Reads {@code file}; a CRC mismatch or an undecodable event is an error naming the file. */
    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        TfRecords.Parsed parsed = TfRecords.parse(bytes, file.toString());
        List<Event> events = new ArrayList<>(parsed.records().size());
        for (byte[] r : parsed.records()) {
            try {
                events.add(Event.decode(r));
            } catch (IOException e) {
                throw new IllegalArgumentException("corrupt event file " + file + ": event " + (events.size() + 1)
                        + " is not an Event proto (" + e.getMessage() + ")");
            }
        }
        return new Contents(List.copyOf(events), parsed.tornTail());
    }

    /** The seconds in a file's name, or 0 when it has none (a file some other tool named). */
    private static long secondsOf(Path file) {
        String rest = file.getFileName().toString().substring(PREFIX.length());
        int dot = rest.indexOf('.');
        try {
            return Long.parseLong(dot < 0 ? rest : rest.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A host name fit for a file name. */
    private static String safeHost(String host) {
        String h = host == null ? "" : host.replaceAll("[^A-Za-z0-9._-]", "_");
        return h.isEmpty() ? "localhost" : h;
    }
}

package sectar.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run folder's {@value RunFence#WRITERS} read back: every write of a fenced run and every claim of
 * the folder, in the order they held the fence's lock. {@link #twoWriters} states the fence's promise
 * as a check on them.
 */
public final class WriterRecords {
    /**
     * One line.
     *
     * @param epoch  the writer's (or claim's) epoch
     * @param writer {@code host:pid:start-ms} of the writing process, or the claiming worker slot
     * @param timeMs wall clock of the write, ms since the epoch
     * @param file   the file written, relative to the run folder ({@value RunFence#FILE} for a claim)
     */
    public record Line(long epoch, String writer, long timeMs, String file) {
        public boolean claim() { return file.equals(RunFence.FILE); }
    }

    private WriterRecords() {}

    /** The records of run folder {@code dir}; empty when it has none (a run that was never fenced). */
    public static List<Line> read(Path dir) {
        Path f = dir.resolve(RunFence.WRITERS);
        if (!Files.isRegularFile(f)) return List.of();
        List<Line> out = new ArrayList<>();
        try {
            for (String l : Files.readAllLines(f)) {
                String[] c = l.split(",", 4);
                if (c.length == 4) out.add(new Line(Long.parseLong(c[0]), c[1], Long.parseLong(c[2]), c[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        return out;
    }

    /**
     * Where the records show two live writers, or null when they show none: a write whose epoch is
     * older than one already written or claimed (an old holder writing after a newer one took over), or
     * two processes writing under one epoch.
     */
    public static String twoWriters(List<Line> lines) {
        long newest = Long.MIN_VALUE;
        Map<Long, String> writerOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.epoch() < newest)
                return "line " + (i + 1) + ": " + l.writer() + " wrote " + l.file() + " under epoch " + l.epoch() + " after epoch " + newest + " had begun";
            newest = l.epoch();
            if (l.claim()) continue;
            String had = writerOf.putIfAbsent(l.epoch(), l.writer());
            if (had != null && !had.equals(l.writer()))
                return "line " + (i + 1) + ": epoch " + l.epoch() + " written by both " + had + " and " + l.writer();
        }
        return null;
    }
}

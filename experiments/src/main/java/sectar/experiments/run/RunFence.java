package sectar.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one door every file a run writes into its folder goes through, so that a run taken over by
 * another process can never write again. A cluster worker that claims a run makes the claim's epoch
 * the folder's current one ({@link #claim}, in {@value #FILE}) and gives the epoch to the run it starts
 * ({@value #ENV}). Before each write (a metrics row, a checkpoint, metadata, any later file) the run
 * takes the fence file's lock, checks that its epoch is still the current one, writes, appends a line
 * to {@value #WRITERS} and lets go. When the epoch moved on it writes nothing, now or later, and
 * {@link Superseded} ends the run. Claims take the same lock, so a claim and a write never interleave:
 * the writer records list the writes in the order they happened, and once a newer epoch has written no
 * older one ever writes again.
 *
 * <p>A run started without {@value #ENV} (a local run or campaign) has no fence: it writes as before and
 * keeps no records. The lock is a POSIX record lock on {@value #FILE}, which NFSv4 and local file systems
 * honour across machines and processes.
 */
public final class RunFence {
    /** The environment variable that hands a run its claim's epoch. */
    public static final String ENV = "SECTAR_RUN_EPOCH";
    /** The folder's current epoch and who claimed it. */
    public static final String FILE = "fence.json";
    /** One line per write: {@code epoch,writer,time_ms,file}, in lock order. */
    public static final String WRITERS = "writers.csv";
    /** The exit code of a run stopped by its fence (EX_TEMPFAIL: the run goes on elsewhere). */
    public static final int EXIT_SUPERSEDED = 75;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** File locks belong to the whole JVM, so threads of one process queue here first. */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();
    private static final RunFence NONE = new RunFence(null, 0);

    /** A write into the run folder. */
    @FunctionalInterface
    public interface Write {
        void run() throws IOException;
    }

    /** The run's epoch is no longer its folder's: another process holds the run now. */
    public static final class Superseded extends RuntimeException {
        Superseded(String message) { super(message); }
    }

    private final Path dir;
    private final long epoch;
    private final String writer;
    private volatile String stopped;

    private RunFence(Path dir, long epoch) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
        this.epoch = epoch;
        this.writer = dir == null ? null : writerId();
    }

    /** No fence: every write goes ahead and nothing is recorded. */
    public static RunFence none() { return NONE; }

    /** The fence of run folder {@code dir} for a run that holds {@code epoch}. */
    public static RunFence of(Path dir, long epoch) {
        if (epoch < 1) throw new IllegalArgumentException(ENV + " must be an epoch >= 1, got " + epoch);
        return new RunFence(dir, epoch);
    }

    /** The fence {@value #ENV} asks for in {@code dir}, or none when it is unset. */
    public static RunFence fromEnvironment(Path dir) {
        String v = System.getenv(ENV);
        if (v == null || v.isBlank()) return NONE;
        try {
            return of(dir, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + " must be an epoch >= 1, got '" + v + "'");
        }
    }

    /** Whether this fence checks anything. */
    public boolean active() { return dir != null; }

    /**
     * Runs {@code write} (which writes {@code file}, relative to the run folder) while the fence file is
     * locked and still names this fence's epoch, then records it; without a fence it just runs it.
     *
     * @throws Superseded when the folder belongs to a newer epoch (nothing is written, and no later write will be)
     */
    public void write(String file, Write write) {
        if (dir == null) {
            run(write, file);
            return;
        }
        if (stopped != null) throw new Superseded(stopped);
        synchronized (IN_PROCESS.computeIfAbsent(dir, d -> new Object())) {
            try (FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = ch.lock()) {
                long current = readEpoch(ch);
                if (current != epoch) throw stop("run folder " + dir + " now belongs to epoch " + current);
                run(write, file);
                record(dir, epoch, writer, file);
            } catch (NoSuchFileException gone) {
                throw stop("run folder " + dir + " has no " + FILE + " any more");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + dir.resolve(FILE), e);
            }
        }
    }

    private Superseded stop(String why) {
        stopped = why + " (this run held epoch " + epoch + "): another worker took the run over; stopping without writing";
        return new Superseded(stopped);
    }

    private static void run(Write write, String file) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * A claimer's side: makes {@code epoch} the current epoch of run folder {@code dir} (creating both)
     * unless the folder already has it or a later one, which means this claim is stale.
     *
     * @param holder who claims, for the fence file and the writer records
     * @return the epoch the folder had before, or {@code -1 - had} when it had this one or a later one and nothing changed
     */
    public static long claim(Path dir, long epoch, String holder) {
        Path d = dir.toAbsolutePath().normalize();
        synchronized (IN_PROCESS.computeIfAbsent(d, x -> new Object())) {
            try {
                Files.createDirectories(d);
                try (FileChannel ch = FileChannel.open(d.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                     FileLock lock = ch.lock()) {
                    long had = ch.size() == 0 ? 0 : readEpoch(ch);
                    if (had >= epoch) return -1 - had;
                    byte[] text = (JSON.writeValueAsString(Map.of("epoch", epoch, "holder", holder, "claimed", Instant.now().toString()))
                            + "\n").getBytes(StandardCharsets.UTF_8);
                    ch.truncate(0);
                    ByteBuffer buf = ByteBuffer.wrap(text);
                    while (buf.hasRemaining()) ch.write(buf, ch.size());
                    ch.force(true);
                    record(d, epoch, holder, FILE);
                    return had;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot claim run folder " + d, e);
            }
        }
    }

    /** The current epoch of run folder {@code dir}: 0 when no claim ever wrote one, -1 when its fence file is unreadable. */
    public static long epoch(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) return 0;
        try {
            return JSON.readTree(f.toFile()).path("epoch").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The fence file's epoch as read through the locked channel; -1 when it is not one (a claimer never leaves it so). */
    private static long readEpoch(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) { }
        try {
            JsonNode n = JSON.readTree(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
            return n == null ? -1 : n.path("epoch").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void record(Path dir, long epoch, String writer, String file) throws IOException {
        String line = String.format(Locale.ROOT, "%d,%s,%d,%s%n", epoch, writer, System.currentTimeMillis(), file);
        try (FileChannel ch = FileChannel.open(dir.resolve(WRITERS), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(false);
        }
    }

    /** {@code host:pid:start-ms}: one process, whatever PID namespace it lives in. */
    private static String writerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            host = "host";
        }
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
        return host.replaceAll("[^A-Za-z0-9._-]", "_") + ":" + self.pid() + ":" + start;
    }
}

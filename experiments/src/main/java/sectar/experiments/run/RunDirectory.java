package sectar.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import sectar.experiments.tensorboard.EventFiles;
import sectar.experiments.tensorboard.RunEvents;
import sectar.sim.io.AtomicFiles;

/**
 * One run's folder: {@value #CONFIG} (the resolved config record), {@value #METADATA} (provenance and
 * outcome, see {@link RunMetadata}) and {@value #METRICS}, with TensorBoard event files beside it that get
 * each row as it is appended ({@link RunEvents}). Start one with {@link #builder}, finish it
 * with {@link #complete()}; closing a run that was not completed marks it failed, and a JVM shutdown
 * (Ctrl-C, SIGTERM) while it is running marks it killed. Every file the run writes into its folder goes
 * through its {@link RunFence} ({@link #write}, {@link #metrics()}, metadata), so a run that another
 * process took over writes nothing more.
 *
 * <pre>{@code
 * try (RunDirectory run = RunDirectory.builder("waypoint", "sectar", seed).out(out).force(force)
 *         .command(argv).nd4j(nd4jVersion).start(config)) {
 *     ... run.metrics().append(row) ...
 *     run.complete();
 * }
 * }</pre>
 */
public final class RunDirectory implements AutoCloseable {
    public static final String CONFIG = "config.json";
    public static final String METADATA = "metadata.json";
    public static final String METRICS = "metrics.csv";
    /** The TensorBoard event files beside metrics.csv, as the fence's writer records name them. */
    public static final String EVENT_FILES = EventFiles.PREFIX + "*";
    /** The trainer's checkpoint (written by the training loop; a fresh start removes a stale one). */
    public static final String CHECKPOINT = "checkpoint.bin";
    /** Where runs go when no {@code --out} is given, relative to the working directory. */
    public static final Path DEFAULT_ROOT = Path.of("results", "runs");

    /** How a run ended (or that it has not). */
    public enum Status {
        RUNNING, COMPLETED, FAILED, KILLED;

        /** The lower-case word stored in metadata.json. */
        public String json() { return name().toLowerCase(Locale.ROOT); }
    }

    static final ObjectMapper CONFIG_JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;
    private final long startNanos;
    private final RunFence fence;
    private final MetricsCsv metrics;
    private final Thread killHook;
    private RunMetadata metadata;
    private Status status = Status.RUNNING;

    private RunDirectory(Path dir, Clock clock, RunMetadata metadata, RunFence fence, RunEvents events) {
        this.dir = dir;
        this.clock = clock;
        this.startNanos = System.nanoTime();
        this.metadata = metadata;
        this.fence = fence;
        this.metrics = new MetricsCsv(dir.resolve(METRICS), fence, (columns, values) -> fence.write(EVENT_FILES, () -> events.append(columns, values)));
        this.killHook = new Thread(() -> finish(Status.KILLED, "JVM shut down while the run was running"), "run-killed-" + dir.getFileName());
        Runtime.getRuntime().addShutdownHook(killHook);
    }

    /** Starts describing a run of {@code algo} on {@code task} with run seed {@code seed}. */
    public static Builder builder(String task, String algo, long seed) { return new Builder(task, algo, seed); }

    /**
     * The metadata.json of an existing run directory, or a one-line error naming {@code what} (the
     * option or argument that pointed at it) when it has none or it is not JSON.
     */
    public static com.fasterxml.jackson.databind.JsonNode readMetadata(Path dir, String what) {
        Path meta = dir.resolve(METADATA);
        if (!Files.isRegularFile(meta))
            throw new IllegalArgumentException(what + " " + dir + " is not a run directory (no " + METADATA + ")");
        try {
            return new ObjectMapper().readTree(meta.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("broken " + meta + ": " + String.valueOf(e.getMessage()).split("\n")[0]);
        }
    }

    /** When the run in {@code dir} started, from its metadata.json; a one-line error when that has no start time. */
    public static Instant started(Path dir) {
        String started = readMetadata(dir, "run").path("started").asText();
        try {
            return Instant.parse(started);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(dir.resolve(METADATA) + " has no start time (\"started\" is '" + started
                    + "', expected an ISO-8601 instant such as 2026-05-01T14:22:33Z)");
        }
    }

    public Path dir() { return dir; }

    /** A path inside the run folder, e.g. {@code file("plots/return.png")}. */
    public Path file(String relative) { return dir.resolve(relative); }

    /** This run's metrics.csv (created by its first row). */
    public MetricsCsv metrics() { return metrics; }

    /** What writes into a run folder: given the file's path, writes it (atomically, or by appending). */
    @FunctionalInterface
    public interface FileWrite {
        void write(Path file) throws IOException;
    }

    /**
     * Writes file {@code relative} of the run folder (a checkpoint, an event file, any file besides
     * metrics.csv and metadata.json) through the run's fence.
     *
     * @throws RunFence.Superseded when another process holds the run now (nothing is written)
     */
    public void write(String relative, FileWrite write) {
        Path f = file(relative);
        fence.write(relative, () -> write.write(f));
    }

    /** The fence every write of this run goes through (none for a run outside a cluster). */
    public RunFence fence() { return fence; }

    public synchronized Status status() { return status; }

    /** Metadata as last written. */
    public synchronized RunMetadata metadata() { return metadata; }

    /** Marks the run completed (end time, wall_s, status), rewriting metadata.json atomically. */
    public void complete() { finish(Status.COMPLETED, null); }

    /** Marks the run failed with the cause's message. */
    public void fail(Throwable cause) { finish(Status.FAILED, String.valueOf(cause)); }

    /** Marks the run failed if it is still running; a finished run is left as it is. */
    @Override
    public void close() {
        finish(Status.FAILED, "closed without complete()");
    }

    /**
     * The first end status wins; later calls do nothing. Closing (or the JVM's end) after the fence
     * refused a write leaves metadata.json as the run's new holder has it.
     */
    private synchronized void finish(Status end, String error) {
        if (status != Status.RUNNING) return;
        status = end;
        double wall = (System.nanoTime() - startNanos) / 1e9;
        metadata = metadata.finish(Instant.now(clock).toString(), wall, end.json(), error);
        RunFence.Superseded refused = null;
        try {
            fence.write(METADATA, () -> metadata.write(dir.resolve(METADATA)));
        } catch (RunFence.Superseded s) {
            refused = s;
        }
        if (end != Status.KILLED) {
            try {
                Runtime.getRuntime().removeShutdownHook(killHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it will find the status already set
            }
        }
        if (refused != null && end == Status.COMPLETED) throw refused; // the caller must not report a completion that was not written
    }

    /** The settings of a run folder; {@link #start} checks them, then creates the folder. */
    public static final class Builder {
        private final String task;
        private final String algo;
        private final long seed;
        private Path out;
        private boolean force;
        private boolean resume;
        private Path root = DEFAULT_ROOT;
        private List<String> command = List.of();
        private String nd4j = "none";
        private Clock clock = Clock.systemUTC();
        private Path gitDir = Path.of("");
        private RunFence fence;

        private Builder(String task, String algo, long seed) {
            checkName("task", task);
            checkName("algo", algo);
            this.task = task;
            this.algo = algo;
            this.seed = seed;
        }

        /** The exact folder ({@code --out}); null means a new folder under the root. */
        public Builder out(Path folder) { out = folder; return this; }

        /**
         * Allow an existing non-empty {@code --out}; its config.json, metadata.json, metrics.csv, checkpoint.bin
         * and event files are replaced.
         */
        public Builder force(boolean allow) { force = allow; return this; }

        /**
         * Continue the run in {@code --out} (which must hold a config.json equal to the new config):
         * metrics.csv is kept so the caller can {@link MetricsCsv#truncateAfter} to its checkpoint, and
         * metadata.json is rewritten with status running and a new start time, keeping the commits that ran
         * it before ({@link RunMetadata#earlierCommits}).
         */
        public Builder resume(boolean continueRun) { resume = continueRun; return this; }

        /** Parent of default run folders (default {@link #DEFAULT_ROOT}). */
        public Builder root(Path folder) { root = folder; return this; }

        /** The command line metadata.json records (absolute paths inside the working directory become relative, {@link PortableArgs}). */
        public Builder command(List<String> args) { command = List.copyOf(args); return this; }

        public Builder command(String... args) { return command(List.of(args)); }

        /** ND4J version/backend string for metadata.json (this module does not ask ND4J itself). */
        public Builder nd4j(String version) { nd4j = version; return this; }

        public Builder clock(Clock c) { clock = c; return this; }

        /** Directory in which git is asked for the commit (default: the working directory). */
        public Builder gitDir(Path folder) { gitDir = folder; return this; }

        /** The fence the run's writes go through (default: the one {@link RunFence#ENV} asks for, else none). */
        public Builder fence(RunFence f) { fence = f; return this; }

        /**
         * Checks the folder, then creates it and writes config.json ({@code config}, usually a record,
         * serialised by Jackson) and metadata.json with status running. Refusing writes nothing.
         */
        public RunDirectory start(Object config) {
            Instant now = Instant.now(clock);
            String configJson = toJson(config);
            Path dir;
            Instant earlierStart = now;
            List<String> earlierCommits = List.of();
            if (resume) {
                if (out == null) throw new IllegalArgumentException("resume needs the folder of the run to continue (--out)");
                dir = checkedResume(out, configJson);
                earlierStart = earlierStart(dir, now); // before metadata.json is replaced
                earlierCommits = earlierCommits(dir);
            } else {
                dir = out != null ? checkedOut(out, force) : freshFolder(now);
            }
            GitState git = GitState.read(gitDir.toAbsolutePath()); // before creating files that would make the tree dirty
            RunFence f = fence != null ? fence : RunFence.fromEnvironment(dir);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) { // a user error: the folder is below a file, or not writable
                throw new IllegalArgumentException("cannot create run folder " + dir + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
            List<String> replaced = resume ? List.of(METADATA) : List.of(CONFIG, METADATA, METRICS, CHECKPOINT);
            try {
                for (String owned : replaced) f.write(owned, () -> Files.deleteIfExists(dir.resolve(owned)));
            } catch (UncheckedIOException e) { // not writable: a user error too
                throw new IllegalArgumentException("cannot replace the files of run folder " + dir + " (" + e.getCause() + ")");
            }
            f.write(CONFIG, () -> AtomicFiles.writeString(dir.resolve(CONFIG), configJson));
            RunMetadata md = new RunMetadata(task, algo, seed, git.commit(), git.dirty(),
                    commandLine(PortableArgs.relativeTo(Path.of(""), command)),
                    System.getProperty("java.version"), nd4j, Runtime.getRuntime().availableProcessors(), hostname(), CpuInfo.describe(),
                    now.toString(), null, null, Status.RUNNING.json(), null, earlierCommits);
            f.write(METADATA, () -> md.write(dir.resolve(METADATA)));
            Path metrics = dir.resolve(METRICS);
            RunEvents[] events = new RunEvents[1]; // a fresh run deletes a reused folder's event files, a resumed one may write one
            Instant began = earlierStart;
            f.write(EVENT_FILES, () -> events[0] = resume
                    ? RunEvents.resume(dir, began, md.hostname(), clock, () -> Files.exists(metrics) ? rows(MetricsCsv.read(metrics)) : null)
                    : RunEvents.fresh(dir, now, md.hostname(), clock));
            return new RunDirectory(dir, clock, md, f, events[0]);
        }

        /** The start a resumed run's metadata.json records, or {@code fallback} when it has none readable. */
        private static Instant earlierStart(Path dir, Instant fallback) {
            try {
                return started(dir);
            } catch (IllegalArgumentException noStart) {
                return fallback; // the events then count the run's time from this process's start
            }
        }

        /** The commits that ran the resumed run in {@code dir} so far; none when its metadata.json is missing or unreadable. */
        private static List<String> earlierCommits(Path dir) {
            Path meta = dir.resolve(METADATA);
            if (!Files.isRegularFile(meta)) return List.of();
            try {
                return RunMetadata.read(meta).commits();
            } catch (UncheckedIOException unreadable) {
                return List.of(); // written atomically, so only a foreign file lands here; its provenance is lost either way
            }
        }

        private Path freshFolder(Instant now) {
            String base = task + "__" + algo + "__seed" + seed + "__" + FOLDER_TIME.format(now);
            Path dir = root.resolve(base);
            for (int i = 2; Files.exists(dir); i++) dir = root.resolve(base + "-" + i);
            return dir;
        }
    }

    /** {@code --out} must be absent or an empty folder unless {@code force}; never a plain file. */
    static Path checkedOut(Path out, boolean force) {
        if (!Files.exists(out)) return out;
        if (!Files.isDirectory(out))
            throw new IllegalArgumentException("--out " + out.toAbsolutePath() + " exists and is not a directory");
        try (Stream<Path> s = Files.list(out)) {
            if (s.findAny().isPresent() && !force)
                throw new IllegalArgumentException("--out " + out.toAbsolutePath()
                        + " is not empty; choose a new folder or pass force (--force) to reuse it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + out, e);
        }
        return out;
    }

    /** A resumed folder must exist and hold the same config (compared as JSON trees). */
    static Path checkedResume(Path out, String configJson) {
        Path file = out.resolve(CONFIG);
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException("cannot resume " + out.toAbsolutePath() + ": it has no " + CONFIG);
        try {
            if (!CONFIG_JSON.readTree(file.toFile()).equals(CONFIG_JSON.readTree(configJson)))
                throw new IllegalArgumentException("cannot resume " + out.toAbsolutePath() + ": its " + CONFIG
                        + " differs from the config given now:\n" + Files.readString(file) + "vs\n" + configJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /** A metrics table as the rows {@link RunEvents} writes. */
    public static RunEvents.Rows rows(MetricsCsv.Table table) { return new RunEvents.Rows(table.columns(), table.rows()); }

    static String toJson(Object config) {
        try {
            return CONFIG_JSON.writeValueAsString(config) + "\n";
        } catch (IOException e) {
            throw new IllegalArgumentException("config of type " + config.getClass().getName() + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static String commandLine(List<String> args) {
        return args.stream().map(a -> a.isEmpty() || a.contains(" ") ? "'" + a + "'" : a).collect(Collectors.joining(" "));
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? GitState.UNKNOWN : env;
        }
    }

    private static void checkName(String what, String value) {
        if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9._-]+"))
            throw new IllegalArgumentException(what + " must be a non-empty name of letters, digits, '.', '_' or '-', got '" + value + "'");
    }
}

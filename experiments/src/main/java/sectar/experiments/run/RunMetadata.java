package sectar.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sectar.sim.io.AtomicFiles;

/**
 * What metadata.json records about a run besides its config: where the code came from, the machine,
 * and how the run ended. Written at start with status "running" and rewritten atomically at the end.
 * JSON keys are snake_case ({@code git_commit}, {@code wall_s}, ...).
 *
 * @param task      task name
 * @param algo      algorithm name
 * @param seed      the run seed every random stream derives from
 * @param gitCommit {@link GitState#commit()}
 * @param gitDirty  {@link GitState#dirty()}: "true", "false" or "unknown"
 * @param command   the command line, arguments joined by spaces (quoted when they contain spaces), with
 *                  absolute paths inside the working directory relative to it ({@link PortableArgs})
 * @param java      {@code java.version}
 * @param nd4j      ND4J version/backend string given by the caller ("none" if the run does not use it)
 * @param cores     {@code Runtime.availableProcessors()}
 * @param hostname  host name, or "unknown"
 * @param cpu       processor model and widest vector extension ({@code CpuInfo}); same-seed runs agree
 *                  exactly only where this matches; null in runs recorded before it was
 * @param started   ISO-8601 UTC start time
 * @param finished  ISO-8601 UTC end time, null while running
 * @param wallS     wall-clock seconds from start to end (monotonic clock), null while running
 * @param status    running, completed, failed or killed
 * @param error     the failure's message for status failed, otherwise null
 * @param earlierCommits the commits ({@link #commitLabel}) of the processes that ran this run before this one
 *                  (a resumed run), oldest first, without repeats in a row: the fields above describe only the
 *                  last process, and a run continued by other code is a run of both; empty for a run started
 *                  once, null in runs recorded before it was
 */
public record RunMetadata(String task, String algo, long seed, String gitCommit, String gitDirty, String command,
                          String java, String nd4j, int cores, String hostname, String cpu, String started, String finished,
                          Double wallS, String status, String error, List<String> earlierCommits) {

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** This record with the end of the run filled in. */
    public RunMetadata finish(String finishedAt, double wallSeconds, String endStatus, String errorMessage) {
        return new RunMetadata(task, algo, seed, gitCommit, gitDirty, command, java, nd4j, cores, hostname, cpu, started,
                finishedAt, wallSeconds, endStatus, errorMessage, earlierCommits);
    }

    /** This process's commit, with "+dirty" when its tree was dirty. */
    public String commitLabel() { return gitCommit + ("true".equals(gitDirty) ? "+dirty" : ""); }

    /** Every commit that ran this run, oldest first, without repeats in a row: the earlier ones, then this process's. */
    public List<String> commits() {
        List<String> all = new ArrayList<>(earlierCommits == null ? List.of() : earlierCommits);
        if (all.isEmpty() || !all.get(all.size() - 1).equals(commitLabel())) all.add(commitLabel());
        return List.copyOf(all);
    }

    /** Writes this record as pretty JSON, atomically. */
    public void write(Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise metadata for " + file, e);
        }
    }

    public static RunMetadata read(Path file) {
        try {
            return JSON.readValue(file.toFile(), RunMetadata.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run metadata " + file, e);
        }
    }
}

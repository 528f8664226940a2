package sectar.experiments.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.run.RunMetadata;

/** What a campaign finds in a run's folder before it starts the run. */
public enum RunState {
    /** No run has started here: train it. */
    ABSENT,
    /** metadata.json says completed: skip it. */
    FINISHED,
    /** A run started and did not complete (killed, failed, or still marked running after a kill -9): resume or restart it. */
    STOPPED;

    /** The state of the run folder {@code dir}. */
    public static RunState of(Path dir) {
        Path meta = dir.resolve(RunDirectory.METADATA);
        if (!Files.isRegularFile(meta)) return ABSENT;
        String status;
        try {
            status = RunMetadata.read(meta).status();
        } catch (RuntimeException unreadable) { // written atomically, so only a foreign file lands here
            return STOPPED;
        }
        return RunDirectory.Status.COMPLETED.json().equals(status) ? FINISHED : STOPPED;
    }
}

package sectar.experiments.campaign;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sectar.sim.io.AtomicFiles;

/**
 * {@value #FILE} in a campaign folder: the {@code sectar train} arguments each run was started with,
 * by run name. A campaign started again checks its plan against it, so a run is never continued or
 * counted under a budget or config other than the one it started with.
 */
public final class CampaignRecord {
    public static final String FILE = "campaign.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, List<String>> runs;

    private CampaignRecord(Path file, Map<String, List<String>> runs) {
        this.file = file;
        this.runs = runs;
    }

    public static CampaignRecord load(Path root) {
        Path f = root.resolve(FILE);
        if (!Files.isRegularFile(f)) return new CampaignRecord(f, new TreeMap<>());
        try {
            return new CampaignRecord(f, new TreeMap<>(JSON.readValue(f.toFile(), new TypeReference<Map<String, List<String>>>() {})));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** Fails (a user error) when a run recorded here was started with other arguments than {@code spec} plans. */
    public void check(RunSpec spec) {
        List<String> had = runs.get(spec.name());
        if (had != null && !had.equals(spec.trainArgs()))
            throw new IllegalArgumentException("run " + spec.name() + " in " + file.getParent() + " was started as '"
                    + String.join(" ", had) + "' but is now planned as '" + String.join(" ", spec.trainArgs())
                    + "'; use another --out or remove that run's folder");
    }

    /** Records {@code spec}'s arguments (before its first start) and rewrites the file atomically. */
    public synchronized void record(RunSpec spec) {
        if (spec.trainArgs().equals(runs.get(spec.name()))) return;
        runs.put(spec.name(), spec.trainArgs());
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(runs) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

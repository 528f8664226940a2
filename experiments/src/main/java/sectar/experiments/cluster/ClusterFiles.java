package sectar.experiments.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import sectar.sim.io.AtomicFiles;

/**
 * Discovery through the shared campaign folder, which every member sees: the coordinator writes
 * {@value #CLUSTER} (the cluster's name and its address), each worker writes its own address into
 * {@value #MEMBERS}{@code /<worker>.json}. A coordinator started again reads both, so it takes the same
 * cluster name and joins the members that kept the campaign's state while it was gone; {@code --status}
 * finds the cluster the same way.
 */
public final class ClusterFiles {
    public static final String CLUSTER = "cluster.json";
    public static final String MEMBERS = "cluster-members";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * {@value #CLUSTER}.
     *
     * @param clusterName the cluster's name (what a worker's {@code --cluster-name} must say)
     * @param address     the coordinator's {@code host:port}
     */
    public record Cluster(String clusterName, String address) {}

    private ClusterFiles() {}

    /** The cluster file of campaign folder {@code root}, or null when it has none. */
    public static Cluster readCluster(Path root) {
        Path f = root.resolve(CLUSTER);
        if (!Files.isRegularFile(f)) return null;
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return new Cluster(n.path("cluster_name").asText(), n.path("address").asText());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + f + " (" + e.getMessage() + ")");
        }
    }

    public static void writeCluster(Path root, Cluster c) {
        Map<String, String> m = new TreeMap<>(Map.of("cluster_name", c.clusterName(), "address", c.address()));
        write(root.resolve(CLUSTER), m);
    }

    /** Records worker {@code id}'s member address. */
    public static void writeMember(Path root, String id, String address) {
        write(root.resolve(MEMBERS).resolve(id + ".json"), new TreeMap<>(Map.of("worker", id, "address", address)));
    }

    public static void removeMember(Path root, String id) {
        try {
            Files.deleteIfExists(root.resolve(MEMBERS).resolve(id + ".json"));
        } catch (IOException ignored) { // a stale file only costs a restarted coordinator one refused connection
        }
    }

    /** The addresses workers recorded (some may be gone: their files outlive a kill). */
    public static List<String> memberAddresses(Path root) {
        Path dir = root.resolve(MEMBERS);
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    String a = JSON.readTree(f.toFile()).path("address").asText();
                    if (!a.isEmpty() && !out.contains(a)) out.add(a);
                } catch (IOException unreadable) { // written atomically: only a foreign file lands here
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }

    private static void write(Path f, Object value) {
        try {
            Files.createDirectories(f.getParent());
            AtomicFiles.writeString(f, JSON.writeValueAsString(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }
}

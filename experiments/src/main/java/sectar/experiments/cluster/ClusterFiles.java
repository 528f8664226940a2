package sectar.experiments.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Discovery through the shared campaign folder, which every machine sees: the coordinator writes
 * {@value #CLUSTER} (the cluster's name and its address, mode 0600), from which workers and
 * {@code --status} find the cluster and a coordinator started again takes the same name.
 */
public final class ClusterFiles {
    public static final String CLUSTER = "cluster.json";
    /** The environment variable a worker or coordinator may take the cluster's name from instead. */
    public static final String NAME_ENV = "SECTAR_CLUSTER_NAME";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * {@value #CLUSTER}.
     *
     * @param clusterName the cluster's name
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

    /** Writes {@value #CLUSTER}, readable by its owner only: the name is what joining takes. */
    public static void writeCluster(Path root, Cluster c) {
        try {
            PrivateFiles.write(root.resolve(CLUSTER), JSON.writeValueAsString(new TreeMap<>(Map.of("cluster_name", c.clusterName(),
                    "address", c.address()))) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(CLUSTER), e);
        }
    }

    /** The cluster name {@link #NAME_ENV} gives, or null. */
    public static String nameFromEnvironment() {
        String v = System.getenv(NAME_ENV);
        return v == null || v.isBlank() ? null : MemberConfig.checkName(v.strip());
    }
}

package sectar.experiments.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads and writes run configs as config.json, with errors that name the file and the problem. */
public final class ConfigJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigJson() {}

    public static String write(Object config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise config " + config.getClass().getSimpleName(), e);
        }
    }

    /**
     * The config a run directory's config.json of {@code algo} holds, in today's form: written by an
     * earlier version, it is upgraded first ({@link OldConfigs}).
     */
    public static Record read(Algorithm algo, Path file) {
        return read(file, algo.configType(), tree -> OldConfigs.upgrade(algo, tree));
    }

    /** A config file's JSON as written, for a resumed run folder to compare itself with. */
    public static JsonNode readTree(Path file) {
        return read(file, JsonNode.class);
    }

    public static <T> T read(Path file, Class<T> type) {
        return read(file, type, tree -> {});
    }

    /** Reads {@code file} as {@code type} after {@code upgrade} has completed its tree (e.g. fields it predates). */
    public static <T> T read(Path file, Class<T> type, Consumer<ObjectNode> upgrade) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no config file " + file);
        try {
            JsonNode tree = MAPPER.readTree(file.toFile());
            if (!(tree instanceof ObjectNode o)) throw new IllegalArgumentException("expected a JSON object");
            upgrade.accept(o);
            return MAPPER.treeToValue(o, type);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
            throw new IllegalArgumentException("broken config " + file + ": " + why);
        }
    }
}

package sectar.experiments.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    public static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no config file " + file);
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
            throw new IllegalArgumentException("broken config " + file + ": " + why);
        }
    }
}

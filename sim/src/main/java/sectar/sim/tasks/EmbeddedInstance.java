package sectar.sim.tasks;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import sectar.sim.TaskInstance;

/**
 * A task instance inside another JSON document (a run's {@code config.json}), written as an instance
 * file holding just this instance ({@link TaskFile#toJson}), so it can be copied out and used with
 * {@code --instances-file}; read back with its {@code "instance"} number ({@link TaskFile#embedded}).
 * A record field holding an instance is marked {@code @EmbeddedInstance.Field}.
 */
public final class EmbeddedInstance {
    private EmbeddedInstance() {}

    /** Marks a field (or record component) whose instance is written and read as a one-instance file. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @JacksonAnnotationsInside
    @JsonSerialize(using = Writer.class)
    @JsonDeserialize(using = Reader.class)
    public @interface Field {}

    /** Writes an instance as a one-instance file. */
    public static final class Writer extends StdSerializer<TaskInstance> {
        public Writer() { super(TaskInstance.class); }

        @Override public void serialize(TaskInstance value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeTree(TaskFile.toJson(value));
        }
    }

    /** Reads a one-instance file written by {@link Writer}. */
    public static final class Reader extends StdDeserializer<TaskInstance> {
        public Reader() { super(TaskInstance.class); }

        @Override public TaskInstance deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = p.readValueAsTree();
            return TaskFile.embedded(node);
        }
    }
}

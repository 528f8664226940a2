package sectar.experiments.tensorboard;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One TensorBoard {@code Event} of the three kinds these files hold: a file's version header, a
 * {@code SessionLog} START marker, or a {@code Summary} of scalars. Encoded field by field with
 * protobuf's {@link CodedOutputStream} after TensorBoard's {@code event.proto} and {@code summary.proto}
 * (only the fields used here); decoding skips every other field.
 *
 * @param wallTime     seconds since the epoch
 * @param step         the x of every scalar in the event (env steps here)
 * @param fileVersion  {@value #FILE_VERSION} in a file's first event, otherwise null
 * @param sessionStart a START marker: TensorBoard then drops the points it read earlier at steps {@code >= step}
 * @param scalars      tag to value, in write order (TensorBoard's {@code simple_value} is a float)
 */
public record Event(double wallTime, long step, String fileVersion, boolean sessionStart, Map<String, Float> scalars) {
    /** The version TensorBoard needs to honour START markers (older files purge by step order instead). */
    public static final String FILE_VERSION = "brain.Event:2";

    // Field numbers: Event, Summary, Summary.Value, SessionLog.
    private static final int WALL_TIME = 1, STEP = 2, VERSION = 3, SUMMARY = 5, SESSION_LOG = 7;
    private static final int VALUE = 1;
    private static final int TAG = 1, SIMPLE_VALUE = 2;
    private static final int STATUS = 1, START = 1;

    public Event {
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
    }

    /** The first event of every file. */
    public static Event version(double wallTime) { return new Event(wallTime, 0, FILE_VERSION, false, Map.of()); }

    /** The marker a resumed run writes at the first step it writes. */
    public static Event sessionStart(long step, double wallTime) { return new Event(wallTime, step, null, true, Map.of()); }

    /** Scalars at one step. */
    public static Event scalars(long step, double wallTime, Map<String, Float> values) {
        return new Event(wallTime, step, null, false, values);
    }

    /** The serialized {@code Event} proto. */
    public byte[] encode() {
        return message(out -> { // proto3 leaves fields at their default out, as TensorBoard's own writer does
            if (wallTime != 0) out.writeDouble(WALL_TIME, wallTime);
            if (step != 0) out.writeInt64(STEP, step);
            if (fileVersion != null) out.writeString(VERSION, fileVersion);
            if (sessionStart) out.writeByteArray(SESSION_LOG, message(log -> log.writeEnum(STATUS, START)));
            if (!scalars.isEmpty()) out.writeByteArray(SUMMARY, message(summary -> {
                for (Map.Entry<String, Float> e : scalars.entrySet())
                    summary.writeByteArray(VALUE, message(v -> {
                        v.writeString(TAG, e.getKey());
                        v.writeFloat(SIMPLE_VALUE, e.getValue());
                    }));
            }));
        });
    }

    /** Parses a serialized {@code Event}; summary values that are not simple scalars are left out. */
    public static Event decode(byte[] data) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(data);
        double wall = 0;
        long step = 0;
        String version = null;
        boolean start = false;
        Map<String, Float> scalars = new LinkedHashMap<>();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case WALL_TIME -> wall = in.readDouble();
                case STEP -> step = in.readInt64();
                case VERSION -> version = in.readString();
                case SESSION_LOG -> start = readStatus(in.readByteArray()) == START;
                case SUMMARY -> readSummary(in.readByteArray(), scalars);
                default -> in.skipField(tag);
            }
        }
        return new Event(wall, step, version, start, scalars);
    }

    private static int readStatus(byte[] sessionLog) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(sessionLog);
        int status = 0;
        for (int tag; (tag = in.readTag()) != 0; ) {
            if (WireFormat.getTagFieldNumber(tag) == STATUS) status = in.readEnum();
            else in.skipField(tag);
        }
        return status;
    }

    private static void readSummary(byte[] summary, Map<String, Float> into) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(summary);
        for (int tag; (tag = in.readTag()) != 0; ) {
            if (WireFormat.getTagFieldNumber(tag) != VALUE) {
                in.skipField(tag);
                continue;
            }
            CodedInputStream v = CodedInputStream.newInstance(in.readByteArray());
            String name = null;
            Float value = null;
            for (int t; (t = v.readTag()) != 0; ) {
                switch (WireFormat.getTagFieldNumber(t)) {
                    case TAG -> name = v.readString();
                    case SIMPLE_VALUE -> value = v.readFloat();
                    default -> v.skipField(t);
                }
            }
            if (name != null && value != null) into.put(name, value);
        }
    }

    /** Fields written into one message. */
    private interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Fields fields) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            fields.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an event into memory", e); // a ByteArrayOutputStream does not fail
        }
    }
}

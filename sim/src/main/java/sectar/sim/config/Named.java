package sectar.sim.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a config record from named values, so a preset reads {@code .set("candidates", 640)} instead
 * of the second of twelve positional numbers. {@link #of} needs every component named exactly once;
 * {@link #from} starts from an existing record and changes only what is named. Unknown, repeated or
 * missing names fail naming the record and its components; the record's own constructor still checks
 * the values.
 *
 * <pre>{@code
 * MpcConfig mpc = Named.of(MpcConfig.class).set("episodes", 40).set("candidates", 2048) ... .build();
 * }</pre>
 */
public final class Named<R extends Record> {
    private final Class<R> type;
    private final RecordComponent[] components;
    private final Map<String, Object> base;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Named(Class<R> type, Map<String, Object> base) {
        this.type = type;
        this.components = type.getRecordComponents();
        this.base = base;
    }

    /** A record of {@code type} whose every component must be {@link #set}. */
    public static <R extends Record> Named<R> of(Class<R> type) { return new Named<>(type, Map.of()); }

    /** A copy of {@code record} with the components that are {@link #set} replaced. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> Named<R> from(R record) {
        Class<R> type = (Class<R>) record.getClass();
        Map<String, Object> base = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) base.put(c.getName(), read(c, record));
        return new Named<>(type, base);
    }

    /** Sets component {@code name}; a name the record does not have, or one set twice, fails at once. */
    public Named<R> set(String name, Object value) {
        if (Arrays.stream(components).noneMatch(c -> c.getName().equals(name)))
            throw new IllegalArgumentException(type.getSimpleName() + " has no field '" + name + "'; fields: " + names());
        if (values.containsKey(name))
            throw new IllegalArgumentException(type.getSimpleName() + "." + name + " is set twice");
        values.put(name, value);
        return this;
    }

    /** The record; fails naming every component left unset. */
    public R build() {
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            types[i] = components[i].getType();
            if (values.containsKey(name)) args[i] = values.get(name);
            else if (base.containsKey(name)) args[i] = base.get(name);
            else missing.add(name);
        }
        if (!missing.isEmpty())
            throw new IllegalStateException(type.getSimpleName() + " leaves " + missing + " unset");
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true); // presets may keep their helper records package-private
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r; // the record's own validation
            throw new IllegalStateException(e.getCause());
        } catch (IllegalArgumentException e) { // a value of the wrong type
            throw new IllegalArgumentException(type.getSimpleName() + ": a value does not fit its field's type " + describe(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    private List<String> names() { return Arrays.stream(components).map(RecordComponent::getName).toList(); }

    private String describe() {
        StringBuilder sb = new StringBuilder("(");
        for (RecordComponent c : components) {
            Object v = values.containsKey(c.getName()) ? values.get(c.getName()) : base.get(c.getName());
            sb.append(c.getName()).append(": ").append(c.getType().getSimpleName()).append(" <- ")
                    .append(v == null ? "null" : v.getClass().getSimpleName()).append("; ");
        }
        return sb.append(")").toString();
    }
}

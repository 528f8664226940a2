package sectar.agent.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The named parameters of a model in a fixed order: what Adam updates and what a checkpoint saves.
 * Names are hierarchical ("enc.l1.fwd.W"); {@link #state()} / {@link #load(Map)} exchange plain
 * {@code float[]} values (row-major) and {@link #shapes()} gives each one's {@code [rows, cols]}.
 */
public final class ParamStore {
    private final DataType dtype;
    private final Map<String, Param> params = new LinkedHashMap<>();

    public ParamStore(boolean doublePrecision) {
        Nd.init();
        this.dtype = Nd.dtype(doublePrecision);
    }

    public DataType dtype() { return dtype; }

    public boolean doublePrecision() { return dtype == DataType.DOUBLE; }

    /** Creates and registers a zero parameter; names must be unique. */
    public Param create(String name, int rows, int cols) {
        if (params.containsKey(name)) throw new IllegalArgumentException("duplicate parameter name " + name);
        Param p = new Param(name, rows, cols, dtype);
        params.put(name, p);
        return p;
    }

    public List<Param> list() { return new ArrayList<>(params.values()); }

    public Param get(String name) {
        Param p = params.get(name);
        if (p == null) throw new IllegalArgumentException("unknown parameter " + name + "; known: " + params.keySet());
        return p;
    }

    /** Total number of scalars. */
    public long count() { return params.values().stream().mapToLong(Param::size).sum(); }

    public void zeroGrad() { params.values().forEach(Param::zeroGrad); }

    /** Name to [rows, cols], in parameter order. */
    public Map<String, int[]> shapes() {
        Map<String, int[]> m = new LinkedHashMap<>();
        params.forEach((k, p) -> m.put(k, p.shape()));
        return m;
    }

    /** Name to row-major values, in parameter order (a copy). */
    public Map<String, float[]> state() {
        Map<String, float[]> m = new LinkedHashMap<>();
        params.forEach((k, p) -> m.put(k, toFloat(p.get())));
        return m;
    }

    /**
     * Overwrites every parameter from {@code state}; all names must be present and each length must
     * match the shape, else an {@link IllegalArgumentException} names the parameter and both shapes.
     * Nothing is changed when validation fails.
     */
    public void load(Map<String, float[]> state) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        state.forEach((k, v) -> shapes.put(k, new int[] {v == null ? 0 : v.length}));
        load(state, shapes);
    }

    /** As {@link #load(Map)}, also checking each stored shape against the parameter's shape. */
    public void load(Map<String, float[]> state, Map<String, int[]> storedShapes) {
        for (Param p : params.values()) {
            float[] v = state.get(p.name());
            if (v == null) throw new IllegalArgumentException("state has no parameter " + p.name()
                    + " of shape " + Arrays.toString(p.shape()));
            int[] s = storedShapes.get(p.name());
            boolean shapeOk = s == null || (s.length == 1 ? s[0] == p.size() : Arrays.equals(s, p.shape()));
            if (!shapeOk || v.length != p.size())
                throw new IllegalArgumentException("parameter " + p.name() + " has shape " + Arrays.toString(p.shape())
                        + " but the state holds shape " + (s == null ? "[" + v.length + "]" : Arrays.toString(s))
                        + " (" + v.length + " values)");
            Nd.checkFinite("parameter " + p.name(), v);
        }
        for (String k : state.keySet())
            if (!params.containsKey(k)) throw new IllegalArgumentException("state holds unknown parameter " + k
                    + "; known: " + params.keySet());
        for (Param p : params.values()) p.set(toDouble(state.get(p.name())));
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }
}
